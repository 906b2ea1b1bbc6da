/**
 * fast-check properties: whatever arrives, at whatever split, the reader answers with well-formed
 * results, never throws, gives the same answers however the input is cut, and stays bounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../wire/bytes.ts';
import { CommandReader, type ReaderOptions, type ReaderResult } from './reader.ts';
import { readChunks } from './split-feed.ts';

const SMALL: Partial<ReaderOptions> = { maxLine: 256, maxLiteral: 200, maxMessage: 600, maxCommand: 1024, maxLiterals: 5 };

const VALID = [
  'a1 CAPABILITY', 'a2 LOGIN alice wonderland', 'a3 LOGIN {5}\r\nalice {10+}\r\nwonderland',
  'a4 SELECT INBOX', 'a5 FETCH 1:* (FLAGS ENVELOPE BODY.PEEK[HEADER.FIELDS (From Subject)]<0.100>)',
  'a6 STORE 2 +FLAGS.SILENT (\\Seen \\Deleted)', 'a7 UID MOVE 3,5:* Archive',
  'a8 SEARCH RETURN (MIN COUNT) CHARSET UTF-8 OR (FROM "x" SINCE 1-Feb-1994) NOT UID $',
  'a9 APPEND INBOX (\\Seen) "17-Jul-1996 02:44:25 -0700" {11}\r\nHello\r\nBye!',
  'b1 LIST (SUBSCRIBED) "" ("INBOX" "Sent/%") RETURN (CHILDREN STATUS (MESSAGES UNSEEN))',
  'b2 STATUS "&U,BTFw-" (UIDNEXT SIZE)', 'b3 ID ("name" "x" "os" NIL)', 'b4 AUTHENTICATE PLAIN =',
  'b5 ENABLE IMAP4rev2', 'b6 UID EXPUNGE 1:3', 'b7 IDLE', 'b8 RENAME a b', 'b9 APPEND x ~{3+}\r\na\0b',
];

/** Cuts `bytes` at the given offsets (taken modulo its length, sorted). */
function cut(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((o) => (bytes.length ? o % bytes.length : 0)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let last = 0;
  for (const p of points) {
    out.push(bytes.subarray(last, p));
    last = p;
  }
  out.push(bytes.subarray(last));
  return out;
}

const TAG = /^[!#$&'+,\-./0-9:;<=>?@A-Z[\]^_`a-z|}~]+$/;

function wellFormed(r: ReaderResult): void {
  expect(['command', 'bad', 'no', 'continue', 'hangup']).toContain(r.kind);
  const tag = r.kind === 'command' ? r.command.tag : r.tag;
  expect(tag === '*' || (TAG.test(tag) && !tag.includes('+'))).toBe(true);
  if (r.kind === 'bad' || r.kind === 'no') {
    expect(r.message.length).toBeGreaterThan(0);
    expect(r.message).toMatch(/^[\x20-\x7e]+$/);
  }
}

const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.constantFrom(...['{', '}', '{5}\r\n', '{9+}\r\n', '~{2}\r\n', '"', '\\', '(', ')', ' ', '\r\n', '[', '*', '$', '\0'].map(utf8Bytes)),
  }),
);

type Mutation = { op: 'delete'; at: number; n: number } | { op: 'insert'; at: number; bytes: Uint8Array };

function mutate(bytes: Uint8Array, muts: Mutation[]): Uint8Array {
  let out = bytes;
  for (const m of muts) {
    const at = out.length ? m.at % out.length : 0;
    out = m.op === 'delete'
      ? Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + m.n)])
      : Uint8Array.from([...out.subarray(0, at), ...m.bytes, ...out.subarray(at)]);
  }
  return out;
}

function check(bytes: Uint8Array, offsets: number[]): void {
  const whole = readChunks([bytes], SMALL);
  whole.forEach(wellFormed);
  const split = readChunks(cut(bytes, offsets), SMALL);
  expect(split).toEqual(whole);
}

describe('the reader under random input', () => {
  it('random bytes never throw and give well-formed, split-independent results', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(), { maxLength: 6 }), (bytes, offsets) => {
        check(bytes, offsets);
      }),
      { numRuns: 400 },
    );
  });

  it('random printable lines with IMAP punctuation', () => {
    const char = fc.constantFrom(...'a1 (){}[]<>"\\*%$+-~.:,0123456789FLAGSBODY\r\n');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 300 }), fc.array(fc.nat(), { maxLength: 6 }), (chars, offsets) => {
        check(utf8Bytes(chars.join('')), offsets);
      }),
      { numRuns: 400 },
    );
  });

  it('mutated valid commands never throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (line, muts, offsets) => {
          check(mutate(utf8Bytes(`${line}\r\nz9 NOOP\r\n`), muts as Mutation[]), offsets);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('every valid command parses, alone and after garbage', () => {
    for (const line of VALID) {
      const rs = readChunks([utf8Bytes(`${line}\r\n`)], { literalPlus: true }).filter((r) => r.kind !== 'continue');
      expect(rs, line).toMatchObject([{ kind: 'command' }]);
      const after = readChunks([utf8Bytes(`((( {x}\r\n${line}\r\n`)], { literalPlus: true }).filter((r) => r.kind !== 'continue');
      expect(after.at(-1), line).toMatchObject({ kind: 'command' });
    }
  });

  it('memory stays bounded whatever arrives', () => {
    const bound = SMALL.maxLine! + SMALL.maxCommand! + SMALL.maxMessage! + 4096;
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...VALID.map((v) => utf8Bytes(`${v}\r\n`)))), { maxLength: 40 }), (chunks) => {
        const reader = new CommandReader(SMALL);
        for (const chunk of chunks) {
          reader.feed(chunk);
          for (let r = reader.next(); r; r = reader.next()) wellFormed(r);
          expect(reader.buffered).toBeLessThanOrEqual(bound);
        }
      }),
      { numRuns: 200 },
    );
  });
});
