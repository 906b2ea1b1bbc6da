/**
 * Property tests: whatever a client sends, split however the network likes, the server answers
 * with well-formed replies, never throws, and keeps its buffers bounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineDriver } from '../testing/transcript.ts';
import { concatBytes, utf8Bytes } from '../wire/bytes.ts';
import { PLAIN_ALICE, smtpContext } from './server-fixture.test-helper.ts';
import { MAX_COMMAND_LINE, SmtpServer } from './server.ts';

const REPLY_LINE = /^[2-5]\d\d[ -]/;
const MAX_SIZE = 2048;

const commandLine = fc.oneof(
  fc.constantFrom(
    'EHLO fuzz.test', 'HELO fuzz.test', 'STARTTLS', `AUTH PLAIN ${PLAIN_ALICE}`, 'AUTH LOGIN', 'AUTH PLAIN', '*', 'YWxpY2U=', 'd29uZGVybGFuZA==',
    'MAIL FROM:<alice@example.com>', 'MAIL FROM:<> SIZE=100', 'MAIL FROM:<x@y.test> SMTPUTF8', 'RCPT TO:<bob@example.org>',
    'RCPT TO:<alice@example.com>', 'RCPT TO:<Postmaster>', 'RCPT TO:<jörg@example.org>', 'DATA', '.', '..x', 'BDAT 5', 'BDAT 0 LAST',
    'BDAT 3 LAST', 'BDAT 99999', 'RSET', 'NOOP', 'VRFY bob', 'HELP', 'HELP MAIL', 'QUIT', 'Subject: fuzz', '',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ minLength: 500, maxLength: 1500 }),
  fc.string({ maxLength: 490 }).map((t) => `MAIL FROM:<${t}@x.test>`),
  fc.string({ maxLength: 490 }).map((t) => `RCPT TO:<a@${t}>`),
  fc.string({ maxLength: 490 }).map((t) => `MAIL FROM:<a@b.test> ${t}`),
);
const terminator = fc.constantFrom('\r\n', '\r\n', '\r\n', '\n', '\r', '');

const session = fc
  .array(fc.tuple(commandLine, terminator), { maxLength: 40 })
  .map((lines) => utf8Bytes(lines.map(([l, t]) => l + t).join('')));
const randomBytes = fc.uint8Array({ maxLength: 3000 }).map((b) => concatBytes([utf8Bytes('EHLO x\r\n'), b]));

/** Cuts `bytes` at the given (sorted, de-duplicated) offsets. */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(bytes.subarray(from, p));
    from = p;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

function runProperty(input: fc.Arbitrary<Uint8Array>, runs: number): void {
  fc.assert(
    fc.property(input, fc.array(fc.nat(), { maxLength: 20 }), fc.constantFrom(25, 465, 587, 2525), fc.boolean(), (bytes, cuts, port, plaintextAuth) => {
      const ctx = smtpContext(port === 25 ? 'mail.example.org' : 'mail.example.com', port, { plaintextAuth, maxMessageSize: MAX_SIZE });
      const server = new SmtpServer(ctx);
      const driver = new EngineDriver(server);
      const lines = driver.start();
      for (const part of split(bytes, cuts)) {
        lines.push(...driver.sendBytes(part));
        // Bounded: an unfinished line (at most the SASL limit) or a chunk's tail waits, beside at
        // most one message's worth of DATA or BDAT chunk being assembled.
        expect(server.buffered).toBeLessThanOrEqual(12288 + 1 + MAX_SIZE);
      }
      for (const line of lines) {
        expect(line).toMatch(REPLY_LINE);
        expect(utf8Bytes(line).length + 2).toBeLessThanOrEqual(MAX_COMMAND_LINE);
      }
      driver.take(server.closed(driver.now));
      expect(server.state).toBe('closed');
      for (const m of ctx.world.store.account('bob@example.org')!.inbox.messages) expect(m.raw.length).toBeLessThan(MAX_SIZE + 1000);
    }),
    { numRuns: runs },
  );
}

describe('fuzz', () => {
  it('random command sessions split at random offsets', () => runProperty(session, 400));
  it('random bytes after EHLO split at random offsets', () => runProperty(randomBytes, 200));
});
