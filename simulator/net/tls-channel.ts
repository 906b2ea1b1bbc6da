/**
 * A virtual connection's TLS: a TlsClient at the client end and a TlsServer in front of the engine,
 * joined through the wire. Every record either sends is handed to `wire` (which logs it, and where
 * an on-path attacker may alter it) before the other end reads it; plaintext only exists at the
 * two ends. Both sessions serialise internally, and the channel awaits each step in turn, so
 * results reach the engine and the client in the order they were sent.
 */
import type { TlsInfo } from '../engine.ts';
import type { RandomSource } from '../random.ts';
import { TlsClient, type CertificatePolicy } from '../tls/client.ts';
import type { Certificate, Identity } from '../tls/certificate.ts';
import { TlsServer } from '../tls/server.ts';
import type { TlsOutput, TlsSummary } from '../tls/session.ts';

export type WireDirection = 'to-server' | 'to-client';

export interface TlsChannelHooks {
  /**
   * Logs the record; returns the bytes as they reach the other end (an attacker may alter them).
   * `carries` is what the sender put in it (ClientHello, Certificate, application data …), and
   * `plaintext` the application data it protects, as the sender knows it.
   */
  wire(direction: WireDirection, bytes: Uint8Array, carries: string, plaintext?: Uint8Array): Uint8Array;
  /** Plaintext the server end decrypted: for the engine. */
  toEngine(bytes: Uint8Array): void | Promise<void>;
  /** Plaintext the client end decrypted: for whoever holds the client end. */
  toClient(bytes: Uint8Array): void;
}

export interface TlsChannelOptions {
  /** The host the client typed: a name (sent as SNI) or an address (not sent, RFC 6066 §3). */
  serverName: string;
  sendServerName: boolean;
  trusted: readonly Certificate[];
  identity: Identity;
  policy: CertificatePolicy;
  now: number;
  /** Both ends' randomness; they take turns (the channel awaits each step), so the order is fixed. */
  random: RandomSource;
}

/** A fatal alert either end sent or received: the connection is over. */
export interface TlsFailure {
  side: 'client' | 'server';
  description: string;
}

export class TlsChannel {
  private readonly client: TlsClient;
  private readonly server: TlsServer;
  private summary: TlsSummary | null = null;
  /** The first fatal alert, set as soon as either end fails. */
  failure: TlsFailure | null = null;
  private failureFromSender = false;

  constructor(
    private readonly options: TlsChannelOptions,
    private readonly hooks: TlsChannelHooks,
  ) {
    this.client = new TlsClient({ serverName: options.serverName, sendServerName: options.sendServerName, trusted: options.trusted, now: options.now, policy: options.policy, random: options.random });
    this.server = new TlsServer(options.identity, options.random);
  }

  get connected(): boolean {
    return this.client.state === 'connected' && this.server.state === 'connected' && this.failure === null;
  }

  /** Runs the handshake (RFC 8446 §2); resolves to the client's view, or null when it failed. */
  async handshake(): Promise<TlsInfo | null> {
    await this.fromClient(await this.client.start());
    if (!this.connected || !this.summary) {
      this.failure ??= { side: 'client', description: 'the handshake did not complete' };
      return null;
    }
    return tlsInfo(this.summary, this.options.sendServerName);
  }

  /** The server's side of the session, as the engine hears of it in `tlsStarted`. */
  serverInfo(): TlsInfo {
    const info: TlsInfo = { version: TLS_VERSION, cipher: this.summary?.cipher ?? 'TLS_AES_128_GCM_SHA256' };
    if (this.server.serverName !== null) info.serverName = this.server.serverName;
    return info;
  }

  async clientSend(plaintext: Uint8Array): Promise<void> {
    if (this.client.state === 'connected') await this.fromClient(await this.client.send(plaintext));
  }

  async serverSend(plaintext: Uint8Array): Promise<void> {
    if (this.server.state === 'connected') await this.fromServer(await this.server.send(plaintext));
  }

  /** RFC 8446 §6.1: close_notify from the end that closes. */
  async close(side: 'client' | 'server'): Promise<void> {
    if (side === 'client') await this.fromClient(await this.client.close());
    else await this.fromServer(await this.server.close());
  }

  /** A batch of records leaves together (one flight), so all of it is on the wire before the peer reacts. */
  private flight(direction: WireDirection, outputs: TlsOutput[]): Array<Uint8Array | null> {
    return outputs.map((out) => (out.type === 'send' ? this.hooks.wire(direction, out.bytes, out.carries ?? 'a record', out.plaintext) : null));
  }

  private async fromClient(outputs: TlsOutput[]): Promise<void> {
    const arriving = this.flight('to-server', outputs);
    for (const [i, out] of outputs.entries()) {
      if (out.type === 'send') await this.fromServer(await this.server.receive(arriving[i]!));
      else if (out.type === 'data') this.hooks.toClient(out.bytes);
      else if (out.type === 'handshake') this.summary = out.summary;
      else this.alert('client', out);
    }
  }

  private async fromServer(outputs: TlsOutput[]): Promise<void> {
    const arriving = this.flight('to-client', outputs);
    for (const [i, out] of outputs.entries()) {
      if (out.type === 'send') await this.fromClient(await this.client.receive(arriving[i]!));
      else if (out.type === 'data') {
        if (this.failure === null) await this.hooks.toEngine(out.bytes);
      } else if (out.type === 'alert') this.alert('server', out);
    }
  }

  private alert(side: 'client' | 'server', out: Extract<TlsOutput, { type: 'alert' }>): void {
    if (!out.fatal) return;
    // The end that sent the alert knows why (its description carries the reason): it wins.
    if (this.failure && (this.failureFromSender || !out.sent)) return;
    this.failure = { side: out.sent ? side : side === 'client' ? 'server' : 'client', description: out.description };
    this.failureFromSender = out.sent;
  }
}

/** Node's `tlsSocket.getProtocol()` spelling, which the SMTP Received header repeats (Postfix does too). */
export const TLS_VERSION = 'TLSv1.3';

/** The client's view of the session, in the terminal's TlsInfo shape (dates as ISO strings). */
export function tlsInfo(summary: TlsSummary, sentServerName = true): TlsInfo {
  const c = summary.certificate;
  const info: TlsInfo = {
    version: TLS_VERSION,
    cipher: summary.cipher,
    certificate: {
      subject: c.subject,
      issuer: c.issuer,
      subjectAltNames: [...c.subjectAltNames],
      validFrom: new Date(c.validFrom).toISOString(),
      validTo: new Date(c.validTo).toISOString(),
      fingerprint256: c.fingerprint256,
    },
    authorized: summary.verification?.authorized ?? false,
    authorizationError: summary.verification?.authorized ? null : (summary.verification?.reason ?? 'not verified'),
  };
  if (summary.serverName !== null && sentServerName) info.serverName = summary.serverName;
  return info;
}
