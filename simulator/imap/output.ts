/**
 * What one IMAP connection sends, in order: response octets, events, and the timer, STARTTLS and
 * close requests of the engine contract (simulator/engine.ts). Only the effect applier (apply.ts)
 * and the server write here; command handlers return effects instead.
 */
import type { Output } from '../engine.ts';
import { OutputBuffer } from '../wire/output-buffer.ts';
import type { Piece } from './encode.ts';
import type { ImapEvent } from './events.ts';

export class ImapOutput {
  /** What has been produced since the last `take`, in order (writes complete at `take`). */
  private readonly out: Output<ImapEvent>[] = [];
  /** Consecutive writes are gathered here, behind one placeholder output in `out`. */
  private readonly pending = new OutputBuffer();
  private openWrite: Output<ImapEvent> | null = null;

  /**
   * Response octets. Writes with nothing else between them go out together as a few large
   * chunks (a FETCH of many messages is one batch), not one small write per response line.
   */
  write(pieces: readonly Piece[]): void {
    this.open();
    for (const piece of pieces) this.pending.append(piece);
  }

  /** @rfc 9051#2.2.2 `* ` pieces CRLF, without copying the pieces. */
  untagged(pieces: readonly Piece[]): void {
    this.open();
    this.pending.append('* ');
    for (const piece of pieces) this.pending.append(piece);
    this.pending.append('\r\n');
  }

  event(event: ImapEvent): void {
    this.out.push({ type: 'event', event });
  }

  /** A timer, STARTTLS or close request (or an event), after what was written before it. */
  push(output: Output<ImapEvent>): void {
    this.out.push(output);
  }

  /** Everything produced so far, the gathered octets in place of their placeholder; then empty. */
  take(): Output<ImapEvent>[] {
    this.flushWrites();
    return this.out.splice(0, this.out.length);
  }

  private open(): void {
    if (this.openWrite && this.out[this.out.length - 1] === this.openWrite) return;
    this.flushWrites();
    this.openWrite = { type: 'write', bytes: new Uint8Array(0) };
    this.out.push(this.openWrite);
  }

  private flushWrites(): void {
    const open = this.openWrite;
    if (!open) return;
    this.openWrite = null;
    const at = this.out.lastIndexOf(open);
    const chunks = this.pending.take();
    if (at >= 0) this.out.splice(at, 1, ...chunks.map((bytes): Output<ImapEvent> => ({ type: 'write', bytes })));
  }
}
