/**
 * The SMTP rules behind a 503 (RFC 5321 §3.3, §4.1.1.4, §4.1.4; RFC 3030 §2; RFC 4954 §4;
 * RFC 3207 §4.2) and a 530 (RFC 3207 §4, RFC 4954 §6), by the state the command arrived in.
 */
import { allowedCommands } from '../smtp/registry.ts';
import type { SmtpState } from '../smtp/state.ts';
import { ref } from './rfc.ts';
import type { RuleBreak } from './types.ts';

const TRANSACTION: readonly string[] = ['mail', 'rcpt', 'bdat'];
const EHLO_FIRST: RuleBreak = {
  rule: 'A mail transaction needs EHLO (or HELO) first.',
  quote: 'A session that will contain mail transactions MUST first be initialized by the use of the EHLO command.',
  rfc: ref(5321, '4.1.4'),
};

export function smtpRuleBreak(state: string, verb: string, reply: string): RuleBreak | null {
  const code = reply.replace(/^S: /, '').slice(0, 3);
  if (code === '530') return smtp530(reply);
  if (code !== '503') return null;
  const allowed = allowedCommands(state as SmtpState).map((c) => c.verb);
  const found = sequenceRule(state, verb, reply);
  return found ? { ...found, allowed } : null;
}

function smtp530(reply: string): RuleBreak {
  if (/STARTTLS/i.test(reply)) {
    return {
      rule: 'This server wants TLS before anything else: send STARTTLS, then EHLO again.',
      quote: '530 Must issue a STARTTLS command first',
      rfc: ref(3207, '4'),
    };
  }
  return {
    rule: 'This server only accepts mail from logged-in users here: AUTH first.',
    quote:
      'This response SHOULD be returned by any command other than AUTH, EHLO, HELO, NOOP, RSET, or QUIT when server policy requires authentication',
    rfc: ref(4954, '6'),
  };
}

function sequenceRule(state: string, verb: string, reply: string): RuleBreak | null {
  if (verb === 'AUTH') return authRule(state, reply);
  if (verb === 'STARTTLS') {
    if (/already/i.test(reply))
      return {
        rule: 'TLS is already running; STARTTLS is not offered again.',
        quote:
          'A server MUST NOT return the STARTTLS extension in response to an EHLO command received after a TLS handshake has completed.',
        rfc: ref(3207, '4.2'),
      };
    return {
      rule: 'STARTTLS is not accepted in the middle of a mail transaction (RSET first): TLS restarts the session.',
      quote: 'The server MUST discard any knowledge obtained from the client',
      rfc: ref(3207, '4.2'),
    };
  }
  if (state === 'connected' && ['MAIL', 'RCPT', 'DATA', 'BDAT'].includes(verb)) return EHLO_FIRST;
  switch (verb) {
    case 'MAIL':
      return {
        rule: 'A transaction is already open: finish it (DATA) or abandon it (RSET) before a new MAIL.',
        quote: 'MAIL (or SEND, SOML, or SAML) MUST NOT be sent if a mail transaction is already open',
        rfc: ref(5321, '4.1.4'),
      };
    case 'RCPT':
      if (state === 'bdat')
        return {
          rule: 'Recipients come before the message: after the first BDAT chunk no more RCPT.',
          quote: 'After all MAIL and RCPT responses are collected and processed, the message is sent using a series of BDAT commands.',
          rfc: ref(3030, '2'),
        };
      return {
        rule: 'RCPT needs a MAIL FROM first: the sender starts the transaction.',
        quote:
          'If a RCPT command appears without a previous MAIL command, the server MUST return a 503 "Bad sequence of commands" response.',
        rfc: ref(5321, '3.3'),
      };
    case 'DATA':
      if (state === 'bdat')
        return {
          rule: 'DATA and BDAT cannot be mixed in one transaction.',
          quote: 'DATA and BDAT commands cannot be used in the same transaction.',
          rfc: ref(3030, '2'),
        };
      return {
        rule: 'DATA needs a sender (MAIL) and at least one accepted recipient (RCPT) first.',
        quote:
          'If there was no MAIL, or no RCPT, command, or all such commands were rejected, the server MAY return a "command out of sequence" (503)',
        rfc: ref(5321, '3.3'),
      };
    case 'BDAT':
      if (/CHUNKING|EHLO/i.test(reply))
        return {
          rule: 'BDAT needs the CHUNKING extension, which only an EHLO reply can offer.',
          quote: 'it is important to send the BDAT only to systems that have declared their capability to accept BDAT commands',
          rfc: ref(3030, '2'),
        };
      if (/failed/i.test(reply))
        return {
          rule: 'An earlier BDAT chunk failed: the transaction must be cleared with RSET.',
          quote: 'A RSET command MUST be issued to clear the transaction before additional commands may be sent.',
          rfc: ref(3030, '2'),
        };
      return {
        rule: 'BDAT sends the message, so MAIL and at least one RCPT must come first.',
        quote: 'After all MAIL and RCPT responses are collected and processed, the message is sent using a series of BDAT commands.',
        rfc: ref(3030, '2'),
      };
    default:
      return {
        rule: `${verb || 'That command'} is out of order here.`,
        quote:
          'If the commands in a transaction are out of order to the degree that they cannot be processed by the server, a 503 failure reply MUST be returned',
        rfc: ref(5321, '4.1.4'),
      };
  }
}

function authRule(state: string, reply: string): RuleBreak {
  if (TRANSACTION.includes(state))
    return {
      rule: 'AUTH is not allowed during a mail transaction (RSET first).',
      quote: 'An AUTH command issued during a mail transaction MUST be rejected with a 503 reply.',
      rfc: ref(4954, '4'),
    };
  if (/already/i.test(reply))
    return {
      rule: 'This session is logged in already; AUTH works once per session.',
      quote: 'After a successful AUTH command completes, a server MUST reject any further AUTH commands with a 503 reply.',
      rfc: ref(4954, '4'),
    };
  return {
    rule: 'AUTH is an ESMTP extension: send EHLO first (HELO offers no extensions).',
    quote: 'A session that will contain mail transactions MUST first be initialized by the use of the EHLO command.',
    rfc: ref(5321, '4.1.4'),
  };
}
