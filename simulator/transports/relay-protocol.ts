/**
 * The bridge relay's wire protocol on `ws://HOST:PORT/relay` (documented in
 * docs/relay-protocol.md): text frames carry these JSON control messages, binary frames carry the
 * raw bytes of the TCP stream in either direction.
 */
import type { TlsInfo } from '../engine.ts';

export type RelayTlsMode = 'none' | 'implicit';

export type BrowserMessage =
  | { type: 'connect'; host: string; port: number; tls: RelayTlsMode }
  /** Sent after the server agreed to STARTTLS/STLS: upgrade the socket before any further byte. */
  | { type: 'starttls' }
  | { type: 'close' };

/** The certificate fields the relay reports: the same shape the terminal shows for any TLS. */
export type RelayCertificate = NonNullable<TlsInfo['certificate']>;

export type RelayErrorCode =
  | 'POLICY_PORT'
  | 'POLICY_HOST'
  | 'POLICY_ADDRESS'
  | 'POLICY_ORIGIN'
  | 'POLICY_AUTH'
  /** Relay-terminated TLS asked of a relay started with `--no-terminate`. */
  | 'POLICY_TLS'
  | 'LIMIT'
  | 'DNS'
  | 'REFUSED'
  | 'TIMEOUT'
  | 'TLS'
  | 'PROTOCOL';

export type RelayMessage =
  /**
   * First message of every session. `terminates`: whether this relay will run TLS itself when asked
   * (`connect` with `implicit`, `starttls`); false under `--no-terminate`. `roots`: the CA
   * certificates the relay was started with (`--ca`), DER in base64, for the page to trust besides
   * its own copy of the Mozilla root store (test servers, a school's own CA).
   */
  | { type: 'hello'; terminates: boolean; roots: string[] }
  | { type: 'connected'; address: string; port: number }
  | {
      type: 'tls';
      version: string;
      cipher: string;
      authorized: boolean;
      error: string | null;
      certificate: RelayCertificate | null;
      chain: RelayCertificate[];
    }
  | { type: 'error'; code: RelayErrorCode; message: string }
  /** The relay is draining (SIGTERM): the session will be closed after `seconds`. */
  | { type: 'restarting'; seconds: number; message: string }
  | { type: 'closed'; by: 'server' | 'client' | 'relay'; reason: string };

/** The largest control message accepted; anything bigger is not a control message. */
export const MAX_CONTROL_MESSAGE = 1024;

/** Parses a control message from the browser; a string is the reason it was refused. */
export function parseBrowserMessage(text: string): BrowserMessage | string {
  if (text.length > MAX_CONTROL_MESSAGE) return `control message of ${text.length} characters is too long`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'control message is not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'control message must be a JSON object';
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'connect': {
      if (typeof m.host !== 'string' || m.host.length === 0 || m.host.length > 253) return 'connect needs "host": a host name or address';
      if (!Number.isInteger(m.port) || (m.port as number) < 1 || (m.port as number) > 65535) return 'connect needs "port": a whole number from 1 to 65535';
      const tls = m.tls ?? 'none';
      if (tls !== 'none' && tls !== 'implicit') return 'connect "tls" must be "none" or "implicit"';
      return { type: 'connect', host: m.host, port: m.port as number, tls };
    }
    case 'starttls':
      return { type: 'starttls' };
    case 'close':
      return { type: 'close' };
    default:
      return `unknown control message type ${JSON.stringify(m.type)}`;
  }
}

/** Parses a message from the relay (the browser side); null when it is not one. */
export function parseRelayMessage(text: string): RelayMessage | null {
  try {
    const m = JSON.parse(text) as { type?: unknown; terminates?: unknown; roots?: unknown };
    if (m && m.type === 'hello') {
      const roots = Array.isArray(m.roots) ? m.roots.filter((r): r is string => typeof r === 'string') : [];
      return { type: 'hello', terminates: m.terminates !== false, roots };
    }
    if (m && ( m.type === 'connected' || m.type === 'tls' || m.type === 'error' || m.type === 'restarting' || m.type === 'closed')) return m as RelayMessage;
  } catch {
    // not JSON: fall through
  }
  return null;
}
