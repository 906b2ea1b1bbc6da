import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done, untagged } from '../effects.ts';
import { istring, list } from '../encode.ts';
import { ok } from '../responses.ts';

/** What this server says about itself (RFC 2971 §3.3 field names). */
const SERVER_ID: Array<[string, string]> = [
  ['name', 'Mailwire'],
  ['vendor', 'Mailwire'],
  ['support-url', 'https://mailwire.example/'],
];

/**
 * @rfc 2971#3.1 ID: "the server MUST return an untagged ID response" with its own
 * field/value pairs, whatever the client sent (the client's pairs are only informational).
 */
export const ID: ImapCommandSpec<'ID'> = {
  name: 'ID',
  verb: 'ID',
  states: COMMAND_STATES.ID,
  capability: 'ID',
  summary: 'Exchange client and server names',
  syntax: 'ID ("name" "client" ...) | ID NIL',
  rfc: rfc(2971, '3.1'),
  handle(s) {
    const pairs = SERVER_ID.map(([k, v]) => [...istring(k, s.strings), ' ', ...istring(v, s.strings)]);
    return [untagged('ID ', ...list(pairs)), done(ok('ID completed'))];
  },
};
