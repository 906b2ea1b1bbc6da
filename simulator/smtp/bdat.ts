/**
 * Reads one BDAT chunk (RFC 3030 §2): exactly the announced number of octets, straight after the
 * command's CRLF, with no dot-stuffing and no end marker. Streams, so a large chunk that will be
 * refused is never held in memory.
 */
import type { LineBuffer } from '../wire/line-buffer.ts';
import { enter, read, type InputReader, type SmtpEffect } from './effects.ts';

/**
 * The effects that start reading a chunk: the session enters its chunk state (RFC 3030 §2: the
 * octets after the command line are data) and the reader owns the input until the chunk is whole.
 */
export function readChunk(size: number, keep: boolean, done: (chunk: Uint8Array[], now: number) => readonly SmtpEffect[]): SmtpEffect[] {
  return [enter('chunk announced'), read(new ChunkReader(size, keep, done))];
}

class ChunkReader implements InputReader {
  private readonly parts: Uint8Array[] = [];
  private remaining: number;
  /** Octets of this chunk kept so far. */
  held = 0;

  /**
   * `keep`: collect the octets (false: read and discard them). `done` runs once the whole chunk
   * is in, with the octets when kept.
   */
  constructor(
    size: number,
    private readonly keep: boolean,
    private readonly done: (chunk: Uint8Array[], now: number) => readonly SmtpEffect[],
  ) {
    this.remaining = size;
  }

  read(input: LineBuffer, now: number): readonly SmtpEffect[] | null {
    if (this.remaining > 0) {
      if (input.length === 0) return null;
      const part = input.readUpTo(this.remaining);
      this.remaining -= part.length;
      if (this.keep) {
        this.parts.push(part);
        this.held += part.length;
      }
      if (this.remaining > 0) return null;
    }
    return [read(null), enter('chunk read'), ...this.done(this.parts, now)];
  }
}
