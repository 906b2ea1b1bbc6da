/**
 * How much a relay session may hold, by construction (issue 19): the marks at which backpressure
 * pauses one side, and what a session reports it holds. At 500 slow sessions these bytes are most
 * of what the relay holds on purpose (bench/relay-load.ts prints them at the peak).
 */

/**
 * Backpressure: server bytes handed to the WebSocket but not yet written out to the browser's TCP
 * connection. Above HIGH_WATER the server's socket is paused, below LOW_WATER it reads again, so
 * a browser that reads slowly holds at most HIGH_WATER plus one read (64 KiB, libuv's read size)
 * in the relay. A fast browser never gets near it: the kernel takes each send at once and its
 * callback comes on the next tick, so the pause only bites once the kernel's send buffer
 * (megabytes on loopback) is full.
 */
export const HIGH_WATER = 64 * 1024;
export const LOW_WATER = 16 * 1024;

/**
 * Node's stream highWaterMark for the sockets on both sides (64 KiB by default since Node 22).
 * A paused socket goes on reading until its buffer holds this much, and write() asks for a pause
 * once this much waits: 16 KiB keeps what a paused session holds to about one read and one frame.
 * Neither mark slows a fast session: a flowing socket hands each read on at once.
 */
export const SOCKET_MARK = 16 * 1024;

/** Bytes a session holds in the relay's memory, by where they are going. */
export interface Held {
  /** Server bytes read and not yet written out to the browser's connection. */
  toBrowser: number;
  /** Browser bytes taken from the WebSocket and not yet written out to the server's connection. */
  toServer: number;
}
