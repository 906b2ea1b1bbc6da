import type { SlashCommand } from './types.ts';
import { words } from './types.ts';

export const disconnect: SlashCommand = {
  name: 'disconnect',
  usage: '/disconnect',
  summary: 'close the connection (without QUIT/LOGOUT)',
  run(ctx, args) {
    if (words(args).length > 0) return ctx.usage();
    if (!ctx.terminal.connection()) {
      ctx.print('Not connected.', 'note');
      return;
    }
    ctx.terminal.disconnect();
  },
};
