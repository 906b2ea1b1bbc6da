/** RFC 8446 §4: the handshake messages this TLS speaks, encoded and decoded. */
import { build, DecodeError, Reader } from './codec.ts';

export const HandshakeType = {
  clientHello: 1,
  serverHello: 2,
  encryptedExtensions: 8,
  certificate: 11,
  certificateVerify: 15,
  finished: 20,
} as const;

export const HANDSHAKE_NAMES: Record<number, string> = {
  1: 'ClientHello',
  2: 'ServerHello',
  8: 'EncryptedExtensions',
  11: 'Certificate',
  15: 'CertificateVerify',
  20: 'Finished',
};

/** RFC 8446 §B.4 TLS_AES_128_GCM_SHA256; §4.2.7 secp256r1; §4.2.3 ecdsa_secp256r1_sha256. */
export const CIPHER_SUITE = 0x1301;
export const CIPHER_NAME = 'TLS_AES_128_GCM_SHA256';
const GROUP_P256 = 0x0017;
const SIG_ECDSA_P256_SHA256 = 0x0403;
const TLS13 = 0x0304;

const Ext = { serverName: 0, supportedGroups: 10, signatureAlgorithms: 13, supportedVersions: 43, keyShare: 51 } as const;

export interface HandshakeMessage {
  type: number;
  body: Uint8Array;
  /** The whole message with its 4-octet header, as it enters the transcript hash. */
  raw: Uint8Array;
}

export function handshake(type: number, body: Uint8Array): Uint8Array {
  return build((w) => w.u8(type).vector(3, body));
}

/** Splits concatenated handshake messages (one record may carry several, RFC 8446 §5.1). */
export function splitHandshake(data: Uint8Array): HandshakeMessage[] {
  const r = new Reader(data);
  const out: HandshakeMessage[] = [];
  while (r.remaining) {
    const start = data.length - r.remaining;
    const type = r.u8();
    const body = r.vector(3);
    out.push({ type, body, raw: data.subarray(start, start + 4 + body.length) });
  }
  return out;
}

function extension(type: number, data: Uint8Array): Uint8Array {
  return build((w) => w.u16(type).vector(2, data));
}

function readExtensions(data: Uint8Array): Map<number, Uint8Array> {
  const r = new Reader(data);
  const map = new Map<number, Uint8Array>();
  while (r.remaining) {
    const type = r.u16();
    map.set(type, r.vector(2));
  }
  return map;
}

export interface ClientHello {
  random: Uint8Array;
  serverName: string | null;
  keyShare: Uint8Array;
}

export function encodeClientHello(hello: ClientHello): Uint8Array {
  const text = new TextEncoder();
  const extensions = [
    hello.serverName
      ? extension(Ext.serverName, build((w) => w.vector(2, (l) => l.u8(0).vector(2, text.encode(hello.serverName!)))))
      : new Uint8Array(0),
    extension(Ext.supportedVersions, build((w) => w.vector(1, (v) => v.u16(TLS13)))),
    extension(Ext.supportedGroups, build((w) => w.vector(2, (v) => v.u16(GROUP_P256)))),
    extension(Ext.signatureAlgorithms, build((w) => w.vector(2, (v) => v.u16(SIG_ECDSA_P256_SHA256)))),
    extension(Ext.keyShare, build((w) => w.vector(2, (v) => v.u16(GROUP_P256).vector(2, hello.keyShare)))),
  ];
  const body = build((w) =>
    w
      .u16(0x0303)
      .bytes(hello.random)
      .vector(1, new Uint8Array(0))
      .vector(2, (c) => c.u16(CIPHER_SUITE))
      .vector(1, Uint8Array.of(0))
      .vector(2, (e) => extensions.forEach((x) => e.bytes(x))),
  );
  return handshake(HandshakeType.clientHello, body);
}

