/** DELETE, SUBSCRIBE and UNSUBSCRIBE share one grammar (RFC 9051 §9: verb SP mailbox). */
import type { ArgParser } from './arg-parser.ts';
import type { Cmd } from './ast.ts';
import { parseMailbox } from './mailbox.ts';

export type OneMailboxCommand<N extends string> = Cmd<N, { mailbox: string }>;

export const oneMailboxArgs =
  <N extends 'DELETE' | 'SUBSCRIBE' | 'UNSUBSCRIBE'>(name: N): ArgParser<OneMailboxCommand<N>> =>
  (c, tag, opts) => {
    c.sp(name);
    const mailbox = parseMailbox(c, opts);
    c.end();
    return { tag, name, mailbox };
  };
