/**
 * A virtual connection's TLS: the TLS 1.3 client of ../tls/v13/ at the client end and its server
 * in front of the engine, joined through the wire. Every record either sends is handed to `wire`
 * (which logs it, and where an on-path attacker may alter it) before the other end reads it;
 * plaintext only exists at the two ends. Both ends are sans-I/O and synchronous, so each step
 * runs to completion and results reach the engine and the client in the order they were sent.
 *
 * This module brings the TLS code and its libraries along: the network loads it on the first
 * handshake (./virtual-network-tls.ts), never on a page's first load.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { TlsInfo } from '../engine.ts';
import type { RandomSource } from '../random.ts';
import { TlsClient } from '../tls/v13/client.ts';
import type { ChainVerdict } from '../tls/v13/chain-verify.ts';
import type { TlsOutput } from '../tls/v13/connection.ts';
import type { HandshakeSummary } from '../tls/v13/events.ts';
import { TlsServer } from '../tls/v13/server.ts';
import { parseCertificate, type ParsedCertificate } from '../tls/v13/x509.ts';
import { labelWrites, type LabelledWrite } from './tls-labels.ts';
import type { ServerIdentity } from './tls-pki.ts';

export type WireDirection = 'to-server' | 'to-client';

/** What the client end does with a certificate that fails verification: refuse, or warn and go on (the terminal's y/n). */
export type CertificatePolicy = 'strict' | 'warn';

export interface TlsChannelHooks {
  /** Logs the record (what it carries, as its sender knows it); returns the bytes as they reach the other end (an attacker may alter them). */
  wire(direction: WireDirection, record: LabelledWrite): Uint8Array;
  /** Plaintext the server end decrypted: for the engine. */
  toEngine(bytes: Uint8Array): void;
  /** Plaintext the client end decrypted: for whoever holds the client end. */
  toClient(bytes: Uint8Array): void;
}

export interface TlsChannelOptions {
  /** The host the client typed: a name (sent as SNI) or an address (not sent, RFC 6066 §3). */
  serverName: string;
  /** The client's trust anchors (DER). */
  roots: readonly Uint8Array[];
  identity: ServerIdentity;
  policy: CertificatePolicy;
  /** Certificates are checked against this clock (the virtual one). */
  now: () => number;
  /** Both ends' randomness; the client draws first (its hello random), then they take turns in a fixed order. */
  random: RandomSource;
}

type Side = 'client' | 'server';

/** A fatal alert either end sent or received: the connection is over. */
export interface TlsFailure {
  side: Side;
  description: string;
}

export class TlsChannel {
  private readonly client: TlsClient;
  private readonly server: TlsServer;
  private summary: HandshakeSummary | null = null;
  private verdict: ChainVerdict | null = null;
  private readonly closing = { client: false, server: false };
  /**
   * The client's secrets as SSLKEYLOGFILE lines (the learner's own client holds them), filled as
   * the handshake and any KeyUpdate derive them: what lets Wireshark open a capture of the session.
   */
  readonly keyLog: string[] = [];
  /** The first fatal alert, set as soon as either end fails. */
  failure: TlsFailure | null = null;
  private failureFromSender = false;

  constructor(
    private readonly options: TlsChannelOptions,
    private readonly hooks: TlsChannelHooks,
  ) {
    this.client = new TlsClient({ serverName: options.serverName, roots: options.roots, random: options.random, onCertificateProblem: options.policy === 'warn' ? 'continue' : 'abort' });
    this.server = new TlsServer({ chain: options.identity.chain, key: options.identity.key, random: options.random });
  }

  get connected(): boolean {
    return this.client.phase === 'connected' && this.server.phase === 'connected' && this.failure === null;
  }

  /** Runs the handshake (RFC 8446 §2); returns the client's view, or null when it failed. */
  handshake(): TlsInfo | null {
    this.fromClient(this.client.start(this.options.now()));
    if (!this.connected || !this.summary) {
      this.failure ??= { side: 'client', description: 'the handshake did not complete' };
      return null;
    }
    return this.clientInfo(this.summary);
  }

  /** The server's side of the session, as the engine hears of it in `tlsStarted`. */
  serverInfo(): TlsInfo {
    const info: TlsInfo = { version: TLS_VERSION, cipher: this.summary?.suite ?? 'TLS_AES_128_GCM_SHA256' };
    if (this.server.serverName !== undefined) info.serverName = this.server.serverName;
    return info;
  }

  clientSend(plaintext: Uint8Array): void {
    if (this.canWrite('client')) this.fromClient(this.client.write(plaintext), 'application data', plaintext);
  }

  serverSend(plaintext: Uint8Array): void {
    if (this.canWrite('server')) this.fromServer(this.server.write(plaintext), 'application data', plaintext);
  }

  /** RFC 8446 §6.1: close_notify from the end that closes; the other answers with its own. */
  close(side: Side): void {
    if (this.closing[side]) return;
    this.closing[side] = true;
    if (side === 'client') this.fromClient(this.client.close());
    else this.fromServer(this.server.close());
  }

  private canWrite(side: Side): boolean {
    return !this.closing[side] && (side === 'client' ? this.client : this.server).phase === 'connected';
  }

