/**
 * The relay's `--ca` file: one or more CA certificates, PEM (any number of blocks) or a single DER
 * certificate. Node's TLS wants PEM; the page is offered each certificate as base64 DER.
 */

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** The file's certificates as PEM text; throws with a sentence when there are none. */
export function caPem(file: Uint8Array, name: string): string {
  const text = Buffer.from(file).toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) return text;
  // DER: a certificate is one SEQUENCE (X.690 §8.9), tag 0x30 with a long-form length.
  if (file.length > 4 && file[0] === 0x30 && file[1]! >= 0x81 && file[1]! <= 0x84) {
    const lines = Buffer.from(file).toString('base64').match(/.{1,64}/g) ?? [];
    return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  }
  throw new Error(`--ca ${name} holds no certificate (PEM "BEGIN CERTIFICATE" blocks, or one DER certificate)`);
}

/** Each certificate of a PEM text as base64 DER, for the relay's hello to the page. */
export function caRootsBase64(pem: string | null): string[] {
  if (!pem) return [];
  return [...pem.matchAll(PEM_BLOCK)].map((m) => m[1]!.replace(/\s/g, ''));
}
