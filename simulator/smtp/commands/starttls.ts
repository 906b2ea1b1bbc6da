import { isOffered } from '../capabilities.ts';
import type { SmtpCommand } from '../command.ts';
import { R220ReadyTls, R454TlsUnavailable, R501Syntax, R503BadSequence } from '../replies.ts';

/**
 * RFC 3207 §4 STARTTLS: 220, then the TLS handshake. The server turns the 220 into a `starttls`
 * output and throws away every byte that arrived after the command (§4.2, CVE-2011-0411: a
 * command pipelined in plaintext must not be run inside the TLS session).
 * @rfc 3207#4 "501 Syntax error (no parameters allowed)"
 * @rfc 3207#4.2 after the handshake "the server MUST discard any knowledge obtained from the client"
 */
export const STARTTLS: SmtpCommand = {
  verb: 'STARTTLS',
  states: ['connected', 'ready'],
  syntax: 'STARTTLS',
  rfc: 'RFC 3207 §4',
  summary: 'upgrade this connection to TLS, then send EHLO again',
  handle(s, args) {
    if (args) return s.send(R501Syntax('STARTTLS (no parameters allowed)'));
    if (s.secure) return s.send(R503BadSequence('TLS is already active'));
    if (!isOffered(s, 'STARTTLS')) return s.send(R454TlsUnavailable);
    s.send(R220ReadyTls);
    s.move('STARTTLS');
    s.requestTls();
  },
};
