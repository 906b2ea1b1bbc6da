/**
 * The IMAP client engine joined straight to the IMAP server engine, no network in between:
 * the server's bytes reach the client whole, one byte at a time, or cut at random points,
 * and the client must end up with the same commands and the same replica every time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Output } from '../engine.ts';
import { ImapServer } from '../imap/server.ts';
import { defaultWorld } from '../world/world.ts';
import { testContext } from '../testing/context.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { ImapClient, type ImapClientEvent } from './imap-client.ts';
import { ImapReplica } from './imap-replica.ts';

const T0 = Date.UTC(2026, 10, 26, 9);
const TLS = { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' };

/** Cuts a chunk of server output into the pieces the client is fed. */
type Splitter = (bytes: Uint8Array) => Uint8Array[];
const whole: Splitter = (b) => [b];
const bytewise: Splitter = (b) => [...b].map((x) => Uint8Array.of(x));

function session(split: Splitter, stayIdle = true) {
  const world = defaultWorld(T0);
  const server = new ImapServer(testContext('mail.example.com', 993, world));
  const replica = new ImapReplica();
  const client = new ImapClient({ user: 'alice@example.com', password: 'wonderland', tls: 'implicit', replica, stayIdle });
  const commands: string[] = [];
  const events: ImapClientEvent[] = [];
  // The store's changes go to the server as they happen, as a transport feeds them; a timer due
  // now (IDLE news, the next part of a long FETCH) means "tick me".
  let woken = false;
  const asksTick = (outs: Output<unknown>[]): void => {
    if (outs.some((o) => o.type === 'timer' && o.at <= T0)) woken = true;
  };
  world.store.subscribe((change) => asksTick(server.storeChanged(change, T0)));
  const toServer: Uint8Array[] = [];
  const fromClient = (outs: Output<ImapClientEvent>[]): void => {
    for (const o of outs) {
      if (o.type === 'write') {
        commands.push(utf8Text(o.bytes).trimEnd());
        toServer.push(o.bytes);
      } else if (o.type === 'event') events.push(o.event);
    }
  };
  const fromServer = (outs: Output<unknown>[]): void => {
    asksTick(outs);
    for (const o of outs) if (o.type === 'write') for (const piece of split(o.bytes)) fromClient(client.feed(piece, T0));
  };
  /** Runs both ends until neither has anything to say. */
  const pump = (): void => {
    for (let i = 0; i < 10_000; i++) {
      if (woken) {
        woken = false;
        fromServer(server.tick(T0));
        continue;
      }
      const next = toServer.shift();
      if (!next) return;
      fromServer(server.feed(next, T0));
    }
    throw new Error('the conversation did not settle');
  };
  fromClient(client.start(T0));
  fromClient(client.tlsStarted(TLS, T0));
  fromServer(server.start(T0));
  pump();
  /** Lets the server say what woke it, without delivering what the client wrote back yet. */
  const tick = (): void => {
    woken = false;
    fromServer(server.tick(T0));
  };
  return { world, client, replica, commands, events, pump, tick, fromClient };
}

const summary = (r: ImapReplica) => r.messages().map((m) => [m.folder, m.uid, [...m.flags].sort(), m.size]);

describe('ImapClient against ImapServer, engine to engine', () => {
  it('syncs and idles the same whether the server bytes come whole or one at a time', () => {
    const a = session(whole);
    const b = session(bytewise);
    expect(a.client.state).toBe('idle');
    expect(b.commands).toEqual(a.commands);
    expect(summary(b.replica)).toEqual(summary(a.replica));
    expect(summary(a.replica)).toHaveLength(3);
  });

  it('is woken out of IDLE by new mail, fetches it by UID and idles again', () => {
    for (const split of [whole, bytewise]) {
      const s = session(split);
      s.world.store.append('alice@example.com', 'INBOX', utf8Bytes('Subject: new\r\n\r\nhi\r\n'), { internalDate: T0 });
      s.pump();
      expect(s.commands.slice(-3)).toEqual(['DONE', expect.stringMatching(/^a\d+ UID FETCH 4:\* \(UID FLAGS RFC822.SIZE BODY.PEEK\[\]\)$/), expect.stringMatching(/^a\d+ IDLE$/)]);
      expect(s.replica.folder('INBOX').messages.get(4)?.subject).toBe('new');
      expect(s.client.state).toBe('idle');
    }
  });

  it('ignores the old message that "n:*" returns when the new one is already gone (RFC 9051 §6.4.9)', () => {
    const s = session(whole);
    const before = s.events.filter((e) => e.kind === 'fetched').length;
    const added = s.world.store.append('alice@example.com', 'INBOX', utf8Bytes('Subject: brief\r\n\r\nhi\r\n'), { internalDate: T0 });
    if (!added.ok) throw new Error(added.message);
    s.tick(); // "* 4 EXISTS" reaches the client, whose DONE is still on its way
    s.world.store.expunge('alice@example.com', 'INBOX', [added.value.uid], 'another-session');
    s.pump();
    // "4:*" with UID 4 gone means "3:4", so the server answers with UID 3, which the client has.
    expect(s.commands).toContainEqual(expect.stringMatching(/UID FETCH 4:\* /));
    expect(s.events.filter((e) => e.kind === 'fetched').length).toBe(before);
    expect(summary(s.replica).map(([, uid]) => uid)).toEqual([1, 2, 3]);
    expect(s.client.state).toBe('idle');
  });

  it('ends with LOGOUT and a closed connection when not staying in IDLE', () => {
    const s = session(whole, false);
    expect(s.commands.at(-1)).toMatch(/^a\d+ LOGOUT$/);
    expect(s.client.state).toBe('done');
    expect(s.events.at(-1)).toEqual({ kind: 'done' });
  });

  it('reaches the same replica whatever the cut points (property)', () => {
    const reference = summary(session(whole).replica);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        let k = 0;
        const random: Splitter = (bytes) => {
          const pieces: Uint8Array[] = [];
          for (let at = 0; at < bytes.length; ) {
            const n = sizes[k++ % sizes.length]!;
            pieces.push(bytes.subarray(at, at + n));
            at += n;
          }
          return pieces;
        };
        expect(summary(session(random).replica)).toEqual(reference);
      }),
      { numRuns: 40 },
    );
  });
});
