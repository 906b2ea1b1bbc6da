import { isNegotiated } from '../capabilities.ts';
import { rfc } from '../../fsm.ts';
import { reply, enter } from '../effects.ts';
import type { SmtpCommand } from '../command.ts';
import { parseMailFrom, type EsmtpParam } from '../parse.ts';
import { senderCheck, submissionGate } from '../policy.ts';
import {
  R250SenderOk,
  R501BadParameter,
  R550NonAsciiSender,
  R552MessageTooBig,
  R555UnsupportedParameter,
  type Reply,
} from '../replies.ts';
import type { SmtpSession } from '../session.ts';

interface MailOptions {
  declaredSize: number | null;
  smtputf8: boolean;
}

/** One MAIL parameter, checked against what EHLO offered. */
function applyParam(s: SmtpSession, p: EsmtpParam, options: MailOptions): Reply | null {
  switch (p.keyword) {
    // RFC 1870 §6: "SIZE=" 1*20DIGIT; over the fixed maximum is 552 (§6.1).
    case 'SIZE': {
      if (!isNegotiated(s, 'SIZE')) break;
      if (p.value === null || !/^\d{1,20}$/.test(p.value)) return R501BadParameter('SIZE needs a number of octets, e.g. SIZE=2048');
      const size = Number(p.value);
      if (size > s.settings.maxMessageSize) return R552MessageTooBig(s.settings.maxMessageSize);
      options.declaredSize = size;
      return null;
    }
    // RFC 6152 §2: BODY=7BIT or BODY=8BITMIME (BINARYMIME, RFC 3030 §3, is not offered).
    case 'BODY': {
      const value = p.value?.toUpperCase();
      if (value === '7BIT' || (value === '8BITMIME' && isNegotiated(s, '8BITMIME'))) return null;
      return R555UnsupportedParameter(`BODY=${p.value ?? ''}`);
    }
    // RFC 6531 §3.4: SMTPUTF8 takes no value.
    case 'SMTPUTF8': {
      if (!isNegotiated(s, 'SMTPUTF8')) break;
      if (p.value !== null) return R501BadParameter('SMTPUTF8 takes no value');
      options.smtputf8 = true;
      return null;
    }
    // RFC 4954 §5: the AUTH= parameter must be accepted where AUTH is supported; we trust no one's
    // word for it and ignore the value.
    case 'AUTH':
      if (s.helo?.esmtp && p.value !== null) return null;
      break;
  }
  return R555UnsupportedParameter(p.keyword);
}

/**
 * RFC 5321 §4.1.1.2 MAIL: starts a transaction and sets the reverse-path.
 * @rfc 5321#4.1.1.2 "This command clears the reverse-path buffer, the forward-path buffer, and the
 * mail data buffer."
 * @rfc 6409#4.3 submission requires authentication first.
 */
export const MAIL: SmtpCommand = {
  verb: 'MAIL',
  order: 50,
  states: ['ready'],
  syntax: 'MAIL FROM:<address> [SIZE=n] [BODY=8BITMIME] [SMTPUTF8]',
  rfc: rfc(5321, '4.1.1.2'),
  summary: 'start a mail transaction with the sender (reverse-path); <> for bounces',
  handle(s, args) {
    const gate = submissionGate(s);
    if (gate) return [reply(gate)];
    const parsed = parseMailFrom(args);
    if (!parsed.ok) return [reply(parsed.reply)];
    const options: MailOptions = { declaredSize: null, smtputf8: false };
    for (const p of parsed.params) {
      const refused = applyParam(s, p, options);
      if (refused) return [reply(refused)];
    }
    if (parsed.mailbox?.nonAscii && !options.smtputf8) return [reply(R550NonAsciiSender)];
    const notOwned = senderCheck(s, parsed.mailbox);
    if (notOwned) return [reply(notOwned)];
    s.tx = { from: parsed.mailbox, declaredSize: options.declaredSize, smtputf8: options.smtputf8, recipients: [] };
    return [reply(R250SenderOk), enter('MAIL')];
  },
};
