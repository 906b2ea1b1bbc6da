/** Bytes on the wire: base64 and the SASL PLAIN message. The site's entry point. */
export { decodeBase64, decodeBase64Lenient, encodeBase64 } from './base64.ts';
export { decodeSaslPlain, encodeSaslPlain } from './sasl-plain.ts';
