import { wrapWords } from '../wrap.ts';
import type { SlashCommand } from './types.ts';
import { words } from './types.ts';

const INTRO = 'Lines you type go to the server you are connected to. Commands for the terminal itself:';
const OUTRO = 'Start a line with // to send a line that begins with "/" to the server.';
/**
 * The list scrolls its top out of a phone's terminal, and what a learner needs next is the first
 * step: so, when not connected, it is said again last, just above the prompt.
 */
const FIRST_STEP = 'To begin: /connect HOST PORT (/hosts lists the servers and ports).';

export const help: SlashCommand = {
  name: 'help',
  usage: '/help',
  summary: 'list the terminal commands',
  run(ctx, args) {
    if (words(args).length > 0) return ctx.usage();
    const list = ctx.terminal.commands();
    const cols = ctx.terminal.columns();
    const width = Math.max(...list.map((c) => c.usage.length));
    for (const line of wrapWords(INTRO, cols)) ctx.print(line);
    // Two columns where they fit; on a narrow (phone) terminal, the summary under the usage.
    const wide = width + 4 + Math.max(...list.map((c) => c.summary.length)) <= cols;
    for (const c of list) {
      if (wide) {
        ctx.print(`  ${c.usage.padEnd(width)}  ${c.summary}`);
        continue;
      }
      ctx.print(`  ${c.usage}`);
      for (const line of wrapWords(c.summary, cols - 6)) ctx.print(`      ${line}`);
    }
    for (const line of wrapWords(OUTRO, cols)) ctx.print(line);
    if (ctx.terminal.connection() === null) for (const line of wrapWords(FIRST_STEP, cols)) ctx.print(line);
  },
};
