/** RFC 8446 §7.1: the TLS 1.3 key schedule for a full (EC)DHE handshake without PSK. */
import { hkdfExpandLabel, hkdfExtract, hmac, sha256 } from './crypto.ts';

const ZERO = new Uint8Array(32);
const EMPTY = new Uint8Array(0);

async function deriveSecret(secret: Uint8Array, label: string, transcriptHash: Uint8Array): Promise<Uint8Array> {
  return hkdfExpandLabel(secret, label, transcriptHash, 32);
}

export interface HandshakeSecrets {
  client: Uint8Array;
  server: Uint8Array;
  /** Carried forward to derive the application traffic secrets. */
  handshakeSecret: Uint8Array;
}

/** `helloHash` is Transcript-Hash(ClientHello..ServerHello). */
export async function handshakeSecrets(sharedSecret: Uint8Array, helloHash: Uint8Array): Promise<HandshakeSecrets> {
  const early = await hkdfExtract(EMPTY, ZERO);
  const derived = await deriveSecret(early, 'derived', await sha256(EMPTY));
  const handshakeSecret = await hkdfExtract(derived, sharedSecret);
  return {
    client: await deriveSecret(handshakeSecret, 'c hs traffic', helloHash),
    server: await deriveSecret(handshakeSecret, 's hs traffic', helloHash),
    handshakeSecret,
  };
}

/** `finishedHash` is Transcript-Hash(ClientHello..server Finished). */
export async function applicationSecrets(handshakeSecret: Uint8Array, finishedHash: Uint8Array): Promise<{ client: Uint8Array; server: Uint8Array }> {
  const derived = await deriveSecret(handshakeSecret, 'derived', await sha256(EMPTY));
  const master = await hkdfExtract(derived, ZERO);
  return {
    client: await deriveSecret(master, 'c ap traffic', finishedHash),
    server: await deriveSecret(master, 's ap traffic', finishedHash),
  };
}

/** RFC 8446 §4.4.4: verify_data = HMAC(finished_key, Transcript-Hash(...)). */
export async function finishedMac(trafficSecret: Uint8Array, transcriptHash: Uint8Array): Promise<Uint8Array> {
  const key = await hkdfExpandLabel(trafficSecret, 'finished', EMPTY, 32);
  return hmac(key, transcriptHash);
}

/** The running transcript: every handshake message in order (RFC 8446 §4.4.1). */
export class Transcript {
  private messages: Uint8Array[] = [];

  add(message: Uint8Array): void {
    this.messages.push(message.slice());
  }

  hash(): Promise<Uint8Array> {
    const total = this.messages.reduce((n, m) => n + m.length, 0);
    const all = new Uint8Array(total);
    let offset = 0;
    for (const m of this.messages) {
      all.set(m, offset);
      offset += m.length;
    }
    return sha256(all);
  }
}
