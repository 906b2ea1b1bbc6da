/**
 * Every (state × command) pair answers and never throws (h2 `test_state_machines.py`); random and
 * malformed input at random split points; the limits of RFC 2449 §4; STLS command injection.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Output } from '../engine.ts';
import { defaultWorld } from '../world/world.ts';
import { testContext } from '../testing/context.ts';
import { TEST_TLS } from '../testing/transcript.ts';
import { concatBytes, latin1Text, utf8Bytes } from '../wire/bytes.ts';
import { bobLoggedIn, pop3, T0 } from './fixtures.test-helper.ts';
import { allowedCommands, POP3_COMMANDS } from './registry.ts';
import { Pop3Server } from './server.ts';
import type { Pop3Event } from './events.ts';

const ARGS = ['', ' 1', ' 1 1', ' 0', ' 99', ' x', ' -1', ' ' + 'a'.repeat(41), ' 1 2 3', '  1'];
const STATUS = /^(\+OK|-ERR)( .*)?$/;

function writes(outputs: Output<Pop3Event>[]): string {
  return latin1Text(concatBytes(outputs.flatMap((o) => (o.type === 'write' ? [o.bytes] : []))));
}

/** The first line of what the server wrote. */
function firstLine(outputs: Output<Pop3Event>[]): string {
  return writes(outputs).split('\r\n')[0] ?? '';
}

type Where = 'AUTHORIZATION' | 'AUTHORIZATION+TLS' | 'TRANSACTION' | 'CLOSED';

function serverIn(where: Where): Pop3Server {
  if (where === 'TRANSACTION') return bobLoggedIn().server;
  const f = pop3({ port: where === 'AUTHORIZATION' ? 110 : 995 });
  if (where === 'CLOSED') f.driver.send('QUIT\r\n');
  return f.server;
}

describe('every (state × command) pair', () => {
  const verbs = [...POP3_COMMANDS.map((c) => c.verb), 'HELO', 'XYZZY', 'RETRIEVE', 'LIST1'];
  for (const where of ['AUTHORIZATION', 'AUTHORIZATION+TLS', 'TRANSACTION', 'CLOSED'] as const) {
    for (const verb of verbs) {
      it(`${where} × ${verb}`, () => {
        for (const arg of ARGS) {
          const server = serverIn(where);
          const out = server.feed(utf8Bytes(`${verb}${arg}\r\n`), T0);
          if (where === 'CLOSED') {
            expect(out).toEqual([]);
            continue;
          }
          const line = firstLine(out);
          // The AUTH exchange's empty challenge is the one non-status reply.
          if (line === '+ ') continue;
          expect(line, `${verb}${arg}`).toMatch(STATUS);
          expect(line.length).toBeLessThanOrEqual(510);
          const state = where === 'TRANSACTION' ? 'TRANSACTION' : 'AUTHORIZATION';
          if (!POP3_COMMANDS.some((c) => c.verb === verb)) expect(line).toBe(`-ERR unknown command ${verb}`);
          else if (!allowedCommands(state).includes(verb)) expect(line).toMatch(new RegExp(`^-ERR ${verb} is not valid in the ${state} state`));
        }
      });
    }
  }
});

