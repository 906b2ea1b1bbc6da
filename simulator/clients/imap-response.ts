/**
 * Reading IMAP responses on the client side (RFC 9051 §2.2.2, §7): lines framed by CRLF, with
 * literals `{n}` whose n octets belong to the same response, parsed into continuation requests,
 * status responses (tagged or untagged, with a response code) and untagged data.
 */
import { concatBytes, latin1Text, utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { LineBuffer } from '../wire/line-buffer.ts';
import { decodeValues } from '../imap/wire/decode.ts';
import type { ImapValue } from '../imap/wire/value.ts';
import type { WireLine } from './transcript.ts';

export type Condition = 'OK' | 'NO' | 'BAD' | 'BYE' | 'PREAUTH';

export type ImapResponse =
  | { type: 'continue'; text: string }
  | { type: 'status'; tag: string; condition: Condition; code: { name: string; args: ImapValue[] } | null; text: string }
  /** `* <values>`: EXISTS, FETCH, LIST, CAPABILITY, FLAGS … as decoded values. */
  | { type: 'data'; values: ImapValue[] };

export interface FramedResponse {
  response: ImapResponse | { type: 'error'; error: string };
  /** How the transcript shows it: literal contents collapsed into `detail`. */
  wire: WireLine;
}

const MAX_LINE = 64 * 1024;
/** A single literal larger than this is a misbehaving server (memory bound). */
const MAX_LITERAL = 32 * 1024 * 1024;
/** RFC 9051 §4.3 literal / RFC 7888 non-synchronizing / RFC 3516 literal8, at the end of a line. */
const LITERAL_AT_END = /~?\{(\d+)\+?\}$/;
const CRLF = utf8Bytes('\r\n');
const CONDITIONS = new Set<string>(['OK', 'NO', 'BAD', 'BYE', 'PREAUTH']);

export class ImapResponseReader {
  private readonly buffer = new LineBuffer();
  private parts: Uint8Array[] = [];
  private shown: string[] = [];
  private literals: string[] = [];
  private literalWanted: number | null = null;

  push(bytes: Uint8Array): void {
    this.buffer.push(bytes);
  }

  /** RFC 9051 §6.2.1 / RFC 3207-style: nothing read in plaintext survives STARTTLS. */
  clear(): void {
    this.buffer.clear();
    this.reset();
  }

  next(): FramedResponse | null {
    for (;;) {
      if (this.literalWanted !== null) {
        const bytes = this.buffer.readBytes(this.literalWanted);
        if (!bytes) return null;
        this.parts.push(bytes);
        this.shown.push(`<${bytes.length} octets>`);
        this.literals.push(utf8Text(bytes));
        this.literalWanted = null;
      }
      const line = this.buffer.readLine(MAX_LINE);
      if (!line) return null;
      if (line.overflow) return this.finish({ type: 'error', error: 'response line too long' }, '(over-long line dropped)');
      const text = latin1Text(line.bytes);
      const literal = LITERAL_AT_END.exec(text);
      this.parts.push(line.bytes);
      this.shown.push(text);
      if (literal) {
        const size = Number(literal[1]);
        if (size > MAX_LITERAL) return this.finish({ type: 'error', error: `literal of ${size} octets is too large` }, text);
        this.parts.push(CRLF);
        this.literalWanted = size;
        continue;
      }
      const whole = concatBytes(this.parts);
      return this.finish(parseResponse(whole), this.shown.join(' '));
    }
  }

  private finish(response: FramedResponse['response'], text: string): FramedResponse {
    const wire: WireLine = { direction: 'S', text };
    if (this.literals.length) wire.detail = this.literals.join('\n');
    this.reset();
    return { response, wire };
  }

  private reset(): void {
    this.parts = [];
    this.shown = [];
    this.literals = [];
    this.literalWanted = null;
  }
}

/** One whole response (its literals inline, no final CRLF). */
export function parseResponse(bytes: Uint8Array): FramedResponse['response'] {
  const head = latin1Text(bytes.subarray(0, Math.min(bytes.length, 200)));
  if (head.startsWith('+')) return { type: 'continue', text: latin1Text(bytes).replace(/^\+ ?/, '') };
  const sp = head.indexOf(' ');
  if (sp <= 0) return { type: 'error', error: `not an IMAP response: ${JSON.stringify(head.slice(0, 60))}` };
  const tag = head.slice(0, sp);
  const word = /^[A-Za-z]+/.exec(head.slice(sp + 1))?.[0]?.toUpperCase() ?? '';
  if (CONDITIONS.has(word)) return status(tag, word as Condition, latin1Text(bytes.subarray(sp + 1 + word.length)));
  if (tag !== '*') return { type: 'error', error: `tagged response without OK, NO or BAD: ${JSON.stringify(head.slice(0, 60))}` };
  const values = decodeValues(bytes.subarray(sp + 1));
  if ('error' in values) return { type: 'error', error: `unreadable untagged data: ${values.error}` };
  return { type: 'data', values };
}

/** RFC 9051 §7.1: resp-text = ["[" resp-text-code "]" SP] text */
function status(tag: string, condition: Condition, rest: string): ImapResponse {
  const body = rest.replace(/^ /, '');
  if (!body.startsWith('[')) return { type: 'status', tag, condition, code: null, text: body };
  const close = body.indexOf(']');
  if (close < 0) return { type: 'status', tag, condition, code: null, text: body };
  const inside = decodeValues(utf8Bytes(body.slice(1, close)));
  const text = body.slice(close + 1).replace(/^ /, '');
  if ('error' in inside || inside.length === 0) return { type: 'status', tag, condition, code: { name: body.slice(1, close).split(' ')[0]!.toUpperCase(), args: [] }, text };
  const [name, ...args] = inside;
  return { type: 'status', tag, condition, code: { name: atomText(name).toUpperCase(), args }, text };
}

/** The text of an atom, string or number value; '' for lists and NIL. */
export function atomText(v: ImapValue | undefined): string {
  if (v === null || v === undefined || Array.isArray(v)) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if ('atom' in v) return v.atom;
  if ('astring' in v) return v.astring;
  if ('literal' in v) return utf8Text(v.literal);
  return '';
}
