import { R } from '../replies.ts';
import { enter, reply } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 2595#4 STLS: "Only permitted in AUTHORIZATION state." "A TLS negotiation begins
 * immediately after the CRLF at the end of the +OK response". Anything the client pipelined
 * after STLS is thrown away, never read as if it came over TLS (the server loop clears its
 * buffer: the STARTTLS command injection of CVE-2011-0411).
 */
export const STLS: Pop3Command = {
  verb: 'STLS',
  order: 20,
  states: ['AUTHORIZATION'],
  syntax: 'STLS',
  rfc: rfc(2595, '4'),
  args: { min: 0, max: 0 },
  summary: 'Switch this connection to TLS',
  capability: 'STLS',
  handle(s) {
    if (s.secure) return [reply(R.stlsActive)];
    return [reply(R.stlsReady), enter('STLS'), { type: 'starttls' }];
  },
};
