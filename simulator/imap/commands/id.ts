import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd } from '../parse/ast.ts';
import { type Cursor, SyntaxFault } from '../parse/lexer.ts';
import { done, untagged } from '../effects.ts';
import { istring, list } from '../encode.ts';
import { ok } from '../responses.ts';

/** What this server says about itself (RFC 2971 §3.3 field names). */
const SERVER_ID: Array<[string, string]> = [
  ['name', 'Mailwire'],
  ['vendor', 'Mailwire'],
  ['support-url', 'https://mailwire.example/'],
];

/** RFC 2971 ID: field/value pairs, or null for `ID NIL`. Values may be NIL. */
export type IdParams = Array<[string, string | null]> | null;

export type IdCommand = Cmd<'ID', { params: IdParams }>;

/**
 * RFC 2971 §3.3: at most 30 pairs; fields ≤ 30 octets, values ≤ 1024 octets.
 * @rfc 2971#3.3
 */
function idParams(c: Cursor): IdParams {
  if (c.acceptWord('NIL')) return null;
  c.expectByte(0x28, 'a parenthesised list of field/value pairs or NIL');
  const params: Array<[string, string | null]> = [];
  if (c.accept(0x29)) return params;
  do {
    const field = c.string('a field name string such as "name"');
    c.sp('the field name');
    const value = c.nstring('a value string');
    if (field.length > 30) throw new SyntaxFault(`ID field name "${field.slice(0, 30)}..." is longer than 30 octets`);
    if (value !== null && value.length > 1024) throw new SyntaxFault(`the ID value of "${field}" is longer than 1024 octets`);
    params.push([field, value]);
    if (params.length > 30) throw new SyntaxFault('ID allows at most 30 field/value pairs');
  } while (c.accept(0x20));
  c.expectByte(0x29, 'a closing parenthesis after the ID pairs');
  return params;
}

/** RFC 2971 §3.1 id = "ID" SP id-params-list. */
const parse: ArgParser<IdCommand> = (c, tag) => {
  c.sp('ID');
  const params = idParams(c);
  c.end();
  return { tag, name: 'ID', params };
};

/**
 * @rfc 2971#3.1 ID: "the server MUST return an untagged ID response" with its own
 * field/value pairs, whatever the client sent (the client's pairs are only informational).
 */
export const ID: ImapCommandSpec<IdCommand> = {
  name: 'ID',
  verb: 'ID',
  order: 40,
  states: ['not-authenticated', 'authenticated', 'selected'], // RFC 2971 §3.1 "valid in any state"
  capability: 'ID',
  summary: 'Exchange client and server names',
  syntax: 'ID ("name" "client" ...) | ID NIL',
  rfc: rfc(2971, '3.1'),
  parse,
  handle(s) {
    const pairs = SERVER_ID.map(([k, v]) => [...istring(k, s.strings), ' ', ...istring(v, s.strings)]);
    return [untagged('ID ', ...list(pairs)), done(ok('ID completed'))];
  },
};
