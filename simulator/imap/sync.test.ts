/**
 * Model-based check of sequence-number synchronisation (RFC 9051 §7.4.1, §7.5.1): two clients
 * on one mailbox run random commands; each keeps the seq → UID map a real client would, built
 * only from EXISTS, EXPUNGE and FETCH responses. Every FETCH must agree with that map, and at
 * the end each map must equal the mailbox.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../wire/bytes.ts';
import { freshWorld, session, T0, type Driver } from './test-helpers.ts';

/** What a client knows: UIDs by sequence number (null: announced by EXISTS, UID not seen yet). */
class ClientModel {
  uids: Array<number | null>;
  constructor(initial: number[]) {
    this.uids = [...initial];
  }

  /** Applies the untagged responses; returns a problem, or null. */
  read(lines: string[]): string | null {
    for (const line of lines) {
      let m: RegExpExecArray | null;
      if ((m = /^\* (\d+) EXISTS$/.exec(line))) {
        const n = Number(m[1]);
        if (n < this.uids.length) return `EXISTS ${n} below the ${this.uids.length} known`;
        while (this.uids.length < n) this.uids.push(null);
      } else if ((m = /^\* (\d+) EXPUNGE$/.exec(line))) {
        const n = Number(m[1]);
        if (n < 1 || n > this.uids.length) return `EXPUNGE ${n} outside 1..${this.uids.length}`;
        this.uids.splice(n - 1, 1);
      } else if ((m = /^\* (\d+) FETCH \(.*UID (\d+)/.exec(line))) {
        const n = Number(m[1]);
        const uid = Number(m[2]);
        if (n < 1 || n > this.uids.length) return `FETCH ${n} outside 1..${this.uids.length}`;
        const known = this.uids[n - 1];
        if (known !== null && known !== uid) return `FETCH ${n} says UID ${uid}, the client knows ${known}`;
        this.uids[n - 1] = uid;
      }
    }
    return null;
  }
}

type Action =
  | { who: 0 | 1; cmd: string }
  | { who: 'mta' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    who: fc.constantFrom<0 | 1>(0, 1),
    cmd: fc.oneof(
      fc.nat(6).map((n) => `STORE ${n + 1} +FLAGS.SILENT (\\Deleted)`),
      fc.nat(6).map((n) => `FETCH 1:${n + 1} (UID FLAGS)`),
      fc.nat(6).map((n) => `UID FETCH ${n + 1}:* (FLAGS)`),
      fc.nat(6).map((n) => `UID MOVE ${n + 1} Archive`),
      fc.nat(6).map((n) => `COPY ${n + 1} INBOX`),
      fc.constantFrom('EXPUNGE', 'NOOP', 'SEARCH DELETED', 'UID SEARCH ALL', 'STORE 1:* -FLAGS (\\Deleted)'),
    ),
  }),
  fc.constant<Action>({ who: 'mta' }),
);

describe('sequence numbers stay in step across two sessions', () => {
  it('agrees with a client-side model after any interleaving', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const world = freshWorld();
        const drivers: Driver[] = [0, 1].map(() => session(world, { user: 'alice', mailbox: 'INBOX' }).driver);
        const models = drivers.map(() => new ClientModel([1, 2, 3]));
        let tag = 0;
        for (const a of actions) {
          if (a.who === 'mta') {
            world.store.append('alice@example.com', 'INBOX', utf8Bytes('Subject: x\r\n\r\nx\r\n'), { internalDate: T0 });
            continue;
          }
          const lines = drivers[a.who]!.send(`t${++tag} ${a.cmd}\r\n`);
          expect(models[a.who]!.read(lines), `${a.cmd}\n${lines.join('\n')}`).toBeNull();
        }
        const truth = world.store.mailbox('alice@example.com', 'INBOX')!.messages.map((m) => m.uid);
        drivers.forEach((d, i) => {
          const lines = d.send(`z NOOP\r\nz2 FETCH 1:* UID\r\n`);
          expect(models[i]!.read(lines)).toBeNull();
          expect(models[i]!.uids).toEqual(truth);
        });
      }),
      { numRuns: 200 },
    );
  });
});
