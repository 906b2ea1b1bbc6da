import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Output } from '../engine.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { SmtpClient, type SmtpClientEvent, type TlsPolicy } from './client.ts';
import { citeRfc } from '../fsm.ts';
import { ABORTABLE, SMTP_CLIENT_TRANSITIONS, type SmtpClientState } from './client-state.ts';
import { dotStuff } from './client-dot-stuff.ts';
import { ReplyReader } from './client-reply.ts';
import { TEST_TLS, NOW } from './client-transcript.test-helper.ts';

const STATES: SmtpClientState[] = [...ABORTABLE, 'done'];

function newClient(tls: TlsPolicy = 'opportunistic', withAuth = false): SmtpClient {
  return new SmtpClient({
    clientName: 'mail.example.com',
    tls,
    from: 'a@example.com',
    to: ['b@example.org', 'c@example.org'],
    message: utf8Bytes('Subject: x\r\n\r\n.body\r\n'),
    ...(withAuth ? { credentials: { user: 'a', password: 'p' } } : {}),
  });
}

/** Drives a client like a transport would and checks every output as it comes. */
function drive(client: SmtpClient, outputs: Output<SmtpClientEvent>[], log: { closes: number; written: string }): void {
  for (const o of outputs) {
    if (o.type === 'write') {
      const text = utf8Text(o.bytes);
      // Every command and the end of data are whole CRLF lines (RFC 5321 §2.3.8).
      expect(text.endsWith('\r\n')).toBe(true);
      log.written += text;
    } else if (o.type === 'close') {
      log.closes++;
    } else if (o.type === 'starttls') {
      drive(client, client.tlsStarted(TEST_TLS, NOW), log);
    } else if (o.type === 'timer') {
      expect(o.at).toBeGreaterThan(NOW - 1);
    }
  }
}

const replyLine = fc.oneof(
  fc.constantFrom('220 ok', '250 ok', '250-PIPELINING', '250-STARTTLS', '250 AUTH PLAIN', '235 ok', '334 ', '354 go', '421 bye', '451 later', '500 what', '502 no', '535 no', '550 no', '554 no', '221 bye'),
  fc.tuple(fc.integer({ min: 100, max: 699 }), fc.constantFrom(' ', '-', ''), fc.string({ maxLength: 20 })).map(([c, s, t]) => `${c}${s}${t}`),
  fc.string({ maxLength: 40 }),
);

