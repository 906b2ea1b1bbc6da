/**
 * Property tests (fast-check): random and malformed input, literals, and input split at every
 * offset. No exception escapes, every response is well formed, and memory stays bounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Output } from '../engine.ts';
import { concatBytes, latin1Text, utf8Bytes } from '../wire/bytes.ts';
import type { ImapEvent } from './events.ts';
import { freshWorld, imapServer, T0 } from './test-helpers.ts';
import type { ImapServer } from './server.ts';

/** Everything the server wrote, as one octet string. */
function written(outputs: Output<ImapEvent>[]): Uint8Array {
  return concatBytes(outputs.flatMap((o) => (o.type === 'write' ? [o.bytes] : [])));
}

/**
 * Checks RFC 9051 §2.2.2 framing of the server's output: every response line starts with "* ",
 * "+ " or "tag OK|NO|BAD ", and a line ending in {n} is followed by n octets of literal.
 * Returns the first problem, or null.
 */
function responseProblem(bytes: Uint8Array): string | null {
  const text = latin1Text(bytes);
  let pos = 0;
  let startOfResponse = true;
  while (pos < text.length) {
    const eol = text.indexOf('\r\n', pos);
    if (eol < 0) return `unterminated line: ${JSON.stringify(text.slice(pos, pos + 80))}`;
    const line = text.slice(pos, eol);
    if (startOfResponse && !/^(\* |\+ |[^ \r\n]+ (OK|NO|BAD) )/.test(line) && line !== '+') {
      return `malformed response line: ${JSON.stringify(line.slice(0, 80))}`;
    }
    const literal = /~?\{(\d+)\}$/.exec(line);
    pos = eol + 2;
    if (literal) {
      pos += Number(literal[1]);
      startOfResponse = false;
    } else {
      startOfResponse = true;
    }
  }
  return null;
}

const TOKENS = [
  'a1', '*', 'LOGIN', 'alice', 'wonderland', 'SELECT', 'INBOX', 'FETCH', '1:*', '1', '2,3', '$',
  '(FLAGS', 'BODY[]', 'BODY.PEEK[HEADER.FIELDS', '(Subject)]', 'ENVELOPE)', 'BINARY[1]<0.5>', 'UID',
  'STORE', '+FLAGS', '(\\Seen)', 'SEARCH', 'OR', 'NOT', 'TEXT', '"quoted \\" x"', '{3}', '{2+}', '~{1}',
  'APPEND', 'Archive', 'IDLE', 'DONE', 'MOVE', 'COPY', 'EXPUNGE', 'LIST', '""', '%', 'RETURN',
  '(STATUS', '(MESSAGES))', 'AUTHENTICATE', 'PLAIN', 'AGFsaWNlAHdvbmRlcmxhbmQ=', 'ENABLE', 'IMAP4rev2',
  'CLOSE', 'LOGOUT', 'STARTTLS', '(', ')', '[', ']', '<', '>', '\u00e9', '\0', '\t', 'NIL',
];

const line = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 12 })
  .map((words) => words.join(' '));
const ending = fc.constantFrom('\r\n', '\n', '\r\n', '');

/** Feeds `input` in the given pieces; runs ticks too, as a transport would after a waker call. */
function run(server: ImapServer, input: Uint8Array, cuts: number[]): Output<ImapEvent>[] {
  const out: Output<ImapEvent>[] = [...server.start(T0)];
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < input.length)].sort((a, b) => a - b).concat(input.length)) {
    out.push(...server.feed(input.subarray(from, cut), T0));
    out.push(...server.tick(T0));
    from = cut;
    if (out.some((o) => o.type === 'starttls')) out.push(...server.tlsStarted({ version: 'TLSv1.3', cipher: 'x' }, T0));
  }
  out.push(...server.closed(T0));
  return out;
}

describe('the response framing check', () => {
  it('accepts literals and catches a malformed or unterminated response', () => {
    expect(responseProblem(utf8Bytes('* 1 FETCH (BODY[] {5}\r\nab\r\nc)\r\na1 OK done\r\n'))).toBeNull();
    expect(responseProblem(utf8Bytes('* OK hi\r\nnonsense\r\n'))).toMatch(/malformed/);
    expect(responseProblem(utf8Bytes('a1 OK done'))).toMatch(/unterminated/);
  });
});

describe('IMAP server under random input', () => {
  it('never throws, frames every response, whatever arrives at whatever split', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, ending), { maxLength: 12 }), fc.array(fc.nat(400), { maxLength: 8 }), (lines, cuts) => {
        const input = utf8Bytes(lines.map(([l, e]) => l + e).join(''));
        const prefix = utf8Bytes('p1 LOGIN alice wonderland\r\np2 SELECT INBOX\r\n');
        const outputs = run(imapServer(freshWorld()), concatBytes([prefix, input]), cuts);
        expect(responseProblem(written(outputs))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  const SCRIPT =
    'a1 LOGIN alice wonderland\r\na2 SELECT INBOX\r\na3 FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (Subject)])\r\n' +
    'a4 APPEND Archive {11}\r\nSubject: x\r\n\r\na5 SEARCH CHARSET UTF-8 SUBJECT {4+}\r\nSite\r\n' +
    'a6 STORE 1 +FLAGS (\\Flagged)\r\na7 AUTHENTICATE PLAIN\r\na8 UID MOVE 2 Trash\r\na9 IDLE\r\nDONE\r\nb1 LOGOUT\r\n';

  it('answers a script the same however it is split (every offset, and one byte at a time)', () => {
    const input = utf8Bytes(SCRIPT);
    const whole = latin1Text(written(run(imapServer(freshWorld()), input, [])));
    expect(whole).toContain('b1 OK LOGOUT completed');
    expect(responseProblem(written(run(imapServer(freshWorld()), input, [])))).toBeNull();
    for (let cut = 1; cut < input.length; cut++) {
      expect(latin1Text(written(run(imapServer(freshWorld()), input, [cut]))), `split at ${cut}`).toBe(whole);
    }
    const bytewise = Array.from({ length: input.length }, (_, i) => i);
    expect(latin1Text(written(run(imapServer(freshWorld()), input, bytewise)))).toBe(whole);
  });

  it('keeps memory bounded when a line never ends or a literal is huge', () => {
    const server = imapServer(freshWorld());
    server.start(T0);
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    for (let i = 0; i < 64; i++) server.feed(chunk, T0);
    expect(server.buffered).toBeLessThan(256 * 1024);
    const out = latin1Text(written(server.feed(utf8Bytes('\r\na1 APPEND INBOX {999999999999}\r\n'), T0)));
    expect(out).toMatch(/BAD|NO/);
  });
});
