import type { SlashCommand } from './types.ts';
import { words } from './types.ts';

export const clear: SlashCommand = {
  name: 'clear',
  usage: '/clear',
  summary: 'clear the screen (Ctrl+L)',
  run(ctx, args) {
    if (words(args).length > 0) return ctx.usage();
    ctx.terminal.clear();
  },
};
