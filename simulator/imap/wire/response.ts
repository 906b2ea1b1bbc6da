/**
 * Whole response lines (RFC 9051 §2.2.2, §7): untagged data `* ...`, status responses
 * `tag OK [CODE] text`, and continuation requests `+ text`.
 */
import { concatBytes, utf8Bytes } from '../../wire/bytes.ts';
import { encodeValues } from './encode.ts';
import { DEFAULT_ENCODE_OPTIONS, type EncodeOptions, type ImapValue } from './value.ts';

const CRLF = utf8Bytes('\r\n');

/** A response code (RFC 9051 §7.1): `TRYCREATE`, or `{ name: 'APPENDUID', args: [38505, 3955] }`. */
export type ResponseCode = string | { name: string; args: readonly ImapValue[] };

export type Condition = 'OK' | 'NO' | 'BAD' | 'PREAUTH' | 'BYE';

/**
 * RFC 9051 §9 text = 1*TEXT-CHAR: US-ASCII without CR or LF. Other characters become "?", and
 * a leading "[" would read as a response code, so it is set off.
 */
export function responseText(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, (ch) => (ch === '\r' || ch === '\n' || ch === '\t' ? ' ' : '?'));
  if (!clean.trim()) return 'done';
  return clean.startsWith('[') ? `- ${clean}` : clean;
}

function encodeCode(code: ResponseCode, opts: EncodeOptions): Uint8Array {
  if (typeof code === 'string') return utf8Bytes(`[${code}] `);
  const args = code.args.length ? concatBytes([utf8Bytes(' '), encodeValues(code.args, opts)]) : new Uint8Array(0);
  return concatBytes([utf8Bytes(`[${code.name}`), args, utf8Bytes('] ')]);
}

/** `* value value ...` CRLF, e.g. untagged([3, { atom: 'EXISTS' }]). */
export function untagged(values: readonly ImapValue[], opts: EncodeOptions = DEFAULT_ENCODE_OPTIONS): Uint8Array {
  return concatBytes([utf8Bytes('* '), encodeValues(values, opts), CRLF]);
}

/** `tag COND [CODE] text` CRLF; the tag is "*" for untagged status (RFC 9051 §7.1). */
export function statusResponse(
  tag: string,
  condition: Condition,
  text: string,
  code?: ResponseCode,
  opts: EncodeOptions = DEFAULT_ENCODE_OPTIONS,
): Uint8Array {
  const codeBytes = code === undefined ? new Uint8Array(0) : encodeCode(code, opts);
  return concatBytes([utf8Bytes(`${tag} ${condition} `), codeBytes, utf8Bytes(responseText(text)), CRLF]);
}

/** `+ text` CRLF (RFC 9051 §7.6); SASL challenges pass base64 as the text. */
export function continuation(text = 'Ready for literal data'): Uint8Array {
  return concatBytes([utf8Bytes(`+ ${responseText(text)}`), CRLF]);
}
