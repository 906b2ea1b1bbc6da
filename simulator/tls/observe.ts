/**
 * What an on-path observer can read from TLS 1.3 records without any key: record types and
 * lengths, the plaintext handshake messages (ClientHello, ServerHello or HelloRetryRequest), the
 * SNI host name and plaintext alerts. Everything after ServerHello is opaque application_data
 * records (RFC 8446 §5.2 hides the real type). It reads the records ../tls/v13/ writes, with the
 * same message decoders, and needs none of the cryptography (a page that only shows the wire
 * does not load it).
 */
import { alertName } from './v13/alerts.ts';
import { EXT, findExtension, readServerName } from './v13/extensions.ts';
import { decodeClientHello, decodeServerHello, handshakeName, HandshakeReassembler, HRR_RANDOM, HS } from './v13/messages.ts';
import { bytesEqual } from '../wire/bytes.ts';

export interface ObservedRecord {
  contentType: 'handshake' | 'application_data' | 'alert' | 'change_cipher_spec' | 'unknown';
  /** Octets on the wire, header included. */
  length: number;
  /** Handshake messages readable in the clear. */
  messages: string[];
  serverName: string | null;
  /** What the observer learns from this record, in a sentence. */
  learns: string;
}

/** RFC 8446 §4's handshake messages as the wire view names them. */
const LABELS: Record<string, string> = {
  client_hello: 'ClientHello',
  server_hello: 'ServerHello',
  hello_retry_request: 'HelloRetryRequest',
  new_session_ticket: 'NewSessionTicket',
  encrypted_extensions: 'EncryptedExtensions',
  certificate: 'Certificate',
  certificate_request: 'CertificateRequest',
  certificate_verify: 'CertificateVerify',
  finished: 'Finished',
  key_update: 'KeyUpdate',
};

/** "ClientHello" for the v13 events' "client_hello"; unknown names stay as they are. */
export function handshakeLabel(name: string): string {
  return LABELS[name] ?? name;
}

/** RFC 8446 §5.1 ContentType (as in ./v13/record-layer.ts, which would bring its ciphers along). */
const CONTENT = { change_cipher_spec: 20, alert: 21, handshake: 22, application_data: 23 } as const;

const NAMES: Record<number, ObservedRecord['contentType']> = {
  [CONTENT.handshake]: 'handshake',
  [CONTENT.application_data]: 'application_data',
  [CONTENT.alert]: 'alert',
  [CONTENT.change_cipher_spec]: 'change_cipher_spec',
};

/** RFC 8446 §5.2: a protected record adds the inner content type octet and a 16-octet AEAD tag. */
const PROTECTION_OVERHEAD = 17;

/** Feed it one direction of a connection's bytes after TLS began. */
export class RecordObserver {
  private buffer = new Uint8Array(0);
  private readonly handshake = new HandshakeReassembler();
  private broken = false;

  push(bytes: Uint8Array): ObservedRecord[] {
    if (this.broken) return [];
    const joined = new Uint8Array(this.buffer.length + bytes.length);
    joined.set(this.buffer);
    joined.set(bytes, this.buffer.length);
    const out: ObservedRecord[] = [];
    let at = 0;
    // RFC 8446 §5.1: type (1), legacy_record_version (2), length (2), then the fragment.
    while (joined.length - at >= 5) {
      const type = joined[at]!;
      const length = (joined[at + 3]! << 8) | joined[at + 4]!;
      if (NAMES[type] === undefined || joined[at + 1] !== 3 || length > 2 ** 14 + 256) {
        this.broken = true;
        out.push({ contentType: 'unknown', length: joined.length - at, messages: [], serverName: null, learns: 'not a TLS record: the bytes do not start with a record header' });
        return out;
      }
      if (joined.length - at < 5 + length) break;
      out.push(this.describe(type, joined.subarray(at + 5, at + 5 + length)));
      at += 5 + length;
    }
    this.buffer = joined.slice(at);
    return out;
  }

  private describe(type: number, fragment: Uint8Array): ObservedRecord {
    const contentType = NAMES[type]!;
    const length = fragment.length + 5;
    const record = (learns: string, messages: string[] = [], serverName: string | null = null): ObservedRecord => ({ contentType, length, messages, serverName, learns });
    if (type === CONTENT.application_data) {
      return record(`${Math.max(0, fragment.length - PROTECTION_OVERHEAD)} octets of something, encrypted: only the length and the timing show`);
    }
    if (type === CONTENT.change_cipher_spec) return record('a change_cipher_spec for old middleboxes (RFC 8446 Appendix D.4): it carries nothing');
    if (type === CONTENT.alert) {
      const name = fragment.length === 2 ? alertName(fragment[1]!) : 'a malformed alert';
      return record(`a plaintext alert, ${name}: the handshake failed before any key was agreed`);
    }
    return this.handshakeRecord(fragment, record);
  }

  private handshakeRecord(fragment: Uint8Array, record: (learns: string, messages?: string[], serverName?: string | null) => ObservedRecord): ObservedRecord {
    const messages: string[] = [];
    let serverName: string | null = null;
    try {
      this.handshake.push(fragment);
      for (let m = this.handshake.next(); m; m = this.handshake.next()) {
        if (m.type === HS.client_hello) {
          serverName = readServerNameOf(decodeClientHello(m.body).extensions) ?? serverName;
          messages.push('ClientHello');
        } else if (m.type === HS.server_hello) {
          // RFC 8446 §4.1.3: a HelloRetryRequest is a ServerHello with this special random.
          messages.push(bytesEqual(decodeServerHello(m.body).random, HRR_RANDOM) ? 'HelloRetryRequest' : 'ServerHello');
        } else {
          messages.push(handshakeLabel(handshakeName(m.type)));
        }
      }
    } catch {
      return record('a handshake record that does not decode', ['malformed handshake']);
    }
    if (messages.length === 0) return record('part of a handshake message');
    const learns = serverName
      ? `the client wants ${serverName} (SNI is sent in the clear), its cipher suites and its key share`
      : messages.includes('HelloRetryRequest')
        ? 'the server wants a key share for another group: the client will say hello again'
        : messages.includes('ServerHello')
          ? "the server's key share and chosen cipher suite; everything after this is encrypted"
          : 'handshake data';
    return record(learns, messages, serverName);
  }
}

function readServerNameOf(extensions: Parameters<typeof findExtension>[0]): string | null {
  const sni = findExtension(extensions, EXT.server_name);
  return sni ? (readServerName(sni) ?? null) : null;
}
