/**
 * What an on-path observer can read from TLS records without any key: record types and lengths,
 * the plaintext handshake messages (ClientHello, ServerHello) and the SNI host name. Everything
 * after ServerHello is opaque application_data records (RFC 8446 §5.2 hides the real type).
 */
import { decodeClientHello, HANDSHAKE_NAMES, HandshakeType, splitHandshake } from './messages.ts';
import { ContentType, RecordReader } from './record.ts';

export interface ObservedRecord {
  contentType: 'handshake' | 'application_data' | 'alert' | 'unknown';
  /** Octets on the wire, header included. */
  length: number;
  /** Handshake messages readable in the clear. */
  messages: string[];
  serverName: string | null;
  /** What the observer learns from this record, in a sentence. */
  learns: string;
}

const NAMES: Record<number, ObservedRecord['contentType']> = {
  [ContentType.handshake]: 'handshake',
  [ContentType.applicationData]: 'application_data',
  [ContentType.alert]: 'alert',
};

/** Feed it one direction of a connection's bytes after TLS began. */
export class RecordObserver {
  private readonly reader = new RecordReader();

  push(bytes: Uint8Array): ObservedRecord[] {
    this.reader.push(bytes);
    const out: ObservedRecord[] = [];
    for (;;) {
      const record = this.reader.next();
      if (record === null) break;
      if (typeof record === 'string') {
        out.push({ contentType: 'unknown', length: bytes.length, messages: [], serverName: null, learns: `not a TLS record (${record})` });
        break;
      }
      out.push(describe(record.type, record.fragment));
    }
    return out;
  }
}

function describe(type: number, fragment: Uint8Array): ObservedRecord {
  const contentType = NAMES[type] ?? 'unknown';
  const length = fragment.length + 5;
  if (type === ContentType.applicationData) {
    return { contentType, length, messages: [], serverName: null, learns: `${fragment.length - 17} octets of something, encrypted: only the length and the timing show` };
  }
  if (type === ContentType.alert) return { contentType, length, messages: [], serverName: null, learns: 'a plaintext alert: the handshake failed' };
  if (type !== ContentType.handshake) return { contentType, length, messages: [], serverName: null, learns: 'an unknown record type' };
  let messages: string[] = [];
  let serverName: string | null = null;
  try {
    const parsed = splitHandshake(fragment);
    messages = parsed.map((m) => HANDSHAKE_NAMES[m.type] ?? `type ${m.type}`);
    const hello = parsed.find((m) => m.type === HandshakeType.clientHello);
    if (hello) serverName = decodeClientHello(hello.body).serverName;
  } catch {
    messages = ['malformed handshake'];
  }
  const learns = serverName
    ? `the client wants ${serverName} (SNI is sent in the clear), and its key share`
    : messages.includes('ServerHello')
      ? "the server's key share and chosen cipher; everything after this is encrypted"
      : 'handshake data';
  return { contentType, length, messages, serverName, learns };
}
