/** Header octets → string: UTF-8 when valid (RFC 6532), else one char per octet (latin1). */
import { latin1Text, strictUtf8Text } from '../wire/bytes.ts';

const ascii = new TextDecoder('utf-8');

export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}

/** ASCII octets as text (the caller has checked `isAscii`). */
export function asciiText(bytes: Uint8Array): string {
  return bytes.length < 64 ? String.fromCharCode.apply(null, bytes as unknown as number[]) : ascii.decode(bytes);
}

export function octetText(bytes: Uint8Array): string {
  if (isAscii(bytes)) return asciiText(bytes);
  return strictUtf8Text(bytes) ?? latin1Text(bytes);
}

/**
 * Are `a` and `b` views of the same octets (the same memory, not only equal content)? A stored
 * message hands out a new view on each read (store/arena-message.ts), so a parse of it is
 * recognised by where its octets lie, not by the view object.
 */
export function sameOctets(a: Uint8Array, b: Uint8Array): boolean {
  return a === b || (a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.length === b.length);
}
