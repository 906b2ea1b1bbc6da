/** What the SMTP client is told to do, and what it reports back. */
import type { EngineEvent, TlsInfo } from '../engine.ts';
import type { SmtpReply } from './client-reply.ts';
import type { SmtpClientState } from './client-state.ts';

/**
 * RFC 3207 §4 / RFC 8314: 'opportunistic' uses STARTTLS when the server offers it (MTA to MTA,
 * RFC 3207 §4.1), 'required' gives up when it cannot get TLS (submission clients, RFC 8314 §3.3),
 * 'never' stays in plaintext.
 */
export type TlsPolicy = 'opportunistic' | 'required' | 'never';

export interface SmtpClientOptions {
  /** The name given in EHLO/HELO: the client's FQDN or an address literal (RFC 5321 §4.1.1.1). */
  clientName: string;
  /**
   * With implicit TLS (RFC 8314 §3, port 465) the transport calls `tlsStarted` before the
   * greeting, and the client then never sends STARTTLS.
   */
  tls: TlsPolicy;
  /** Sent with AUTH PLAIN (RFC 4616) when set; the session fails if AUTH PLAIN is not offered. */
  credentials?: { user: string; password: string };
  /** The reverse-path; '' is the null path `<>` used by bounces (RFC 5321 §4.5.5). */
  from: string;
  /** The forward-paths, one RCPT TO each. */
  to: string[];
  /** The message as RFC 5322 octets; dot-stuffing is the client's job. */
  message: Uint8Array;
}

/** How a recipient's delivery ended, from the first digit of the deciding reply (RFC 5321 §4.2.1). */
export type RecipientOutcome = 'delivered' | 'transient' | 'permanent';

export interface RecipientResult {
  address: string;
  outcome: RecipientOutcome;
  /** The reply that decided it; null when the session ended without one (lost, timed out). */
  code: number | null;
  enhanced: string | null;
  text: string;
  /** The client state whose reply decided it: 'rcpt', 'message', or where the session failed. */
  stage: SmtpClientState;
}

/** Why the session as a whole stopped early. */
export interface SessionFailure {
  stage: SmtpClientState;
  reason: string;
  reply: SmtpReply | null;
  /** A 5yz reply or a local policy that retrying cannot fix. */
  permanent: boolean;
}

export interface SmtpClientResult {
  recipients: RecipientResult[];
  failure: SessionFailure | null;
  tls: TlsInfo | null;
  /** The server answered EHLO (false after the HELO fallback). */
  esmtp: boolean;
  authenticated: boolean;
  pipelined: boolean;
}

export type SmtpClientEvent =
  | EngineEvent
  /** A complete reply arrived, as the answer to `command` (the client state awaiting it). */
  | { kind: 'reply'; command: SmtpClientState; reply: SmtpReply }
  | { kind: 'recipient'; result: RecipientResult }
  | { kind: 'done'; result: SmtpClientResult };
