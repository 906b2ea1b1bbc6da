/**
 * The record of every virtual connection: who talked to whom, and every byte each way with the
 * time and whether TLS protected it. The UI shows it, including the server-to-server SMTP the
 * learner never typed.
 */
import type { TlsInfo } from '../engine.ts';
import type { TransportErrorCode } from '../transport.ts';
import type { AttackReport } from './attack-types.ts';
import type { MailProtocol } from '../world/ports.ts';
import type { TlsLayer } from './virtual-network-tls.ts';

/** Who opened the connection: the learner's terminal, the MTA relaying, or a scripted client. */
export type SessionOrigin = 'terminal' | 'mta' | 'client';

export interface WireEntry {
  time: number;
  direction: 'to-server' | 'to-client';
  bytes: Uint8Array;
  /** The bytes travelled inside TLS (handshake records included). */
  tls: boolean;
  /** What reached the other end, when an attacker on the path changed the bytes (attack-middlebox.ts). */
  received?: Uint8Array;
  /**
   * What a TLS record holds, as its sender knows it (ClientHello, Certificate, application data,
   * alert …). An observer of a protected record cannot know this: the wire view may show it as
   * the simulation's hindsight, never as something the observer learnt.
   */
  carries?: string;
  /**
   * The handshake message a TLS record carries, in the clear (RFC 8446 §4 wire form): what the
   * learner's own client decrypts, never what an observer sees.
   */
  message?: Uint8Array;
  /** That message's fields in words, for the same view. */
  messageFields?: string[];
  /**
   * The application data a protected record carries, as its sender knows it: for the panels that
   * explain the dialogue (the lab's), never for the observer's view.
   */
  plaintext?: Uint8Array;
}

export interface SessionRecord {
  /** Also the engine's `ServerContext.sessionId`. */
  id: string;
  origin: SessionOrigin;
  client: { address: string; name?: string };
  server: { host: string; address: string };
  port: number;
  protocol: MailProtocol;
  openedAt: number;
  closedAt: number | null;
  closedBy: 'client' | 'server' | null;
  /** Why it closed when that was not the protocol's own goodbye. */
  reason?: string;
  tls: TlsInfo | null;
  /** How TLS was made on this connection: real records, or the parameters-only stand-in. */
  tlsLayer?: TlsLayer;
  /** The TLS client's key log lines (SSLKEYLOGFILE), for a capture Wireshark can decrypt; real records only. */
  keyLog?: string[];
  /** The attacker on this connection's path, and what it got (issue 7's scenarios). */
  attack?: AttackReport;
  entries: WireEntry[];
  /** Octets not kept because the session outgrew the log's per-session limit. */
  droppedBytes: number;
}

export type NetworkEvent =
  | { type: 'session-open'; session: SessionRecord }
  | { type: 'wire'; session: SessionRecord; entry: WireEntry }
  | { type: 'tls'; session: SessionRecord; info: TlsInfo }
  /** An event the server engine emitted (state changes, auth, delivered messages …). */
  | { type: 'engine'; session: SessionRecord; event: unknown }
  | { type: 'session-closed'; session: SessionRecord }
  /** A connection that never opened: no such host, nothing listening. */
  | { type: 'refused'; target: string; port: number; code: TransportErrorCode; message: string };

export type NetworkListener = (event: NetworkEvent) => void;

export interface LogLimits {
  /** Sessions kept for the UI; older ones are forgotten first. */
  maxSessions: number;
  /** Octets of wire data kept per session. */
  maxSessionBytes: number;
}

export const DEFAULT_LOG_LIMITS: LogLimits = { maxSessions: 200, maxSessionBytes: 4 * 1024 * 1024 };

/** Keeps the last sessions and tells listeners about every change as it happens. */
export class SessionLog {
  readonly sessions: SessionRecord[] = [];
  private readonly listeners = new Set<NetworkListener>();
  private readonly kept = new WeakMap<SessionRecord, number>();

  constructor(private readonly limits: LogLimits = DEFAULT_LOG_LIMITS) {}

  subscribe(listener: NetworkListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  open(session: SessionRecord): void {
    this.sessions.push(session);
    if (this.sessions.length > this.limits.maxSessions) this.sessions.splice(0, this.sessions.length - this.limits.maxSessions);
    this.emit({ type: 'session-open', session });
  }

  wire(session: SessionRecord, entry: WireEntry): void {
    const kept = this.kept.get(session) ?? 0;
    if (kept + entry.bytes.length > this.limits.maxSessionBytes) {
      session.droppedBytes += entry.bytes.length;
    } else {
      this.kept.set(session, kept + entry.bytes.length);
      session.entries.push(entry);
    }
    this.emit({ type: 'wire', session, entry });
  }

  emit(event: NetworkEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
