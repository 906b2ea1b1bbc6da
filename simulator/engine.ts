/**
 * The sans-I/O contract every protocol engine follows (python-hyper/h11, algesten/str0m):
 * bytes, time and store changes go in, a list of outputs comes out. Engines own no socket, timer
 * or clock, and see the world only through their context: a narrow mail backend, the host's name
 * and switches, and who the peer is.
 */
import type { MailBackend, MailChange } from './backend.ts';
import type { HostSettings } from './host-settings.ts';

/** What an engine asks its transport to do, in order. */
export type Output<E = EngineEvent> =
  | { type: 'write'; bytes: Uint8Array }
  | { type: 'event'; event: E }
  /** Flush the writes before this, then run the TLS handshake; call `tlsStarted` when done. */
  | { type: 'starttls' }
  /** Flush the writes before this, then close the connection. */
  | { type: 'close' }
  /** Call `tick(at)` at (or after) this time, in milliseconds. */
  | { type: 'timer'; at: number };

/** What the transport knows about the TLS layer of a connection. */
export interface TlsInfo {
  version: string;
  cipher: string;
  /** The name the client asked for (SNI), if any. */
  serverName?: string;
  /** The server's certificate, as the client saw it. */
  certificate?: {
    subject: string;
    issuer: string;
    subjectAltNames: string[];
    validFrom: string;
    validTo: string;
    fingerprint256: string;
  };
  /** The client's verdict: chain trusted and name matched. */
  authorized?: boolean;
  /** Why not, in words, when `authorized` is false. */
  authorizationError?: string | null;
}

/** Who is on the other end of the connection, as the transport knows it. */
export interface Peer {
  /** The address as text: an IP, or a virtual host name in the simulator. */
  address: string;
  /** The local port the connection arrived on (decides the role: 25, 587, 465 …). */
  localPort: number;
  /** True when the connection was TLS from its first byte (465, 993, 995; RFC 8314 §3). */
  implicitTls: boolean;
  /** The IP address behind `address` when that is a virtual host name (the transport resolves it). */
  ip?: string;
}

/** What the port a connection arrived on is for: MX relay (25), submission (587, 465), mailbox access. */
export type ServiceRole = 'relay' | 'submission' | 'access';

/** The mail server a connection reached, as its engine needs to know it. */
export interface ServerHost {
  /** The host name the greeting uses: `mail.example.com`. */
  readonly name: string;
  /** Domains whose mail this host accepts and whose users log in here. */
  readonly domains: readonly string[];
  readonly settings: HostSettings;
}

/** What a server engine is given for one connection (built by the transport: net/server-context.ts). */
export interface EngineContext {
  backend: MailBackend;
  host: ServerHost;
  peer: Peer;
  /** The port's role, from the transport's port table: engines never look ports up themselves. */
  role: ServiceRole;
  /** Unique per connection: tags the store changes this session makes, and holds its locks. */
  sessionId: string;
}

/** Events shared by every engine; each protocol adds its own to the union it emits. */
export type EngineEvent =
  | { kind: 'state'; from: string; to: string }
  | { kind: 'auth'; user: string; ok: boolean; mechanism: string }
  | { kind: 'tls'; info: TlsInfo };

/** A server engine for one connection. `S` is the protocol's state union, `E` its events. */
export interface ServerEngine<S extends string = string, E = EngineEvent> {
  readonly state: S;
  /**
   * Octets received and not yet consumed: input waiting for its line end or payload count, plus a
   * payload still being assembled for a command that has not run (an IMAP literal, an SMTP DATA
   * message or BDAT chunk). Lets a host (and a test) see that memory stays bounded.
   */
  readonly buffered: number;
  /** The connection is open: returns the greeting. */
  start(now: number): Output<E>[];
  /** Bytes arrived from the client. */
  feed(bytes: Uint8Array, now: number): Output<E>[];
  /** The TLS handshake asked for by a `starttls` output (or implicit TLS) finished. */
  tlsStarted(info: TlsInfo, now: number): Output<E>[];
  /** A timer asked for by a `timer` output is due. */
  tick(now: number): Output<E>[];
  /** The connection went away without the protocol's goodbye (no QUIT/LOGOUT). */
  closed(now: number): Output<E>[];
  /**
   * The mail store changed (any session's change, this one's included), for engines that tell
   * the client about changes (IMAP). The driver delivers every change as it happens, so this may
   * be called while the engine's own `feed` is running (its own EXPUNGE): it only records the
   * change, and at most asks for a `timer` at `now` when the client may be told at once (IDLE).
   */
  storeChanged?(change: MailChange, now: number): Output<E>[];
}
