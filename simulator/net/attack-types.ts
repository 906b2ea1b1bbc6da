/**
 * The attacker scenarios a connection can be opened with (issue 7), and what the attacker got.
 * The attacker sits on the path between the client end and the server (RFC 3207 §6, RFC 8314 §1).
 */
import type { MailProtocol } from '../world/ports.ts';
import type { ServerIdentityKind } from './tls-pki.ts';

export interface AttackOptions {
  /** A passive observer copies every byte and reads credentials sent in plaintext. */
  eavesdrop?: boolean;
  /**
   * A middlebox removes STARTTLS/STLS from the capability replies (RFC 3207 §6: "an active
   * attacker … could delete the STARTTLS response"); 'refuse-command' also garbles the client's
   * STARTTLS/STLS so the server answers with an error.
   */
  stripStarttls?: boolean | 'refuse-command';
  /** The server end presents an impostor certificate (true: one from "Eve Interception CA"). */
  impostor?: boolean | Exclude<ServerIdentityKind, 'genuine'>;
  /** Flip one bit of the first protected application-data record going this way. */
  tamper?: 'to-server' | 'to-client';
}

export interface Credential {
  protocol: MailProtocol;
  /** How it was sent: `USER/PASS`, `AUTH PLAIN`, `AUTH LOGIN`, `LOGIN`, `AUTHENTICATE PLAIN`. */
  mechanism: string;
  user: string;
  password: string;
  /** The wire time of the line that gave the password away. */
  time: number;
  /** How the observer read it (the line as sent, or the base64 decoded). */
  evidence: string;
}

export interface AlteredBytes {
  time: number;
  direction: 'to-server' | 'to-client';
  what: string;
}

/** Everything one connection's attacker did and learnt. */
export interface AttackReport {
  options: AttackOptions;
  /** Credentials the eavesdropper (or an impostor that terminated TLS) read. */
  credentials: Credential[];
  /** What the middlebox changed on the wire. */
  altered: AlteredBytes[];
  /** Why an attack could do nothing on this connection. */
  nothingToDo: string[];
  /** The impostor terminated the client's TLS and read the plaintext. */
  readThroughTls: boolean;
}

export function newReport(options: AttackOptions): AttackReport {
  return { options, credentials: [], altered: [], nothingToDo: [], readThroughTls: false };
}

/** Where a chunk of bytes is in the connection's life, as an on-path attacker sees it. */
export type WirePhase = 'plaintext' | 'handshake' | 'tls';

/** The on-path party a connection consults for every chunk it puts on the wire. */
export interface OnPath {
  /** Returns the bytes as they reach the other end. */
  alter(direction: 'to-server' | 'to-client', bytes: Uint8Array, phase: WirePhase, time: number): Uint8Array;
  /** Plaintext inside TLS, seen only by an impostor that terminated the client's TLS. */
  decrypted(direction: 'to-server' | 'to-client', bytes: Uint8Array, time: number): void;
  readonly report: AttackReport;
}
