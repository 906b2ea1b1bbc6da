/**
 * The stand-in TLS layer: the handshake only records the parameters a TLS 1.3 session would have,
 * synchronously, and the bytes stay as they are. Real encryption is the 'records' layer
 * (./tls-channel.ts), the network's default; a network chooses the stand-in when it is driven
 * without awaiting (no settle()), as synchronous tests are.
 */
import type { TlsInfo } from '../engine.ts';

/**
 * How TLS is made: 'records' runs the real handshake and encrypts (asynchronous, WebCrypto);
 * 'stand-in' only records the parameters, synchronously, for a network that is driven without
 * awaiting.
 */
export type TlsLayer = 'records' | 'stand-in';

export type TlsHandshakeResult = { ok: true; info: TlsInfo } | { ok: false; message: string };

/** Starts TLS on a pipe between a client and a server. */
export interface TlsHandshake {
  /**
   * `serverName` is what the client asked for (SNI, RFC 6066 §3); `hostName` the name the server
   * has a certificate for (RFC 7817 §3: the client checks one against the other).
   */
  start(serverName: string | undefined, hostName: string): TlsHandshakeResult;
}

/** The stand-in handshake: always succeeds with the parameters of a typical TLS 1.3 session. */
export const VIRTUAL_TLS: TlsHandshake = {
  start(serverName) {
    const info: TlsInfo = { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' };
    if (serverName !== undefined) info.serverName = serverName;
    return { ok: true, info };
  },
};