describe('framing and limits (RFC 2449 §4)', () => {
  it('accepts a 255-octet command line and refuses a 256-octet one', () => {
    const f = bobLoggedIn();
    // "NOOP" + spaces: the arguments are empty, so only the length matters.
    expect(f.driver.send('NOOP' + ' '.repeat(249) + '\r\n')).toEqual(['+OK']);
    expect(f.driver.send('NOOP' + ' '.repeat(250) + '\r\n')).toEqual([
      '-ERR command line too long: at most 255 octets including CRLF (RFC 2449 section 4)',
    ]);
    expect(f.driver.send('STAT\r\n')[0]).toMatch(/^\+OK 2 /);
  });

  it('refuses arguments over 40 characters, but not a long password or AUTH initial response', () => {
    const f = pop3({ port: 995 });
    expect(f.driver.send(`USER ${'b'.repeat(41)}\r\n`)).toEqual(['-ERR argument too long: at most 40 characters each (RFC 1939 section 3)']);
    expect(f.driver.send(`USER ${'b'.repeat(40)}\r\nPASS ${'p'.repeat(60)}\r\n`)).toEqual([
      '+OK send PASS',
      '-ERR [AUTH] invalid user name or password',
    ]);
    const ir = btoa('bob@example.org\0bob@example.org\0builder');
    expect(ir.length).toBeGreaterThan(40);
    expect(f.driver.send(`AUTH PLAIN ${ir}\r\n`)[0]).toMatch(/^\+OK maildrop locked/);
  });

  it('accepts bare LF line ends, as Dovecot does', () => {
    const f = pop3({ port: 995 });
    expect(f.driver.send('USER bob\nPASS builder\n')[1]).toMatch(/^\+OK maildrop/);
  });

  it('answers non-UTF-8 and empty lines with -ERR', () => {
    const f = pop3({ port: 995 });
    expect(f.driver.sendBytes(Uint8Array.of(0x55, 0x53, 0xff, 0x0d, 0x0a))).toEqual(['-ERR command line is not valid UTF-8']);
    expect(f.driver.send('\r\n')).toEqual(['-ERR empty command line; a command is a keyword like STAT or USER']);
  });

  it('closes after ten bad commands with [SYS/PERM]', () => {
    const f = pop3({ port: 995 });
    const lines = f.driver.send('BAD\r\n'.repeat(12));
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe('-ERR [SYS/PERM] too many errors, closing connection');
    expect(f.driver.closed).toBe(true);
  });

  it('answers the same when a session is split in two at every offset', () => {
    const script = utf8Bytes('USER bob\r\nPASS builder\r\nLIST\r\nTOP 1 0\r\nDELE 2\r\nQUIT\r\n');
    const expected = writes(fresh().feed(script, T0));
    for (let i = 0; i <= script.length; i++) {
      const server = fresh();
      const got = [...server.feed(script.subarray(0, i), T0), ...server.feed(script.subarray(i), T0)];
      expect(writes(got), `split at ${i}`).toBe(expected);
    }
  });

  it('handles every command fed one byte at a time like in one piece', () => {
    const script = 'CAPA\r\nUSER bob\r\nPASS builder\r\nSTAT\r\nLIST\r\nUIDL 1\r\nTOP 2 1\r\nRETR 1\r\nDELE 1\r\nRSET\r\nQUIT\r\n';
    const whole = fresh();
    const expected = writes(whole.feed(utf8Bytes(script), T0));
    const bytewise = fresh();
    const got: Output<Pop3Event>[] = [];
    for (const b of utf8Bytes(script)) got.push(...bytewise.feed(Uint8Array.of(b), T0));
    expect(writes(got)).toBe(expected);
    expect(expected).toContain('+OK mail.example.org POP3 server signing off');
  });
});

function fresh(port = 995): Pop3Server {
  const s = new Pop3Server(testContext('mail.example.org', port, defaultWorld(T0)));
  s.start(T0);
  return s;
}

const LINES = [
  'USER bob', 'PASS builder', 'PASS wrong', 'APOP bob 0123', 'AUTH PLAIN', 'AUTH PLAIN AGJvYgBidWlsZGVy', '*', '=',
  'STAT', 'LIST', 'LIST 1', 'LIST 7', 'RETR 1', 'RETR 2', 'DELE 1', 'DELE x', 'TOP 1 3', 'TOP 2', 'UIDL', 'UIDL 2',
  'RSET', 'NOOP', 'CAPA', 'STLS', 'QUIT', '', ' ', 'LIST  1', '.', 'x'.repeat(300),
];

