import type { SlashCommand } from './types.ts';
import { words } from './types.ts';

/** The live session as Wireshark reads it: what crossed the relay, with the page's TLS key log. */
export const capture: SlashCommand = {
  name: 'capture',
  usage: '/capture',
  summary: 'save the live session as pcapng with its key log',
  run(ctx, args) {
    if (words(args).length > 0) return ctx.usage();
    void ctx.terminal.capture().then((saved) => {
      if (!saved) return ctx.print('No live session to capture yet: /connect --live HOST PORT first. (A virtual session\'s capture is in the lab\'s lines panel.)', 'note');
      const keys = saved.keyLines ? ` with ${saved.keyLines} key log lines: Wireshark decrypts its TLS` : ' (no TLS in this page, so no key log)';
      ctx.print(`Saved the capture as ${saved.file}${keys}.`, 'note');
    });
  },
};
