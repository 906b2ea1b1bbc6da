/**
 * What an IMAP command handler returns (simulator/command.ts): responses and effects, carried out
 * in order by the engine (apply.ts). Handlers never write to the wire or move the connection's
 * state themselves; they may change the model (the store, the selected view, the login).
 */
import type { Piece } from './encode.ts';
import type { ImapProtocolError } from './protocol-error.ts';
import type { ImapEvent } from './events.ts';
import type { TaggedResult } from './responses.ts';
import type { Session } from './session.ts';
import type { ImapTrigger } from './state.ts';

/** A continuation line the client sent (AUTHENTICATE's SASL response), and what it leads to. */
export type LineHandler = (line: string, session: Session) => readonly ImapEffect[];

export type ImapEffect =
  /** @rfc 9051#2.2.2 untagged data `* ...`: the pieces between `* ` and CRLF. */
  | { readonly type: 'untagged'; readonly pieces: readonly Piece[] }
  /** @rfc 9051#7.1 the tagged OK, NO or BAD (with its response code) that completes the command. */
  | { readonly type: 'done'; readonly result: TaggedResult }
  /** A client's protocol error: completes the command with its BAD or NO, mapped in one place (errors.ts). */
  | { readonly type: 'error'; readonly error: ImapProtocolError }
  /** @rfc 9051#7.6 `+ prompt`: the command goes on with the client's next line (the `sasl` state). */
  | { readonly type: 'continue'; readonly prompt: string; readonly onLine: LineHandler }
  /** @rfc 2177#3 `+ idling`: updates are told as they happen until the client sends DONE. */
  | { readonly type: 'idle' }
  /**
   * Part of a long response is out; `resume` makes the next part (the `responding` state). The
   * transport sends what is written first, so a client reads a FETCH of thousands of messages
   * while the rest is produced, as with a streaming server.
   */
  | { readonly type: 'more'; readonly resume: () => readonly ImapEffect[] }
  /** Move along the state table (state.ts). */
  | { readonly type: 'enter'; readonly on: ImapTrigger }
  | { readonly type: 'event'; readonly event: ImapEvent }
  /** @rfc 9051#6.2.1 after the tagged OK: what the client sent before the handshake is discarded, then TLS starts. */
  | { readonly type: 'starttls' }
  /** @rfc 9051#6.1.3 after LOGOUT's tagged OK the server closes the connection. */
  | { readonly type: 'close' }
  /** @rfc 9051#7.1.5 `* BYE`: the server ends the connection on its own (autologout, too many errors). */
  | { readonly type: 'bye'; readonly text: string; readonly code?: string };

/** `* ` and CRLF around an untagged response's pieces (for counting what a part of a response holds). */
export const UNTAGGED_FRAME = 4;

/** `* text`: the pieces are written in order between `* ` and CRLF. */
export const untagged = (...pieces: Piece[]): ImapEffect => ({ type: 'untagged', pieces });
/** The same, for pieces already gathered in an array (FETCH): the array is kept, not copied. */
export const untaggedPieces = (pieces: readonly Piece[]): ImapEffect => ({ type: 'untagged', pieces });
export const done = (result: TaggedResult): ImapEffect => ({ type: 'done', result });
export const protocolError = (error: ImapProtocolError): ImapEffect => ({ type: 'error', error });
export const continueWith = (prompt: string, onLine: LineHandler): ImapEffect => ({ type: 'continue', prompt, onLine });
export const idle = (): ImapEffect => ({ type: 'idle' });
export const more = (resume: () => readonly ImapEffect[]): ImapEffect => ({ type: 'more', resume });
export const enter = (on: ImapTrigger): ImapEffect => ({ type: 'enter', on });
export const event = (e: ImapEvent): ImapEffect => ({ type: 'event', event: e });
export const starttls = (): ImapEffect => ({ type: 'starttls' });
export const close = (): ImapEffect => ({ type: 'close' });
export const bye = (text: string, code?: string): ImapEffect => (code === undefined ? { type: 'bye', text } : { type: 'bye', text, code });
