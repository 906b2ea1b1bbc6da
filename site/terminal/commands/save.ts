import type { SlashCommand } from './types.ts';
import { words } from './types.ts';

export const save: SlashCommand = {
  name: 'save',
  usage: '/save',
  summary: 'download the transcript of this session as text',
  run(ctx, args) {
    if (words(args).length > 0) return ctx.usage();
    const file = ctx.terminal.save();
    if (file) ctx.print(`Saved the transcript as ${file}.`, 'note');
    else ctx.print('Nothing to save yet: /connect to a server first.', 'note');
  },
};
