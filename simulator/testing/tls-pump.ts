/**
 * Test harness: pumps bytes between a Node socket and a sans-I/O TLS 1.3 connection, and keeps
 * what came out (application data, events) for the test to assert on.
 */
import type { Socket } from 'node:net';
import type { Connection, TlsOutput } from '../tls/v13/connection.ts';
import type { TlsEvent } from '../tls/v13/events.ts';

export interface Pumped {
  events: TlsEvent[];
  /** Application data received so far, as text. */
  text(): string;
  /** Runs outputs of a call made by the test (write, keyUpdate, close). */
  apply(outputs: TlsOutput[]): void;
  until(what: string, ready: () => boolean, ms?: number): Promise<void>;
  ended: Promise<void>;
}

export function pump(conn: Connection, socket: Socket, first: TlsOutput[] = []): Pumped {
  const events: TlsEvent[] = [];
  const chunks: Uint8Array[] = [];
  let socketEnded = false;
  const waiters = new Set<() => void>();
  const poke = () => waiters.forEach((w) => w());
  const apply = (outputs: TlsOutput[]) => {
    for (const o of outputs) {
      if (o.type === 'write' && !socket.destroyed) socket.write(o.bytes);
      else if (o.type === 'data') chunks.push(o.bytes);
      else if (o.type === 'event') events.push(o.event);
      else if (o.type === 'close') socket.end();
    }
    poke();
  };
  const ended = new Promise<void>((resolve) => {
    socket.on('close', () => {
      socketEnded = true;
      poke();
      resolve();
    });
  });
  socket.on('data', (b: Uint8Array) => apply(conn.feed(new Uint8Array(b), Date.now())));
  socket.on('error', () => socket.destroy());
  apply(first);
  const text = () => new TextDecoder().decode(Uint8Array.from(chunks.flatMap((c) => [...c])));
  const until = (what: string, ready: () => boolean, ms = 8000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (ready()) done(resolve);
        else if (socketEnded) done(() => reject(new Error(`${what}: socket closed first; events ${describe(events)}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`${what}: timed out; events ${describe(events)}`))), ms);
      const done = (then: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        then();
      };
      waiters.add(check);
      check();
    });
  return { events, text, apply, until, ended };
}

function describe(events: TlsEvent[]): string {
  return events
    .filter((e) => e.kind !== 'keylog' && e.kind !== 'handshake-message')
    .map((e) => JSON.stringify(e, (_k, v: unknown) => (v instanceof Uint8Array ? `${v.length} octets` : v)).slice(0, 300))
    .join('; ');
}
