/**
 * Buffers that one engine call's writes are gathered into on their way to a socket, used again
 * once the socket has taken them. A FETCH part of 128 KiB arrives from the engine as ~120 pieces
 * (each message body a view of the stored octets, the text between them; wire/output-buffer.ts):
 * written piece by piece, Node's stream machinery costs about as much per piece as copying it
 * (a CPU profile of UID FETCH 1:* BODY.PEEK[] of 10,000: a third of the rest of the server's time
 * in Writable.write, writev and onWriteComplete); joined into a new buffer each time, every 20 MB
 * sent was 20 MB of new external memory, which V8 answers with full collections. Gathered into a
 * buffer from this pool, a part is one copy into memory that is already there, and one write.
 * Measured (two servers side by side, 6 alternating rounds, each the least of 3 FETCHes, machine
 * under load): 24-35 ms of server CPU per such FETCH pooled, 28-39 ms piece by piece.
 *
 * The pool is shared by all connections and bounded (POOLED buffers at most): a connection whose
 * reader is slow holds its buffers until the socket takes them, and meanwhile others allocate.
 */

/** The size of a pooled buffer: a FETCH part (128 KiB and the response that crossed it) fits. */
export const POOL_BUFFER = 256 * 1024;
/** Buffers kept for reuse: 4 MiB, whatever the number of connections. */
const POOLED = 16;

const free: Buffer[] = [];

/** A buffer of POOL_BUFFER octets to fill; hand it back with `release` once the socket has taken it. */
export function takeBuffer(): Buffer {
  return free.pop() ?? Buffer.allocUnsafeSlow(POOL_BUFFER);
}

export function release(buffer: Buffer): void {
  if (free.length < POOLED) free.push(buffer);
}

/** Buffers waiting in the pool now (for tests). */
export function pooled(): number {
  return free.length;
}
