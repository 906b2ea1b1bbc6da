/**
 * Transcript tests in the RFCs' own notation (emersion/go-smtp, mox `transactf`):
 *
 *   S: 220 mail.example.com ESMTP Mailwire
 *   C: EHLO laptop
 *   S: 250-mail.example.com
 *   S~ 250 .*            (a regular expression for the whole line)
 *   S* (any number of lines up to the next expected one — for long listings)
 *
 * Client lines are sent with CRLF. A line `C> text` is sent without waiting for replies (pipelining:
 * consecutive `C>` lines go out in one write together with the next `C:` line).
 */
import type { MailChange } from '../backend.ts';
import type { Output, ServerEngine, TlsInfo } from '../engine.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';

export const TEST_TLS: TlsInfo = { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' };

/** Drives an engine like a transport would: writes become server lines, starttls is honoured. */
export class EngineDriver<S extends string, E> {
  readonly outputs: Output<E>[] = [];
  private pending = '';
  closed = false;
  now: number;
  /** Ticks the engine asked for at once (a timer at or before now) when told of a store change. */
  wakeups = 0;
  private unfollow: (() => void) | null = null;

  constructor(
    readonly engine: ServerEngine<S, E>,
    now = Date.UTC(2026, 10, 26, 9, 0, 0),
  ) {
    this.now = now;
  }

  start(): string[] {
    return this.take(this.engine.start(this.now));
  }

  send(text: string): string[] {
    return this.sendBytes(utf8Bytes(text));
  }

  sendBytes(bytes: Uint8Array): string[] {
    return this.take(this.engine.feed(bytes, this.now));
  }

  tick(): string[] {
    return this.take(this.engine.tick(this.now));
  }

  /**
   * Feeds the store's changes to the engine's `storeChanged` as they happen, as a transport does
   * (IMAP), until the connection closes or is dropped. The lines they lead to come on `tick`.
   */
  followStore(subscribe: (listener: (change: MailChange) => void) => () => void): this {
    const engine = this.engine;
    if (!engine.storeChanged) return this;
    this.unfollow = subscribe((change) => {
      const outputs = engine.storeChanged!(change, this.now);
      this.wakeups += outputs.filter((o) => o.type === 'timer' && o.at <= this.now).length;
      this.take(outputs);
    });
    return this;
  }

  /** The connection drops without the protocol's goodbye. */
  drop(): string[] {
    this.stopFollowing();
    return this.take(this.engine.closed(this.now));
  }

  /** Events the engine emitted so far. */
  get events(): E[] {
    return this.outputs.flatMap((o) => (o.type === 'event' ? [o.event] : []));
  }

  private stopFollowing(): void {
    this.unfollow?.();
    this.unfollow = null;
  }

  /** Handles outputs; returns the complete lines written by the server. */
  take(outputs: Output<E>[]): string[] {
    const lines: string[] = [];
    for (const out of outputs) {
      this.outputs.push(out);
      if (out.type === 'write') {
        this.pending += utf8Text(out.bytes);
        let i: number;
        while ((i = this.pending.indexOf('\r\n')) >= 0) {
          lines.push(this.pending.slice(0, i));
          this.pending = this.pending.slice(i + 2);
        }
      } else if (out.type === 'starttls') {
        lines.push(...this.take(this.engine.tlsStarted(TEST_TLS, this.now)));
      } else if (out.type === 'close') {
        this.closed = true;
        this.stopFollowing();
      }
    }
    return lines;
  }
}

/**
 * Plays a transcript against a fresh engine and throws a readable diff on the first mismatch.
 * The greeting is read before the first client line.
 */
export function playTranscript<S extends string, E>(engine: ServerEngine<S, E>, script: string, now?: number): EngineDriver<S, E> {
  const driver = new EngineDriver(engine, now);
  const received: string[] = driver.start();
  let batch = '';
  const seen: string[] = [];
  const steps = script
    .split('\n')
    .map((l) => l.replace(/^\s+/, ''))
    .filter((l) => l.length > 0 && !l.startsWith('#'));
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const tag = step.slice(0, 2);
    const body = step.slice(3);
    if (tag === 'C>') {
      batch += body + '\r\n';
    } else if (tag === 'C:') {
      received.push(...driver.send(batch + body + '\r\n'));
      batch = '';
    } else if (tag === 'S:' || tag === 'S~') {
      const got = received.shift();
      const okLine = got !== undefined && (tag === 'S:' ? got === body : new RegExp(`^(?:${body})$`).test(got));
      if (!okLine) {
        throw new Error(
          `transcript step ${i + 1}: expected ${tag} ${body}\n` +
            `                 got      ${got === undefined ? '(nothing)' : 'S: ' + got}\n` +
            `after:\n${seen.slice(-8).join('\n')}`,
        );
      }
      seen.push(`S: ${got}`);
    } else if (tag === 'S*') {
      const next = steps.slice(i + 1).find((s) => s.startsWith('S:') || s.startsWith('S~'));
      while (received.length && next && !lineMatches(next, received[0]!)) seen.push(`S: ${received.shift()}`);
    } else {
      throw new Error(`transcript step ${i + 1}: unknown tag in "${step}"`);
    }
  }
  if (received.length) throw new Error(`transcript: unexpected server lines:\n${received.join('\n')}`);
  return driver;
}

function lineMatches(step: string, line: string): boolean {
  const body = step.slice(3);
  return step.startsWith('S:') ? line === body : new RegExp(`^(?:${body})$`).test(line);
}
