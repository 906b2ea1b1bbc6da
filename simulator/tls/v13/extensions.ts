/** RFC 8446 §4.2: the extensions we send and read, each as typed bytes. */
import { build, Reader } from '../codec.ts';
import { TlsAlert } from './alerts.ts';

/** RFC 8446 §4.2 `enum ExtensionType` (the ones this implementation names). */
export const EXT = {
  server_name: 0,
  supported_groups: 10,
  signature_algorithms: 13,
  alpn: 16,
  pre_shared_key: 41,
  early_data: 42,
  supported_versions: 43,
  cookie: 44,
  psk_key_exchange_modes: 45,
  signature_algorithms_cert: 50,
  key_share: 51,
} as const;

export interface Extension {
  type: number;
  data: Uint8Array;
}

/** RFC 8446 §4.2: "There MUST NOT be more than one extension of the same type in a given extension block." */
export function decodeExtensions(r: Reader): Extension[] {
  const block = new Reader(r.vector(2));
  const out: Extension[] = [];
  while (block.remaining > 0) {
    const type = block.u16();
    if (out.some((e) => e.type === type)) throw new TlsAlert('illegal_parameter', `extension ${type} appears twice`);
    out.push({ type, data: block.vector(2) });
  }
  return out;
}

export function encodeExtensions(exts: readonly Extension[]): Uint8Array {
  return build((w) => w.vector(2, (b) => exts.forEach((e) => b.u16(e.type).vector(2, e.data))));
}

export function findExtension(exts: readonly Extension[], type: number): Uint8Array | undefined {
  return exts.find((e) => e.type === type)?.data;
}

/** A list of u16 values in a vector with a 2-octet (or 1-octet) length: supported_groups, signature_algorithms, versions. */
export function u16List(values: readonly number[], lengthSize: 1 | 2 = 2): Uint8Array {
  return build((w) => w.vector(lengthSize, (b) => values.forEach((v) => b.u16(v))));
}

export function readU16List(data: Uint8Array, lengthSize: 1 | 2 = 2): number[] {
  const r = new Reader(data);
  const list = new Reader(r.vector(lengthSize));
  r.end();
  if (list.remaining % 2 !== 0) throw new TlsAlert('decode_error', 'odd length in a list of 16-bit values');
  const out: number[] = [];
  while (list.remaining > 0) out.push(list.u16());
  return out;
}

/** RFC 6066 §3 ServerNameList with one host_name (type 0). */
export function serverNameExtension(host: string): Uint8Array {
  const name = Uint8Array.from(host, (c) => c.charCodeAt(0));
  return build((w) => w.vector(2, (b) => b.u8(0).vector(2, name)));
}

export function readServerName(data: Uint8Array): string | undefined {
  const r = new Reader(data);
  const list = new Reader(r.vector(2));
  r.end();
  while (list.remaining > 0) {
    const type = list.u8();
    const name = list.vector(2);
    // RFC 6066 §3: "The ServerNameList MUST NOT contain more than one name of the same name_type."
    if (type === 0) return String.fromCharCode(...name);
  }
  return undefined;
}

export interface KeyShareEntry {
  group: number;
  keyExchange: Uint8Array;
}

/** RFC 8446 §4.2.8 KeyShareClientHello: client_shares<0..2^16-1>. */
export function clientKeyShares(entries: readonly KeyShareEntry[]): Uint8Array {
  return build((w) => w.vector(2, (b) => entries.forEach((e) => b.u16(e.group).vector(2, e.keyExchange))));
}

export function readClientKeyShares(data: Uint8Array): KeyShareEntry[] {
  const r = new Reader(data);
  const list = new Reader(r.vector(2));
  r.end();
  const out: KeyShareEntry[] = [];
  while (list.remaining > 0) {
    const group = list.u16();
    // RFC 8446 §4.2.8: "Clients MUST NOT offer multiple KeyShareEntry values for the same group."
    if (out.some((e) => e.group === group)) throw new TlsAlert('illegal_parameter', `two key shares for group ${group}`);
    out.push({ group, keyExchange: list.vector(2) });
  }
  return out;
}

/** RFC 8446 §4.2.8 KeyShareServerHello: one entry. */
export function serverKeyShare(entry: KeyShareEntry): Uint8Array {
  return build((w) => w.u16(entry.group).vector(2, entry.keyExchange));
}

export function readServerKeyShare(data: Uint8Array): KeyShareEntry {
  const r = new Reader(data);
  const entry = { group: r.u16(), keyExchange: r.vector(2) };
  r.end();
  return entry;
}

/** RFC 8446 §4.2.8 KeyShareHelloRetryRequest: the selected group alone. */
export function readSelectedGroup(data: Uint8Array): number {
  const r = new Reader(data);
  const group = r.u16();
  r.end();
  return group;
}
