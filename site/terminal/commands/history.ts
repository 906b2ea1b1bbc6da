import type { SlashCommand } from './types.ts';
import { words } from './types.ts';

export const history: SlashCommand = {
  name: 'history',
  usage: '/history',
  summary: 'show the lines you typed before (Up/Down recall them)',
  run(ctx, args) {
    if (words(args).length > 0) return ctx.usage();
    const lines = ctx.terminal.history();
    if (lines.length === 0) {
      ctx.print('No history yet.', 'note');
      return;
    }
    const width = String(lines.length).length;
    lines.forEach((line, i) => ctx.print(`${String(i + 1).padStart(width)}  ${line}`));
  },
};
