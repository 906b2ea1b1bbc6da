/** Bytes on the wire: base64 and the SASL PLAIN message. The site's entry point. */
export { concatBytes, latin1Bytes, latin1Text, utf8Bytes, utf8Text } from './bytes.ts';
export { decodeBase64, decodeBase64Lenient, encodeBase64 } from './base64.ts';
export { decodeSaslPlain, encodeSaslPlain } from './sasl-plain.ts';
