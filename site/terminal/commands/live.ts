import type { SlashCommand } from './types.ts';
import { words } from './types.ts';

export const live: SlashCommand = {
  name: 'live',
  usage: '/live [on|off]',
  summary: 'where /connect goes: real servers or the simulator',
  run(ctx, args) {
    const [choice, ...rest] = words(args).map((w) => w.toLowerCase());
    if (rest.length > 0 || (choice !== undefined && choice !== 'on' && choice !== 'off')) return ctx.usage();
    const on = choice === undefined ? ctx.terminal.live() : ctx.terminal.live(choice === 'on');
    ctx.print(on ? `Live is on: /connect reaches real servers through the relay at ${ctx.terminal.relay()} (/connect --sim for the simulator).` : 'Live is off: /connect reaches the virtual network (/connect --live for a real server).', 'note');
  },
};
