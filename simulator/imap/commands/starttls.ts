import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { Cmd } from '../parse/ast.ts';
import { noArgs } from '../parse/no-args.ts';
import { done, enter, protocolError, starttls } from '../effects.ts';
import { ok } from '../responses.ts';

export type StarttlsCommand = Cmd<'STARTTLS'>;

/**
 * @rfc 9051#6.2.1 STARTTLS: after the tagged OK the client starts the TLS negotiation; the
 * server discards whatever it had buffered (RFC 2595 §3.1, CVE-2011-0411) and the client must
 * discard cached capabilities.
 */
export const STARTTLS: ImapCommandSpec<StarttlsCommand> = {
  name: 'STARTTLS',
  verb: 'STARTTLS',
  order: 50,
  states: ['not-authenticated'], // RFC 9051 §6.2
  capability: 'STARTTLS',
  summary: 'Start TLS on this connection',
  syntax: 'STARTTLS',
  rfc: rfc(9051, '6.2.1'),
  parse: noArgs('STARTTLS'),
  handle(s) {
    if (s.tls) return [protocolError({ kind: 'tls-active' })];
    return [done(ok('Begin TLS negotiation now')), enter('STARTTLS'), starttls()];
  },
};
