/** RFC 9051 §9 sequence-set: numbers, `*`, ranges in either order, and `$` (RFC 9051 §6.4.4.1). */
import type { SeqNumber, SeqRange, SequenceSet } from './ast.ts';
import { Cursor, SyntaxFault } from './lexer.ts';

/** RFC 9051 §9 nz-number: "Non-zero unsigned 32-bit integer". */
export const MAX_NZ_NUMBER = 0xffffffff;

function seqNumber(c: Cursor): SeqNumber {
  if (c.accept(0x2a)) return '*';
  const b = c.peek();
  if (b === undefined || b < 0x31 || b > 0x39) c.fail('a message number (1, 2, ...) or "*"');
  const n = c.number('a message number');
  if (n > MAX_NZ_NUMBER) throw new SyntaxFault(`message number ${n} is larger than 4294967295`);
  return n;
}

/** @rfc 9051#9 sequence-set @rfc 9051#6.4.4.1 */
export function parseSequenceSet(c: Cursor): SequenceSet {
  if (c.accept(0x24)) return { kind: 'saved' };
  const ranges: SeqRange[] = [];
  do {
    const from = seqNumber(c);
    const to = c.accept(0x3a) ? seqNumber(c) : from;
    ranges.push({ from, to });
  } while (c.accept(0x2c));
  return { kind: 'set', ranges };
}

/** The wire form, e.g. `1:3,7,9:*` (ranges kept in the order and direction given). */
export function formatSequenceSet(set: SequenceSet): string {
  if (set.kind === 'saved') return '$';
  return set.ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}:${r.to}`)).join(',');
}

/**
 * The smallest sequence set covering `numbers` (any order, duplicates allowed), for responses
 * such as COPYUID (RFC 4315 §3) and ESEARCH ALL.
 */
export function compactSequenceSet(numbers: Iterable<number>): SequenceSet {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const ranges: SeqRange[] = [];
  for (const n of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && typeof last.to === 'number' && n === last.to + 1) last.to = n;
    else ranges.push({ from: n, to: n });
  }
  return { kind: 'set', ranges };
}

/**
 * Whether `n` is in the set, given what `*` means now (the highest number or UID in use;
 * RFC 9051 §9: "3291:* includes the UID of the last message ... even if that value is less").
 * `$` has no meaning here: the caller substitutes the saved result first.
 */
export function sequenceSetHas(set: SequenceSet, n: number, star: number): boolean {
  if (set.kind === 'saved') throw new Error('resolve $ before testing membership');
  return set.ranges.some((r) => {
    const a = r.from === '*' ? star : r.from;
    const b = r.to === '*' ? star : r.to;
    return n >= Math.min(a, b) && n <= Math.max(a, b);
  });
}
