import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, latin1Text, utf8Bytes } from '../wire/bytes.ts';
import { ManualScheduler } from './virtual-network-clock.ts';
import { createVirtualNetwork } from './virtual-network-engines.ts';
import type { ConnectionEvent } from './virtual-network.ts';
import { defaultWorld } from '../world/world.ts';
import { testRandom } from '../testing/random.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

const line = fc.oneof(
  fc.constantFrom('EHLO x', 'HELO x', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', '.', 'RSET', 'NOOP', 'QUIT', 'STARTTLS', 'AUTH PLAIN', '*', 'CAPA', 'a1 LOGIN bob builder', 'a2 SELECT INBOX', 'USER bob', 'PASS builder', 'STAT'),
  fc.string({ maxLength: 30 }),
);

describe('virtual connections with the stand-in TLS under random client input (fast-check)', () => {
  it('never throws from any engine, and the log holds exactly the bytes each side sent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(25, 587, 465, 110, 995, 143, 993),
        fc.array(line, { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (port, lines, cuts, startTlsOnRequest) => {
          const world = defaultWorld(T0);
          const scheduler = new ManualScheduler(T0);
          // The synchronous stand-in TLS, so every split is checked without waiting for the TLS code to load.
          const network = createVirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), strict: true, tlsLayer: 'stand-in' });
          const opened = network.connect('mail.example.com', port);
          if (!opened.ok) throw new Error(opened.message);
          const c = opened.connection;
          const received: Uint8Array[] = [];
          c.open((e: ConnectionEvent) => {
            if (e.type === 'data') received.push(e.bytes);
            if (e.type === 'error') expect(e.code).toBe('TLS');
          });
          const input = utf8Bytes(lines.map((l) => l + '\r\n').join(''));
          const sent: Uint8Array[] = [];
          let at = 0;
          for (let i = 0; at < input.length && c.isOpen; i++) {
            const end = Math.min(input.length, at + cuts[i % cuts.length]!);
            const chunk = input.subarray(at, end);
            sent.push(chunk);
            c.send(chunk);
            at = end;
            if (startTlsOnRequest && /^(220|\+OK|\S+ OK) .*(TLS|tls|negotiation)/m.test(latin1Text(received.at(-1) ?? new Uint8Array()))) c.startTls();
            scheduler.advanceTo(scheduler.now + 1000);
          }
          c.close();
          const log = c.session.entries;
          const toClient = concatBytes(log.filter((e) => e.direction === 'to-client').map((e) => e.bytes));
          expect(latin1Text(toClient)).toBe(latin1Text(concatBytes(received)));
          const toServer = concatBytes(log.filter((e) => e.direction === 'to-server').map((e) => e.bytes));
          expect(latin1Text(concatBytes(sent)).startsWith(latin1Text(toServer))).toBe(true);
          expect(scheduler.pending).toBe(0);
          expect(c.session.closedAt).not.toBeNull();
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('virtual connections with real TLS records under random client input (fast-check)', () => {
  it('never throws, answers in order, and after TLS the log holds only well-formed records', async () => {
    const { RecordObserver } = await import('../tls/observe.ts');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(25, 587, 465, 110, 995, 143, 993),
        fc.array(line, { maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 8 }),
        async (port, lines, cuts) => {
          const world = defaultWorld(T0);
          const scheduler = new ManualScheduler(T0);
          const network = createVirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), strict: true, tlsLayer: 'records' });
          const opened = network.connect('mail.example.com', port);
          if (!opened.ok) throw new Error(opened.message);
          const c = opened.connection;
          let received = '';
          c.open((e: ConnectionEvent) => {
            if (e.type === 'data') received += latin1Text(e.bytes);
            if (e.type === 'error') expect(e.code).toBe('TLS');
          });
          const input = utf8Bytes([...lines, 'STARTTLS', 'a STARTTLS', 'STLS'].map((l) => l + '\r\n').join(''));
          for (let i = 0, at = 0; at < input.length && c.isOpen; i++) {
            const end = Math.min(input.length, at + cuts[i % cuts.length]!);
            c.send(input.subarray(at, end));
            at = end;
            // Sometimes the client does not wait: its bytes queue behind the cryptography.
            if (i % 3 === 0) await network.settle();
            if (/^(220 2\.0\.0|\+OK Begin|a OK Begin)/m.test(received) && c.isOpen && !c.tls) {
              received = received.replace(/^(220 2\.0\.0|\+OK Begin|a OK Begin)/m, '(tls)');
              c.startTls();
            }
          }
          c.close();
          await network.settle();
          expect(c.session.closedAt).not.toBeNull();
          expect(scheduler.pending).toBe(0);
          const protectedEntries = c.session.entries.filter((e) => e.tls);
          for (const direction of ['to-server', 'to-client'] as const) {
            const records = new RecordObserver().push(concatBytes(protectedEntries.filter((e) => e.direction === direction).map((e) => e.bytes)));
            expect(records.every((r) => r.contentType !== 'unknown')).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
