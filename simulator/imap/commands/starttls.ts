import type { CommandSpec } from './command.ts';
import { bad, ok } from '../responses.ts';

/**
 * @rfc 9051#6.2.1 STARTTLS: after the tagged OK the client starts the TLS negotiation; the
 * server discards whatever it had buffered (RFC 2595 §3.1, CVE-2011-0411) and the client must
 * discard cached capabilities.
 */
export const STARTTLS: CommandSpec<'STARTTLS'> = {
  name: 'STARTTLS',
  verb: 'STARTTLS',
  syntax: 'STARTTLS',
  rfc: '9051#6.2.1',
  handle(_cmd, s) {
    if (s.tls) return bad('TLS is already active on this connection');
    return { ...ok('Begin TLS negotiation now'), then: 'starttls' };
  },
};
