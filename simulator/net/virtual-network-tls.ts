/**
 * How a virtual connection makes TLS. 'records' is real TLS 1.3 (../tls/v13/ through
 * ./tls-channel.ts, with the virtual CA of ./tls-pki.ts): real records on the wire, loaded on the
 * first handshake so a page that never starts TLS does not ship the cryptography. 'stand-in' only
 * records the parameters a TLS 1.3 session would have, synchronously, and the bytes stay as they
 * are: for a network driven without awaiting (no settle()), as synchronous tests are.
 */
import type { TlsInfo } from '../engine.ts';
import type { TlsChannel } from './tls-channel.ts';

export type { CertificatePolicy } from './tls-channel.ts';
import type { VirtualPki } from './tls-pki.ts';

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

/** The real TLS of one network, once loaded: the channel class and the network's PKI. */
export interface RecordTls {
  TlsChannel: typeof TlsChannel;
  pki: VirtualPki;
}

/**
 * Loads the real TLS on first use (a dynamic import: its own chunk in the site's build) and keeps
 * it: later handshakes on the network run synchronously. The PKI's seed is drawn when the network
 * is made, so the certificates do not depend on when the code arrived.
 */
export class LazyRecordTls {
  /** Set once the code has loaded. */
  loaded: RecordTls | null = null;
  private loading: Promise<RecordTls> | null = null;

  constructor(
    private readonly seed: Uint8Array,
    private readonly now: () => number,
  ) {}

  load(): Promise<RecordTls> {
    this.loading ??= Promise.all([import('./tls-channel.ts'), import('./tls-pki.ts')]).then(([channel, pki]) => {
      this.loaded = { TlsChannel: channel.TlsChannel, pki: new pki.VirtualPki(this.seed, this.now) };
      return this.loaded;
    });
    return this.loading;
  }
}
