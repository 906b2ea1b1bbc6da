import type { TlsInfo } from './engine.ts';

/**
 * The client side of a connection as the terminal and the virtual mail clients see it: bytes in
 * and out, open and close, and the TLS state. Implemented by the virtual network (engines in the
 * page), the bridge relay (live servers) and Node TCP (tests).
 */
export interface Transport {
  readonly label: string;
  /** Current TLS state: null while the connection is plaintext. */
  readonly tls: TlsInfo | null;
  send(bytes: Uint8Array): void;
  /** Ask for TLS on this connection now (after the server agreed to STARTTLS/STLS). */
  startTls(): void;
  close(): void;
  on(handler: TransportHandler): () => void;
}

export type TransportEvent =
  | { type: 'open'; remote: string; port: number }
  | { type: 'data'; bytes: Uint8Array }
  | { type: 'tls'; info: TlsInfo }
  | { type: 'error'; code: TransportErrorCode; message: string }
  | { type: 'closed'; by: 'server' | 'client' | 'relay'; reason?: string };

export type TransportErrorCode = 'REFUSED' | 'DNS' | 'TIMEOUT' | 'TLS' | 'POLICY' | 'PROTOCOL' | 'LIMIT';

export type TransportHandler = (event: TransportEvent) => void;

/** Opens transports: one per kind of network (virtual, live through the relay, TCP). */
export interface Connector {
  connect(host: string, port: number, options?: { tls?: 'none' | 'implicit' }): Transport;
}