describe('fast-check: random and malformed input at random split points', () => {
  const line = fc.oneof(
    fc.constantFrom(...LINES).map(utf8Bytes),
    fc.string({ maxLength: 60 }).map(utf8Bytes),
    fc.uint8Array({ maxLength: 80 }),
  );
  const ending = fc.constantFrom('\r\n', '\n', '\r\n', '').map(utf8Bytes);
  const script = fc.array(fc.tuple(line, ending), { maxLength: 25 });

  it('never throws, answers the same however the bytes are split, stays bounded', () => {
    fc.assert(
      fc.property(script, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom(110, 995), (lines, cuts, port) => {
        const bytes = concatBytes(lines.flat());
        const whole = fresh(port);
        const expected = whole.feed(bytes, T0);
        const split = fresh(port);
        const got: Output<Pop3Event>[] = [];
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        for (const p of [...points, bytes.length]) {
          got.push(...split.feed(bytes.subarray(from, p), T0));
          from = p;
        }
        expect(writes(got)).toBe(writes(expected));
        expect(got.some((o) => o.type === 'close')).toBe(expected.some((o) => o.type === 'close'));
        for (const l of writes(expected).split('\r\n')) expect(l.length).toBeLessThanOrEqual(1000);
        // Closing never throws either, whatever state the script left.
        split.closed(T0 + 1);
        expect(split.state).toBe('CLOSED');
      }),
      { numRuns: 300 },
    );
  });

  it('status lines are well formed after every command of a random script', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 30 }), (lines) => {
        const f = bobLoggedIn();
        for (const l of lines) {
          if (f.driver.closed) break;
          const out = f.driver.send(l + '\r\n');
          const first = out[0];
          if (first === undefined) continue;
          expect(first === '+ ' || STATUS.test(first), `${l} → ${first}`).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('RFC 2595 STLS command injection', () => {
  it('discards commands pipelined after STLS and forgets USER given before it', () => {
    const server = fresh(110);
    const out = server.feed(utf8Bytes('USER bob\r\nSTLS\r\nUSER bob\r\nPASS builder\r\n'), T0);
    expect(writes(out)).toBe(
      '-ERR [AUTH] plaintext authentication is disabled on an unencrypted connection: use STLS first, or port 995\r\n+OK Begin TLS negotiation\r\n',
    );
    expect(out.at(-2)).toEqual({ type: 'starttls' });
    // Plaintext that arrives before the handshake finishes is not read either.
    expect(server.feed(utf8Bytes('PASS builder\r\n'), T0)).toEqual([]);
    server.tlsStarted(TEST_TLS, T0);
    expect(server.state).toBe('AUTHORIZATION');
    expect(firstLine(server.feed(utf8Bytes('PASS builder\r\n'), T0))).toBe('-ERR give USER first');
  });

  it('after STLS with plaintext auth allowed, a USER given before TLS is forgotten', () => {
    const f = pop3({ port: 110, plaintextAuth: true });
    expect(f.driver.send('USER bob\r\nSTLS\r\n')).toEqual(['+OK send PASS', '+OK Begin TLS negotiation']);
    expect(f.driver.send('PASS builder\r\n')).toEqual(['-ERR give USER first']);
  });
});

describe('APOP (RFC 1939 §7)', () => {
  function banner(out: Output<Pop3Event>[]): string {
    const m = /<[^>]+>/.exec(writes(out));
    if (!m) throw new Error('no APOP timestamp in the greeting');
    return m[0];
  }

  it('logs in with a digest computed independently (node:crypto), even before TLS', () => {
    const server = new Pop3Server(testContext('mail.example.org', 110, defaultWorld(T0)));
    const stamp = banner(server.start(T0));
    expect(stamp).toMatch(/^<[A-Za-z0-9.-]+\.\d+@mail\.example\.org>$/);
    const digest = createHash('md5').update(stamp + 'builder').digest('hex');
    expect(firstLine(server.feed(utf8Bytes(`APOP bob ${digest}\r\n`), T0))).toMatch(/^\+OK maildrop locked and ready: 2 messages/);
    expect(server.state).toBe('TRANSACTION');
  });

  it('refuses a wrong digest and an unknown user alike, and every banner differs', () => {
    const a = new Pop3Server(testContext('mail.example.org', 995, defaultWorld(T0)));
    const b = new Pop3Server(testContext('mail.example.org', 995, defaultWorld(T0)));
    const stampA = banner(a.start(T0));
    expect(banner(b.start(T0))).not.toBe(stampA);
    const wrong = createHash('md5').update(stampA + 'nope').digest('hex');
    const ghost = createHash('md5').update(stampA + 'builder').digest('hex');
    expect(firstLine(a.feed(utf8Bytes(`APOP bob ${wrong}\r\n`), T0))).toBe('-ERR [AUTH] invalid user name or password');
    expect(firstLine(a.feed(utf8Bytes(`APOP ghost ${ghost}\r\n`), T0))).toBe('-ERR [AUTH] invalid user name or password');
  });

  it('is off, with no timestamp in the greeting, when the host disables APOP', () => {
    const ctx = testContext('mail.example.org', 995, defaultWorld(T0));
    ctx.host.settings.disabled.push('APOP');
    const server = new Pop3Server(ctx);
    expect(firstLine(server.start(T0))).toBe('+OK mail.example.org POP3 Mailwire ready');
    expect(firstLine(server.feed(utf8Bytes('APOP bob 0123456789abcdef0123456789abcdef\r\n'), T0))).toBe('-ERR APOP is disabled on this server (CAPA shows what is on)');
  });
});

describe('memory stays bounded', () => {
  it('a flood without a line end is dropped as it arrives, then answered with one -ERR', () => {
    const server = fresh();
    const chunk = utf8Bytes('A'.repeat(64 * 1024));
    for (let i = 0; i < 16; i++) expect(server.feed(chunk, T0).filter((o) => o.type === 'write')).toEqual([]);
    expect(server.buffered).toBeLessThanOrEqual(256);
    expect(firstLine(server.feed(utf8Bytes('\r\nCAPA\r\n'), T0))).toBe(
      '-ERR command line too long: at most 255 octets including CRLF (RFC 2449 section 4)',
    );
  });
});
