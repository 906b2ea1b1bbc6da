/** RFC 8446 §4.4.1: the transcript hash over the handshake messages, as sent (header included). */
import type { Hash } from './suites.ts';

/** RFC 8446 §4 HandshakeType message_hash: stands in for ClientHello1 after a HelloRetryRequest. */
const MESSAGE_HASH = 254;

export class Transcript {
  private messages: Uint8Array[] = [];
  private length = 0;

  add(message: Uint8Array): void {
    this.messages.push(message);
    this.length += message.length;
  }

  /**
   * RFC 8446 §4.4.1: "when the server responds to a ClientHello with a HelloRetryRequest, the value
   * of ClientHello1 is replaced with a special synthetic handshake message of handshake type
   * "message_hash" containing Hash(ClientHello1)". Called once the HRR chose the hash, before adding the HRR.
   */
  replaceFirstWithMessageHash(hash: Hash): void {
    const first = this.messages[0];
    if (!first || this.messages.length !== 1) throw new Error('message_hash replaces exactly ClientHello1');
    const digest = hash(first);
    const synthetic = new Uint8Array(4 + digest.length);
    synthetic[0] = MESSAGE_HASH;
    synthetic[3] = digest.length;
    synthetic.set(digest, 4);
    this.messages = [synthetic];
    this.length = synthetic.length;
  }

  hash(hash: Hash): Uint8Array {
    const all = new Uint8Array(this.length);
    let at = 0;
    for (const m of this.messages) {
      all.set(m, at);
      at += m.length;
    }
    return hash(all);
  }
}
