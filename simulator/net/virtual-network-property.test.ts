import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, latin1Text, utf8Bytes } from '../wire/bytes.ts';
import { ManualScheduler } from './virtual-network-clock.ts';
import { createVirtualNetwork } from './virtual-network-engines.ts';
import type { ConnectionEvent } from './virtual-network.ts';
import { defaultWorld } from './world.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

const line = fc.oneof(
  fc.constantFrom('EHLO x', 'HELO x', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', '.', 'RSET', 'NOOP', 'QUIT', 'STARTTLS', 'AUTH PLAIN', '*', 'CAPA', 'a1 LOGIN bob builder', 'a2 SELECT INBOX', 'USER bob', 'PASS builder', 'STAT'),
  fc.string({ maxLength: 30 }),
);

describe('virtual connections under random client input (fast-check)', () => {
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
          const network = createVirtualNetwork(world, { now: scheduler.clock, scheduler, strict: true });
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