/** Throws DecodeError when malformed or when it offers nothing this server speaks. */
export function decodeClientHello(body: Uint8Array): ClientHello {
  const r = new Reader(body);
  r.u16();
  const random = r.bytes(32).slice();
  r.vector(1);
  const suites = new Reader(r.vector(2));
  let hasSuite = false;
  while (suites.remaining) if (suites.u16() === CIPHER_SUITE) hasSuite = true;
  r.vector(1);
  const ext = readExtensions(r.vector(2));
  if (!hasSuite) throw new DecodeError('no cipher suite in common');
  const versions = ext.get(Ext.supportedVersions);
  if (!versions || !containsU16(new Reader(versions).vector(1), TLS13)) throw new DecodeError('client does not offer TLS 1.3');
  const share = ext.get(Ext.keyShare);
  if (!share) throw new DecodeError('no key_share');
  const shares = new Reader(new Reader(share).vector(2));
  let keyShare: Uint8Array | null = null;
  while (shares.remaining) {
    const group = shares.u16();
    const key = shares.vector(2);
    if (group === GROUP_P256) keyShare = key.slice();
  }
  if (!keyShare) throw new DecodeError('no secp256r1 key share');
  let serverName: string | null = null;
  const sni = ext.get(Ext.serverName);
  if (sni) {
    const list = new Reader(new Reader(sni).vector(2));
    if (list.u8() === 0) serverName = new TextDecoder().decode(list.vector(2));
  }
  return { random, serverName, keyShare };
}

function containsU16(data: Uint8Array, value: number): boolean {
  const r = new Reader(data);
  while (r.remaining >= 2) if (r.u16() === value) return true;
  return false;
}

export interface ServerHello {
  random: Uint8Array;
  keyShare: Uint8Array;
}

export function encodeServerHello(hello: ServerHello): Uint8Array {
  const body = build((w) =>
    w
      .u16(0x0303)
      .bytes(hello.random)
      .vector(1, new Uint8Array(0))
      .u16(CIPHER_SUITE)
      .u8(0)
      .vector(2, (e) =>
        e
          .bytes(extension(Ext.supportedVersions, build((v) => v.u16(TLS13))))
          .bytes(extension(Ext.keyShare, build((v) => v.u16(GROUP_P256).vector(2, hello.keyShare)))),
      ),
  );
  return handshake(HandshakeType.serverHello, body);
}

export function decodeServerHello(body: Uint8Array): ServerHello {
  const r = new Reader(body);
  r.u16();
  const random = r.bytes(32).slice();
  r.vector(1);
  if (r.u16() !== CIPHER_SUITE) throw new DecodeError('server chose a cipher suite that was not offered');
  r.u8();
  const ext = readExtensions(r.vector(2));
  const share = ext.get(Ext.keyShare);
  if (!share) throw new DecodeError('ServerHello has no key_share');
  const s = new Reader(share);
  if (s.u16() !== GROUP_P256) throw new DecodeError('server chose a group that was not offered');
  return { random, keyShare: s.vector(2).slice() };
}

export function encodeCertificateMessage(certificate: Uint8Array): Uint8Array {
  return handshake(HandshakeType.certificate, build((w) => w.vector(1, new Uint8Array(0)).vector(3, (l) => l.vector(3, certificate).vector(2, new Uint8Array(0)))));
}

export function decodeCertificateMessage(body: Uint8Array): Uint8Array[] {
  const r = new Reader(body);
  r.vector(1);
  const list = new Reader(r.vector(3));
  const chain: Uint8Array[] = [];
  while (list.remaining) {
    chain.push(list.vector(3).slice());
    list.vector(2);
  }
  if (!chain.length) throw new DecodeError('empty certificate list');
  return chain;
}

/**
 * RFC 8446 §4.4.3: the content a CertificateVerify signs. (The signature itself is the raw r||s
 * WebCrypto makes, not DER: one of the places this TLS is shaped like, not identical to, TLS 1.3.)
 */
export function certificateVerifyContent(transcriptHash: Uint8Array): Uint8Array {
  const prefix = new Uint8Array(64).fill(0x20);
  const label = new TextEncoder().encode('TLS 1.3, server CertificateVerify');
  return build((w) => w.bytes(prefix).bytes(label).u8(0).bytes(transcriptHash));
}

export function encodeCertificateVerify(signature: Uint8Array): Uint8Array {
  return handshake(HandshakeType.certificateVerify, build((w) => w.u16(SIG_ECDSA_P256_SHA256).vector(2, signature)));
}

export function decodeCertificateVerify(body: Uint8Array): Uint8Array {
  const r = new Reader(body);
  if (r.u16() !== SIG_ECDSA_P256_SHA256) throw new DecodeError('unexpected signature algorithm');
  return r.vector(2).slice();
}
