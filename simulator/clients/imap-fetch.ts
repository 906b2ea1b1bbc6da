/** The items of a FETCH response (RFC 9051 §7.5.2) the client uses, out of the decoded values. */
import type { ImapValue } from '../imap/wire/value.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { atomText } from './imap-response.ts';

export interface FetchItems {
  uid?: number;
  flags?: string[];
  size?: number;
  body?: Uint8Array;
}

/** `(UID 4 FLAGS (\Seen) RFC822.SIZE 420 BODY[] {420}...)` as name/value pairs. */
export function fetchItems(list: ImapValue | undefined): FetchItems {
  const items: FetchItems = {};
  if (!Array.isArray(list)) return items;
  const values = list as readonly ImapValue[];
  for (let i = 0; i + 1 < values.length; i += 2) {
    const name = atomText(values[i]).toUpperCase();
    const value = values[i + 1];
    if (name === 'UID' && typeof value === 'number') items.uid = value;
    else if (name === 'FLAGS' && Array.isArray(value)) items.flags = (value as readonly ImapValue[]).map((f) => atomText(f)).filter((f) => f !== '\\Recent');
    else if (name === 'RFC822.SIZE' && typeof value === 'number') items.size = value;
    else if (name === 'BODY[]' || name === 'BINARY[]') items.body = bodyBytes(value);
  }
  return items;
}

function bodyBytes(value: ImapValue | undefined): Uint8Array | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'literal' in value) return (value as { literal: Uint8Array }).literal;
  if (typeof value === 'string') return utf8Bytes(value);
  return undefined;
}
