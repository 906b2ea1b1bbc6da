/**
 * TLS in the page for live connections (issue 18): our TLS 1.3 client (simulator/tls/v13/) runs
 * over the raw bytes the relay forwards, so the relay carries ciphertext only and never holds the
 * keys. bridge.ts loads this module with a dynamic import, only when a live session starts TLS; the
 * Mozilla root store comes with it, so tutorial pages never load either.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { TlsInfo } from '../engine.ts';
import type { ChainVerdict } from '../tls/v13/chain-verify.ts';
import { TlsClient } from '../tls/v13/client.ts';
import type { HandshakeSummary } from '../tls/v13/events.ts';
import { MOZILLA_ROOTS } from '../tls/v13/roots/mozilla-roots.ts';
import type { ParsedCertificate } from '../tls/v13/x509.ts';
import { decodeBase64 } from '../wire/base64.ts';
import type { TlsOutput } from '../tls/v13/connection.ts';
import { systemRandom } from './system-random.ts';

/** Why TLS in the page ended before it was up. */
export type TlsFailure =
  /** The server answered a TLS 1.3 ClientHello as a TLS 1.2 (or older) server: only the relay could go on. */
  | { kind: 'no-tls13'; message: string }
  | { kind: 'alert'; message: string };

/** What one step of the client produced, sorted for the transport. */
export interface BrowserTlsStep {
  /** Records for the relay, in order. */
  write: Uint8Array[];
  /** Application data from the server. */
  data: Uint8Array[];
  /** Handshake messages this step sent or read, for the live wire view (RFC 8446 §4 wire form). */
  messages: LiveHandshakeMessage[];
  /** Set once, when the handshake completed: what the terminal's summary and y/n question read. */
  up: TlsInfo | null;
  failure: TlsFailure | null;
  /** The TLS connection is over (close_notify both ways, or a fatal alert). */
  close: boolean;
}

let mozilla: Uint8Array[] | null = null;

/** The bundled root store, decoded once per page. */
function mozillaRoots(): Uint8Array[] {
  mozilla ??= MOZILLA_ROOTS.roots.map((b) => decodeBase64(b)).filter((d): d is Uint8Array => d !== null);
  return mozilla;
}

/** Where the bundled roots came from, for the terminal: "Mozilla roots of 2026-12-02 (Node v22.23.3)". */
export const ROOT_STORE = `the Mozilla root store as of ${MOZILLA_ROOTS.copied} (${MOZILLA_ROOTS.roots.length} roots, from Node ${MOZILLA_ROOTS.node})`;

const colonHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');

/** A parsed certificate in the shape every TLS summary in the terminal uses (Node's field formats). */
export function certificateSummary(cert: ParsedCertificate): NonNullable<TlsInfo['certificate']> {
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    subjectAltNames: [...cert.dnsNames.map((n) => `DNS:${n}`), ...cert.ipAddresses.map((a) => `IP Address:${a}`)],
    validFrom: new Date(cert.notBefore).toISOString(),
    validTo: new Date(cert.notAfter).toISOString(),
    fingerprint256: colonHex(sha256(cert.der)),
  };
}

/** The terminal's TlsInfo from the client's verdict: computed here, in the page, not by the relay. */
export function tlsInfoOf(host: string, summary: HandshakeSummary, verdict: ChainVerdict | null): TlsInfo {
  const leaf = verdict ? (verdict.ok ? verdict.path[0] : verdict.leaf) : undefined;
  return {
    version: 'TLSv1.3',
    cipher: summary.suite,
    serverName: host,
    certificate: leaf ? certificateSummary(leaf) : undefined,
    authorized: verdict?.ok === true,
    authorizationError: !verdict ? 'no certificate was checked' : verdict.ok ? null : `${verdict.detail} (${verdict.problem})`,
  };
}

/**
 * A handshake message as the page's client sent or read it, and which TLS record of its direction
 * carried it (0 = that direction's first record after TLS began): where the wire view shows it
 * beside what an observer sees of that record.
 */
export interface LiveHandshakeMessage {
  direction: 'to-server' | 'to-client';
  record: number;
  /** The v13 name: client_hello, encrypted_extensions, certificate … */
  name: string;
  bytes: Uint8Array;
}

/** RFC 8446 §5.1: a record header is type (1), legacy_record_version (2), length (2). */
const RECORD_HEADER = 5;
const MAX_RECORD = 2 ** 14 + 256;

/** The length of the whole record at the start of `bytes`, 0 when incomplete, -1 when it is no TLS record. */
function recordLength(bytes: Uint8Array): number {
  if (bytes.length < RECORD_HEADER) return 0;
  const length = (bytes[3]! << 8) | bytes[4]!;
  if (bytes[0]! < 20 || bytes[0]! > 23 || bytes[1] !== 3 || length > MAX_RECORD) return -1;
  return bytes.length >= RECORD_HEADER + length ? RECORD_HEADER + length : 0;
}

export class BrowserTls {
  readonly #client: TlsClient;
  /** Server bytes not yet a whole record: the client is fed one record at a time, so each message is tied to its record. */
  #pending = new Uint8Array(0);
  /** Records read from the server and written to it so far. */
  #records = { 'to-client': 0, 'to-server': 0 };
  /** Every handshake message of this connection, in order. */
  readonly messages: LiveHandshakeMessage[] = [];
  #verdict: ChainVerdict | null = null;
  /** SSLKEYLOGFILE lines of this connection (the browser holds the keys; the relay never does). */
  readonly keylog: string[] = [];

