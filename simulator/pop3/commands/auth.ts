import { saslMechanisms } from '../capabilities.ts';
import { loginFailed, loginSucceeded } from '../login.ts';
import { linesBody } from '../multiline.ts';
import { R } from '../replies.ts';
import type { Pop3Session } from '../session.ts';
import { enter, event, multi, reply, type Pop3Effect } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';
import { decodeSaslPlain } from '../../wire/sasl-plain.ts';

/**
 * @rfc 5034#4 AUTH mechanism [initial-response]. Without the initial response the server sends
 * an empty challenge "+ " and reads the response on the next line; "*" cancels.
 * A bare AUTH lists the mechanisms, as RFC 1734 servers did and some clients still ask.
 */
export const AUTH: Pop3Command = {
  verb: 'AUTH',
  order: 60,
  states: ['AUTHORIZATION'],
  syntax: 'AUTH [mechanism [initial-response]]',
  rfc: rfc(5034, '4'),
  args: { min: 0, max: 2, long: true },
  summary: 'Log in with SASL PLAIN (base64 of NUL user NUL password)',
  capability: 'SASL',
  handle(s, [mechanism, initial]) {
    if (mechanism === undefined) return [multi(R.mechanismList, linesBody(saslMechanisms(s)))];
    if (mechanism.toUpperCase() !== 'PLAIN') return [reply(R.mechanismUnsupported(mechanism))];
    if (!s.plaintextAllowed) return [reply(R.plaintextRefused)];
    s.pendingUser = null;
    if (initial !== undefined) return finishPlain(s, initial);
    // RFC 5034 §4: "an empty server challenge is defined as a line with only a "+", followed by a single space".
    return [{ type: 'challenge' }, enter('AUTH-challenge')];
  },
};

/**
 * The client's line in the SASL state. Success moves to TRANSACTION; anything else ends the
 * exchange back in AUTHORIZATION (or closes after too many failures).
 */
export function saslResponse(s: Pop3Session, line: string): Pop3Effect[] {
  // RFC 5034 §4: "If the server receives such a response, it MUST reject the AUTH command".
  const effects = line === '*' ? [reply(R.authCancelled)] : finishPlain(s, line);
  return effects.some((e) => e.type === 'enter') ? effects : [...effects, enter('AUTH-failed')];
}

function finishPlain(s: Pop3Session, response: string): Pop3Effect[] {
  const creds = decodeSaslPlain(response);
  if (!creds.ok) {
    return [event({ kind: 'auth', user: '', ok: false, mechanism: 'PLAIN' }), reply(creds.reason === 'base64' ? R.authBadBase64 : R.authMalformed)];
  }
  const backend = s.ctx.backend;
  const account = backend.authenticate(creds.authcid, creds.password, s.ctx.host.domains);
  // RFC 4616 §2: acting as another user (authzid) is not something this server permits.
  const proxy = creds.authzid !== '' && backend.resolveLogin(creds.authzid, s.ctx.host.domains) !== account;
  if (!account || proxy) return loginFailed(s, creds.authcid, 'PLAIN');
  return loginSucceeded(s, account, 'AUTH', 'PLAIN');
}
