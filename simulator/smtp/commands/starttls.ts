import { isOffered } from '../capabilities.ts';
import { rfc } from '../../fsm.ts';
import { reply, enter, protocolError } from '../effects.ts';
import type { SmtpCommand } from '../command.ts';
import { R220ReadyTls, R454TlsUnavailable } from '../replies.ts';

/**
 * RFC 3207 §4 STARTTLS: 220, then the TLS handshake. The server turns the 220 into a `starttls`
 * output and throws away every byte that arrived after the command (§4.2, CVE-2011-0411: a
 * command pipelined in plaintext must not be run inside the TLS session).
 * @rfc 3207#4 "501 Syntax error (no parameters allowed)"
 * @rfc 3207#4.2 after the handshake "the server MUST discard any knowledge obtained from the client"
 */
export const STARTTLS: SmtpCommand = {
  verb: 'STARTTLS',
  order: 30,
  states: ['connected', 'ready'],
  syntax: 'STARTTLS',
  rfc: rfc(3207, '4'),
  summary: 'upgrade this connection to TLS, then send EHLO again',
  handle(s, args) {
    if (args) return [protocolError({ kind: 'syntax', syntax: 'STARTTLS (no parameters allowed)' })];
    if (s.secure) return [protocolError({ kind: 'bad-sequence', why: 'TLS is already active' })];
    if (!isOffered(s, 'STARTTLS')) return [reply(R454TlsUnavailable)];
    return [reply(R220ReadyTls), enter('STARTTLS'), { type: 'starttls' }];
  },
};
