/**
 * COPY and MOVE share one grammar, with or without UID (RFC 9051 §9 copy = "COPY" SP
 * sequence-set SP mailbox; RFC 6851 §3.3 move = "MOVE" SP sequence-set SP mailbox).
 */
import type { ArgParser } from './arg-parser.ts';
import type { Cmd, SequenceSet } from './ast.ts';
import { parseMailbox } from './mailbox.ts';
import { parseSequenceSet } from './sequence-set.ts';

export type TransferCommand<N extends 'COPY' | 'MOVE'> = Cmd<N, { uid: boolean; set: SequenceSet; mailbox: string }>;

export const transferArgs =
  <N extends 'COPY' | 'MOVE'>(name: N, uid: boolean): ArgParser<TransferCommand<N>> =>
  (c, tag, opts) => {
    c.sp(name);
    const set = parseSequenceSet(c);
    c.sp('the sequence set');
    const mailbox = parseMailbox(c, opts, 'the destination mailbox name');
    c.end();
    return { tag, name, uid, set, mailbox };
  };
