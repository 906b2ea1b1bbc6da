/**
 * Reads one BDAT chunk (RFC 3030 §2): exactly the announced number of octets, straight after the
 * command's CRLF, with no dot-stuffing and no end marker. Streams, so a large chunk that will be
 * refused is never held in memory.
 */
import type { LineBuffer } from '../wire/line-buffer.ts';
import type { InputReader, SmtpSession } from './session.ts';

export class ChunkReader implements InputReader {
  private readonly parts: Uint8Array[] = [];
  private remaining: number;

  /**
   * `keep`: collect the octets (false: read and discard them). `done` runs once the whole chunk
   * is in, with the octets when kept.
   */
  constructor(
    private readonly session: SmtpSession,
    size: number,
    private readonly keep: boolean,
    private readonly done: (chunk: Uint8Array[], now: number) => void,
  ) {
    this.remaining = size;
  }

  read(input: LineBuffer, now: number): boolean {
    if (this.remaining > 0) {
      if (input.length === 0) return false;
      const part = input.readUpTo(this.remaining);
      this.remaining -= part.length;
      if (this.keep) this.parts.push(part);
      if (this.remaining > 0) return false;
    }
    this.session.reader = null;
    this.done(this.parts, now);
    return true;
  }
}
