/**
 * The octets an engine writes for one call, gathered into a few large chunks: text is joined
 * and UTF-8-encoded in bulk, small byte pieces are copied once, and large ones (a big message
 * body) pass through as they are. A reply of a few responses leaves as one write.
 *
 * Once a batch is large (a FETCH of many bodies), byte pieces of a kilobyte or more pass through
 * too, as views of the stored octets: only the text between them is copied. Copying them made
 * every 20 MB of FETCH bodies 20 MB of new buffers, which V8 counts as external memory and answers
 * with a full collection every two or three such FETCHes (--trace-gc, the real-client bench's
 * UID FETCH 1:* BODY.PEEK[] of 10,000: a mark-compact per 2 FETCHes, 30-230 ms of marking each,
 * on helper threads that compete with the client for the CPU); uncopied, none.
 */

const FIRST_CHUNK = 4096;
const MAX_CHUNK = 1 << 20;
/** Byte pieces at least this long are passed through, not copied. */
const PASS_THROUGH = 64 * 1024;
/** In a batch already this large, byte pieces from SMALL_PASS_THROUGH on pass through as well. */
const LARGE_BATCH = 16 * 1024;
const SMALL_PASS_THROUGH = 1024;
/** Text is encoded when this much has been joined (bounded string building). */
const TEXT_BATCH = 16 * 1024;

const encoder = new TextEncoder();

export class OutputBuffer {
  private readonly done: Uint8Array[] = [];
  private chunk = new Uint8Array(0);
  private used = 0;
  private text = '';
  private next = FIRST_CHUNK;
  private appended = 0;
  /** Octets copied into chunks since the last take: what the next batch's first chunk is sized by. */
  private copied = 0;

  /** Octets (UTF-16 units for text) appended since the last take: how big the batch has grown. */
  get size(): number {
    return this.appended;
  }

  get empty(): boolean {
    return this.done.length === 0 && this.used === 0 && this.text === '';
  }

  append(piece: string | Uint8Array): void {
    this.appended += piece.length;
    if (typeof piece === 'string') {
      this.text += piece;
      if (this.text.length >= TEXT_BATCH) this.encodeText();
      return;
    }
    if (piece.length === 0) return;
    this.encodeText();
    if (piece.length >= PASS_THROUGH || (piece.length >= SMALL_PASS_THROUGH && this.appended > LARGE_BATCH)) {
      this.closeChunk();
      this.done.push(piece);
      return;
    }
    if (this.used + piece.length > this.chunk.length) this.newChunk(piece.length);
    this.chunk.set(piece, this.used);
    this.used += piece.length;
    this.copied += piece.length;
  }

  /** Everything appended since the last take, in order; the buffer is then empty. */
  take(): Uint8Array[] {
    this.encodeText();
    this.closeChunk();
    const out = this.done.splice(0, this.done.length);
    // The next batch is likely the size of this one (the parts of one big FETCH): its first chunk
    // then holds all it copies, one allocation and one piece to write instead of a run of doubling ones.
    this.next = Math.min(MAX_CHUNK, Math.max(FIRST_CHUNK, this.copied));
    this.appended = 0;
    this.copied = 0;
    return out;
  }

  private encodeText(): void {
    let text = this.text;
    if (!text) return;
    this.text = '';
    // UTF-8 needs at most 3 octets per UTF-16 unit; encodeInto stops at a whole character.
    for (;;) {
      if (this.chunk.length - this.used < Math.min(text.length * 3, 64)) this.newChunk(text.length * 3);
      const { read, written } = encoder.encodeInto(text, this.chunk.subarray(this.used));
      this.used += written;
      this.copied += written;
      if (read === text.length) return;
      text = text.slice(read);
      this.newChunk(text.length * 3);
    }
  }

  private newChunk(need: number): void {
    this.closeChunk();
    const size = Math.max(this.next, Math.min(need, MAX_CHUNK));
    this.chunk = new Uint8Array(size);
    this.next = Math.min(size * 2, MAX_CHUNK);
  }

  private closeChunk(): void {
    if (this.used) this.done.push(this.chunk.subarray(0, this.used));
    this.chunk = this.chunk.subarray(this.used);
    this.used = 0;
  }
}