  private fromClient(outputs: TlsOutput[], data?: string, plaintext?: Uint8Array): void {
    const arriving = this.flight('to-server', outputs, data, plaintext);
    for (const [i, out] of outputs.entries()) {
      if (out.type === 'write') this.fromServer(this.server.feed(arriving.get(i)!, this.options.now()));
      else if (out.type === 'data') this.hooks.toClient(out.bytes);
      else if (out.type === 'event') {
        if (out.event.kind === 'certificate') this.verdict = out.event.verdict;
        else if (out.event.kind === 'handshake-complete') this.summary = out.event.summary;
        else if (out.event.kind === 'keylog') this.keyLog.push(out.event.line);
        else this.alert('client', out.event);
      }
    }
  }

  private fromServer(outputs: TlsOutput[], data?: string, plaintext?: Uint8Array): void {
    const arriving = this.flight('to-client', outputs, data, plaintext);
    for (const [i, out] of outputs.entries()) {
      if (out.type === 'write') this.fromClient(this.client.feed(arriving.get(i)!, this.options.now()));
      else if (out.type === 'data') {
        if (this.failure === null) this.hooks.toEngine(out.bytes);
      } else if (out.type === 'event') this.alert('server', out.event);
    }
  }

  /** A batch of records leaves together (one flight), so all of it is on the wire before the peer reacts. */
  private flight(direction: WireDirection, outputs: TlsOutput[], data?: string, plaintext?: Uint8Array): Map<number, Uint8Array> {
    const arriving = new Map<number, Uint8Array>();
    for (const record of labelWrites(outputs, data, plaintext)) arriving.set(record.index, this.hooks.wire(direction, record));
    return arriving;
  }

  private alert(side: Side, event: Extract<TlsOutput, { type: 'event' }>['event']): void {
    if (event.kind !== 'alert-sent' && event.kind !== 'alert-received') return;
    // RFC 8446 §6.1: close_notify and user_canceled end a connection in order; every other alert is fatal (§6.2).
    if (event.alert === 'close_notify' || event.alert === 'user_canceled') return;
    const sent = event.kind === 'alert-sent';
    // The end that sent the alert knows why (its reason comes with it): it wins.
    if (this.failure && (this.failureFromSender || !sent)) return;
    const description = sent ? `${event.alert}: ${this.certificateProblem(side) ?? event.reason}` : event.alert;
    this.failure = { side: sent ? side : side === 'client' ? 'server' : 'client', description };
    this.failureFromSender = sent;
  }

  /** The client's refusal of the certificate in the words of clientInfo's authorizationError. */
  private certificateProblem(side: Side): string | null {
    const verdict = this.verdict;
    // A strict client's alert after a bad verdict is that refusal; a warning client went on, and its later alerts have other reasons.
    if (side !== 'client' || this.options.policy !== 'strict' || !verdict || verdict.ok || !verdict.leaf) return null;
    return problemText(verdict, verdict.leaf, this.options.serverName);
  }

  /** The client's view of the session, in the terminal's TlsInfo shape (dates as ISO strings). */
  private clientInfo(summary: HandshakeSummary): TlsInfo {
    const verdict = this.verdict;
    const leaf = (verdict?.ok ? verdict.path[0] : verdict?.leaf) ?? parseCertificate(this.options.identity.chain[0]!);
    const info: TlsInfo = {
      version: TLS_VERSION,
      cipher: summary.suite,
      certificate: certificateInfo(leaf),
      authorized: verdict?.ok ?? false,
      authorizationError: verdict === null ? 'not verified' : verdict.ok ? null : `${problemText(verdict, leaf, this.options.serverName)} (${verdict.problem})`,
    };
    // RFC 6066 §3: no SNI for an address; the client sent the name only when it typed one.
    if (summary.serverName !== undefined && this.server.serverName !== undefined) info.serverName = summary.serverName;
    return info;
  }
}

/**
 * The verdict in a sentence. For a wrong name the certificate's names of both kinds are listed: a
 * client that typed an address checks only IP names (RFC 9525 §6.3), and "the certificate is for
 * no name" would hide the mail.example.com it does hold.
 */
function problemText(verdict: Extract<ChainVerdict, { ok: false }>, leaf: ParsedCertificate, host: string): string {
  if (verdict.problem !== 'wrong-name') return verdict.detail;
  const names = [...leaf.dnsNames, ...leaf.ipAddresses];
  return `the certificate is for ${names.join(', ') || leaf.subject || 'no name'}, not ${host}`;
}

/** Node's `tlsSocket.getProtocol()` spelling, which the SMTP Received header repeats (Postfix does too). */
export const TLS_VERSION = 'TLSv1.3';

/** The certificate as the terminal's summary shows it; the fingerprint is SHA-256 over the DER, as `openssl x509 -fingerprint -sha256` prints it. */
function certificateInfo(c: ParsedCertificate): NonNullable<TlsInfo['certificate']> {
  return {
    subject: c.subject,
    issuer: c.issuer,
    subjectAltNames: [...c.dnsNames, ...c.ipAddresses],
    validFrom: new Date(c.notBefore).toISOString(),
    validTo: new Date(c.notAfter).toISOString(),
    fingerprint256: Array.from(sha256(c.der), (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':'),
  };
}
