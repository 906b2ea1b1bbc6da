/** RFC 8446 §7.1: the key schedule — HKDF-Extract and Derive-Secret from PSK to resumption. */
import { extract, expand } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import type { CipherSuite, Hash } from './suites.ts';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** RFC 8446 §7.1 HKDF-Expand-Label(Secret, Label, Context, Length) with HkdfLabel and the "tls13 " prefix. */
export function hkdfExpandLabel(hash: Hash, secret: Uint8Array, label: string, context: Uint8Array, length: number): Uint8Array {
  const full = ascii(`tls13 ${label}`);
  const info = new Uint8Array(2 + 1 + full.length + 1 + context.length);
  info[0] = length >> 8;
  info[1] = length & 0xff;
  info[2] = full.length;
  info.set(full, 3);
  info[3 + full.length] = context.length;
  info.set(context, 4 + full.length);
  return expand(hash, secret, info, length);
}

/** RFC 8446 §7.1 Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length). */
export function deriveSecret(hash: Hash, secret: Uint8Array, label: string, transcriptHash: Uint8Array): Uint8Array {
  return hkdfExpandLabel(hash, secret, label, transcriptHash, hash.outputLen);
}

export interface HandshakeSecrets {
  handshakeSecret: Uint8Array;
  clientHandshakeTrafficSecret: Uint8Array;
  serverHandshakeTrafficSecret: Uint8Array;
}

export interface ApplicationSecrets {
  masterSecret: Uint8Array;
  clientApplicationTrafficSecret: Uint8Array;
  serverApplicationTrafficSecret: Uint8Array;
  exporterMasterSecret: Uint8Array;
}

/** The schedule for one connection without PSK: the PSK input is a string of Hash.length zeros. */
export class KeySchedule {
  readonly earlySecret: Uint8Array;
  private handshakeSecret: Uint8Array | undefined;

  constructor(readonly suite: CipherSuite) {
    const zeros = new Uint8Array(suite.hash.outputLen);
    // RFC 8446 §7.1: Early Secret = HKDF-Extract(salt: 0, IKM: PSK), PSK = 0 when there is none.
    this.earlySecret = extract(suite.hash, zeros, zeros);
  }

  private get emptyHash(): Uint8Array {
    return this.suite.hash(new Uint8Array(0));
  }

  /** After ServerHello: `transcriptHash` covers ClientHello...ServerHello. */
  handshake(sharedSecret: Uint8Array, transcriptHash: Uint8Array): HandshakeSecrets {
    const h = this.suite.hash;
    const derived = deriveSecret(h, this.earlySecret, 'derived', this.emptyHash);
    const handshakeSecret = extract(h, sharedSecret, derived);
    this.handshakeSecret = handshakeSecret;
    return {
      handshakeSecret,
      clientHandshakeTrafficSecret: deriveSecret(h, handshakeSecret, 'c hs traffic', transcriptHash),
      serverHandshakeTrafficSecret: deriveSecret(h, handshakeSecret, 's hs traffic', transcriptHash),
    };
  }

  /** After server Finished: `transcriptHash` covers ClientHello...server Finished. */
  application(transcriptHash: Uint8Array): ApplicationSecrets {
    const h = this.suite.hash;
    if (!this.handshakeSecret) throw new Error('application secrets before the handshake secret');
    const derived = deriveSecret(h, this.handshakeSecret, 'derived', this.emptyHash);
    const masterSecret = extract(h, new Uint8Array(h.outputLen), derived);
    return {
      masterSecret,
      clientApplicationTrafficSecret: deriveSecret(h, masterSecret, 'c ap traffic', transcriptHash),
      serverApplicationTrafficSecret: deriveSecret(h, masterSecret, 's ap traffic', transcriptHash),
      exporterMasterSecret: deriveSecret(h, masterSecret, 'exp master', transcriptHash),
    };
  }
}

/** RFC 8446 §7.3: the write key and IV of one traffic secret. */
export function trafficKeys(suite: CipherSuite, secret: Uint8Array): { key: Uint8Array; iv: Uint8Array } {
  return {
    key: hkdfExpandLabel(suite.hash, secret, 'key', new Uint8Array(0), suite.keyLength),
    iv: hkdfExpandLabel(suite.hash, secret, 'iv', new Uint8Array(0), suite.ivLength),
  };
}

/** RFC 8446 §7.2: application_traffic_secret_N+1 = HKDF-Expand-Label(secret_N, "traffic upd", "", Hash.length). */
export function nextTrafficSecret(suite: CipherSuite, secret: Uint8Array): Uint8Array {
  return hkdfExpandLabel(suite.hash, secret, 'traffic upd', new Uint8Array(0), suite.hash.outputLen);
}

/** RFC 8446 §4.4.4: verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*)). */
export function finishedVerifyData(suite: CipherSuite, baseKey: Uint8Array, transcriptHash: Uint8Array): Uint8Array {
  const finishedKey = hkdfExpandLabel(suite.hash, baseKey, 'finished', new Uint8Array(0), suite.hash.outputLen);
  return hmac(suite.hash, finishedKey, transcriptHash);
}