  constructor(
    readonly host: string,
    relayRoots: readonly string[],
    private readonly clock: () => number,
  ) {
    const extra = relayRoots.map((b) => decodeBase64(b)).filter((d): d is Uint8Array => d !== null);
    this.#client = new TlsClient({
      serverName: host,
      roots: [...mozillaRoots(), ...extra],
      random: systemRandom(),
      // The terminal asks the learner (y/n) instead of hanging up, as a mail client's dialog does.
      onCertificateProblem: 'continue',
    });
  }

  get connected(): boolean {
    return this.#client.phase === 'connected';
  }

  /** The ClientHello is out and nothing has come back yet. */
  get awaitingServerHello(): boolean {
    return this.#client.state === 'WAIT_SH' && this.#client.phase === 'handshake';
  }

  start(): BrowserTlsStep {
    return this.#sort(this.#client.start(this.clock()));
  }

  /**
   * The server's bytes, fed to the client record by record (TLS is a stream, so the cut changes
   * nothing for it) so that each handshake message read is tied to the record that completed it.
   * Bytes that are no TLS record go to the client at once: it answers them with its alert.
   */
  feed(bytes: Uint8Array): BrowserTlsStep {
    const joined = new Uint8Array(this.#pending.length + bytes.length);
    joined.set(this.#pending);
    joined.set(bytes, this.#pending.length);
    const steps: BrowserTlsStep[] = [];
    let at = 0;
    for (let n = recordLength(joined); n !== 0; n = recordLength(joined.subarray(at))) {
      const record = n < 0 ? joined.subarray(at) : joined.subarray(at, at + n);
      at += record.length;
      steps.push(this.#sort(this.#client.feed(record, this.clock()), this.#records['to-client']));
      this.#records['to-client']++;
      if (n < 0 || at >= joined.length) break;
    }
    this.#pending = joined.slice(at);
    return merge(steps);
  }

  write(bytes: Uint8Array): BrowserTlsStep {
    return this.#sort(this.#client.write(bytes));
  }

  close(): BrowserTlsStep {
    return this.#sort(this.#client.close());
  }

  /** `readRecord`: the server record these outputs answer (none for start, write and close). */
  #sort(outputs: TlsOutput[], readRecord?: number): BrowserTlsStep {
    const step: BrowserTlsStep = { write: [], data: [], messages: [], up: null, failure: null, close: false };
    const sent: Array<{ name: string; bytes: Uint8Array }> = [];
    // Before ServerHello, an alert or a TLS 1.2 ServerHello means the server does not speak TLS 1.3.
    const waitingForHello = this.#client.state === 'WAIT_SH';
    for (const out of outputs) {
      if (out.type === 'write') step.write.push(out.bytes);
      else if (out.type === 'data') step.data.push(out.bytes);
      else if (out.type === 'close') step.close = true;
      else {
        const e = out.event;
        if (e.kind === 'keylog') this.keylog.push(e.line);
        else if (e.kind === 'handshake-message' && e.direction === 'received') step.messages.push({ direction: 'to-client', record: readRecord ?? this.#records['to-client'], name: e.name, bytes: e.bytes });
        else if (e.kind === 'handshake-message') sent.push({ name: e.name, bytes: e.bytes });
        else if (e.kind === 'certificate') this.#verdict = e.verdict;
        else if (e.kind === 'handshake-complete') step.up = tlsInfoOf(this.host, e.summary, this.#verdict);
        else if (e.kind === 'alert-sent' && e.alert !== 'close_notify') {
          step.failure =
            e.alert === 'protocol_version' && waitingForHello
              ? { kind: 'no-tls13', message: `it answered with a TLS older than 1.3 (${e.reason})` }
              : { kind: 'alert', message: `TLS failed in this page: we sent ${e.alert} (${e.reason})` };
        } else if (e.kind === 'alert-received' && e.alert !== 'close_notify' && e.alert !== 'user_canceled') {
          step.failure = waitingForHello
            ? { kind: 'no-tls13', message: `it answered our TLS 1.3 hello with the alert ${e.alert}` }
            : { kind: 'alert', message: `TLS failed: the server sent ${e.alert}` };
        }
      }
    }
    // The step's records go out in order; a message sent in it travels in its last record (the
    // client's Finished after a change_cipher_spec), which is where the wire view shows it.
    for (const w of step.write) for (let at = 0; at + RECORD_HEADER <= w.length; at += RECORD_HEADER + ((w[at + 3]! << 8) | w[at + 4]!)) this.#records['to-server']++;
    for (const m of sent) step.messages.push({ direction: 'to-server', record: this.#records['to-server'] - 1, ...m });
    this.messages.push(...step.messages);
    return step;
  }
}

/** Several steps as one, in order. */
function merge(steps: BrowserTlsStep[]): BrowserTlsStep {
  const out: BrowserTlsStep = { write: [], data: [], messages: [], up: null, failure: null, close: false };
  for (const s of steps) {
    out.write.push(...s.write);
    out.data.push(...s.data);
    out.messages.push(...s.messages);
    out.up ??= s.up;
    out.failure ??= s.failure;
    out.close ||= s.close;
  }
  return out;
}