describe('SmtpClient under random server replies (fast-check)', () => {
  it('never throws, writes whole lines, closes at most once, and ends with a result for every recipient', () => {
    fc.assert(
      fc.property(
        fc.array(replyLine, { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 10 }),
        fc.constantFrom<TlsPolicy>('opportunistic', 'required', 'never'),
        fc.boolean(),
        (lines, cuts, policy, withAuth) => {
          const client = newClient(policy, withAuth);
          const log = { closes: 0, written: '' };
          drive(client, client.start(NOW), log);
          const bytes = utf8Bytes(lines.map((l) => l + '\r\n').join(''));
          let at = 0;
          for (const cut of [...cuts, bytes.length]) {
            const end = Math.min(bytes.length, at + cut);
            drive(client, client.feed(bytes.subarray(at, end), NOW), log);
            at = end;
            if (at >= bytes.length) break;
          }
          if (at < bytes.length) drive(client, client.feed(bytes.subarray(at), NOW), log);
          drive(client, client.closed(NOW), log);
          expect(log.closes).toBeLessThanOrEqual(1);
          expect(client.state).toBe('done');
          expect(client.result!.recipients.map((r) => r.address)).toEqual(['b@example.org', 'c@example.org']);
          for (const r of client.result!.recipients) expect(['delivered', 'transient', 'permanent']).toContain(r.outcome);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers a reply of every class in every state it can be in, without throwing', () => {
    const prefixes: string[][] = [
      [],
      ['220 x'],
      ['220 x', '500 no'],
      ['220 x', '250-x', '250 STARTTLS'],
      ['220 x', '250-x', '250 AUTH PLAIN'],
      ['220 x', '250 x'],
      ['220 x', '250 x', '250 ok'],
      ['220 x', '250 x', '250 ok', '250 ok', '250 ok'],
      ['220 x', '250 x', '250 ok', '250 ok', '250 ok', '354 go'],
      ['220 x', '250 x', '250 ok', '550 no', '550 no'],
    ];
    const seen = new Set<SmtpClientState>();
    for (const prefix of prefixes) {
      for (const reply of ['220 a', '235 a', '250 a', '334 a', '354 a', '421 a', '451 a', '500 a', '502 a', '550 a', '554 a', 'junk']) {
        const client = newClient('opportunistic', prefix.some((l) => l.includes('AUTH')));
        const log = { closes: 0, written: '' };
        drive(client, client.start(NOW), log);
        drive(client, client.feed(utf8Bytes(prefix.map((l) => l + '\r\n').join('')), NOW), log);
        seen.add(client.state);
        expect(() => drive(client, client.feed(utf8Bytes(reply + '\r\n'), NOW), log)).not.toThrow();
        expect(() => drive(client, client.tick(NOW + 11 * 60_000), log)).not.toThrow();
        expect(client.state).toBe('done');
      }
    }
    expect([...seen].sort()).toEqual(['auth', 'data', 'ehlo', 'greeting', 'helo', 'mail', 'message', 'quit', 'rcpt', 'starttls'].sort());
  });
});

describe('the client state table', () => {
  it('names only states of the union, and every state but done has a way in and out', () => {
    for (const t of SMTP_CLIENT_TRANSITIONS) {
      expect(STATES).toContain(t.from);
      expect(STATES).toContain(t.to);
      expect(citeRfc(t.rfc)).toMatch(/^RFC \d{4} §[\d.]+$/);
    }
    for (const s of STATES) {
      if (s !== 'greeting') expect(SMTP_CLIENT_TRANSITIONS.some((t) => t.to === s), `into ${s}`).toBe(true);
      if (s !== 'done') expect(SMTP_CLIENT_TRANSITIONS.some((t) => t.from === s), `out of ${s}`).toBe(true);
    }
  });
});

describe('dotStuff (RFC 5321 §4.5.2)', () => {
  it('round-trips through the receiver’s un-stuffing for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('.', 'a', '\r', '\n', ' ', 'é'), maxLength: 60 }), (text) => {
        const stuffed = utf8Text(dotStuff(utf8Bytes(text)));
        expect(stuffed.endsWith('.\r\n')).toBe(true);
        const lines = stuffed.split('\r\n');
        expect(lines.pop()).toBe('');
        expect(lines.pop()).toBe('.');
        // No bare CR or LF survives, and no line but the terminator is a lone dot.
        for (const line of lines) {
          expect(line).not.toMatch(/[\r\n]/);
          expect(line).not.toBe('.');
        }
        const unstuffed = lines.map((l) => (l.startsWith('.') ? l.slice(1) : l));
        const normalised = text.split(/\r\n|\r|\n/);
        if (normalised.at(-1) === '') normalised.pop();
        expect(unstuffed).toEqual(normalised);
      }),
    );
  });
});

describe('ReplyReader', () => {
  it('reads multi-line replies split at every offset', () => {
    const wire = utf8Bytes('250-mx.example.net\r\n250-SIZE 100\r\n250 PIPELINING\r\n550 5.1.1 no\r\n');
    for (let cut = 0; cut <= wire.length; cut++) {
      const reader = new ReplyReader();
      reader.push(wire.subarray(0, cut));
      const got = [];
      let r;
      while ((r = reader.next())) got.push(r);
      reader.push(wire.subarray(cut));
      while ((r = reader.next())) got.push(r);
      expect(got).toEqual([
        { reply: { code: 250, enhanced: null, lines: ['mx.example.net', 'SIZE 100', 'PIPELINING'] } },
        { reply: { code: 550, enhanced: '5.1.1', lines: ['5.1.1 no'] } },
      ]);
    }
  });

  it('rejects a code change inside a reply and over-long lines', () => {
    const reader = new ReplyReader();
    reader.push(utf8Bytes('250-a\r\n251 b\r\n'));
    expect(reader.next()).toMatchObject({ error: expect.stringContaining('changed') });
    const long = new ReplyReader();
    long.push(utf8Bytes('250 ' + 'x'.repeat(5000) + '\r\n'));
    expect(long.next()).toMatchObject({ error: expect.stringContaining('longer') });
  });

  it('ignores an enhanced code whose class disagrees with the reply code', () => {
    const reader = new ReplyReader();
    reader.push(utf8Bytes('250 5.1.1 odd\r\n'));
    expect(reader.next()).toEqual({ reply: { code: 250, enhanced: null, lines: ['5.1.1 odd'] } });
  });
});
