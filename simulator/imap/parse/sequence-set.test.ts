/** RFC 9051 §9 sequence-set: parse, format, membership, compaction. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latin1Bytes } from '../../wire/bytes.ts';
import type { SeqNumber, SequenceSet } from './ast.ts';
import { Cursor, SyntaxFault } from './lexer.ts';
import { compactSequenceSet, formatSequenceSet, parseSequenceSet, sequenceSetHas } from './sequence-set.ts';

function parseAll(text: string): SequenceSet {
  const c = new Cursor(latin1Bytes(text));
  const set = parseSequenceSet(c);
  c.end();
  return set;
}

const seqNumber: fc.Arbitrary<SeqNumber> = fc.oneof(fc.integer({ min: 1, max: 0xffffffff }), fc.constant('*' as const));
const sequenceSet: fc.Arbitrary<SequenceSet> = fc.oneof(
  fc.constant({ kind: 'saved' as const }),
  fc.record({
    kind: fc.constant('set' as const),
    ranges: fc.array(fc.oneof(seqNumber.map((n) => ({ from: n, to: n })), fc.record({ from: seqNumber, to: seqNumber })), { minLength: 1, maxLength: 8 }),
  }),
);

describe('sequence sets', () => {
  it('parses the RFC examples', () => {
    expect(parseAll('2,4:7,9,12:*')).toEqual({
      kind: 'set',
      ranges: [{ from: 2, to: 2 }, { from: 4, to: 7 }, { from: 9, to: 9 }, { from: 12, to: '*' }],
    });
    expect(parseAll('*:4,5:7')).toEqual({ kind: 'set', ranges: [{ from: '*', to: 4 }, { from: 5, to: 7 }] });
    expect(parseAll('$')).toEqual({ kind: 'saved' });
  });

  it('refuses 0, empty parts, and numbers over 32 bits', () => {
    for (const bad of ['0', '1,', ',1', '1::2', '4294967296', '1:0', '']) {
      expect(() => parseAll(bad), bad).toThrow(SyntaxFault);
    }
  });

  it('round-trips through its wire form', () => {
    fc.assert(
      fc.property(sequenceSet, (set) => {
        expect(parseAll(formatSequenceSet(set))).toEqual(set);
      }),
    );
  });

  it('ranges in either order mean the same; * is the largest number in use', () => {
    const a = parseAll('2:4');
    const b = parseAll('4:2');
    for (let n = 0; n < 7; n++) expect(sequenceSetHas(a, n, 10)).toBe(sequenceSetHas(b, n, 10));
    // RFC 9051 §9: "3291:* includes the UID of the last message ... even if that value is less".
    expect(sequenceSetHas(parseAll('3291:*'), 100, 100)).toBe(true);
    expect(sequenceSetHas(parseAll('3291:*'), 99, 100)).toBe(false);
    expect(() => sequenceSetHas({ kind: 'saved' }, 1, 1)).toThrow();
  });

  it('compacts any numbers into the smallest set with the same members', () => {
    expect(formatSequenceSet(compactSequenceSet([5, 1, 2, 3, 3, 9, 10]))).toBe('1:3,5,9:10');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 })), (ns) => {
        const set = compactSequenceSet(ns);
        for (let n = 1; n <= 61; n++) expect(sequenceSetHas(set, n, 1000)).toBe(ns.includes(n));
      }),
    );
  });
});
