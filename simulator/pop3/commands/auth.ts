import { loginFailed, loginSucceeded } from '../login.ts';
import { linesBody } from '../multiline.ts';
import { R } from '../replies.ts';
import type { Pop3Session } from '../session.ts';
import type { Pop3Command } from '../types.ts';
import { decodeSaslPlain } from '../../wire/sasl-plain.ts';

/** The SASL mechanisms this session may use now (none before TLS unless plaintext is allowed). */
export function saslMechanisms(s: Pop3Session): string[] {
  return s.plaintextAllowed ? ['PLAIN'] : [];
}

/**
 * @rfc 5034#4 AUTH mechanism [initial-response]. Without the initial response the server sends
 * an empty challenge "+ " and reads the response on the next line; "*" cancels.
 * A bare AUTH lists the mechanisms, as RFC 1734 servers did and some clients still ask.
 */
export const AUTH: Pop3Command = {
  verb: 'AUTH',
  states: ['AUTHORIZATION'],
  syntax: 'AUTH [mechanism [initial-response]]',
  rfc: '5034#4',
  args: { min: 0, max: 2, long: true },
  summary: 'Log in with SASL PLAIN (base64 of NUL user NUL password)',
  capability: 'SASL',
  handle(s, [mechanism, initial]) {
    if (mechanism === undefined) return s.multi(R.mechanismList, linesBody(saslMechanisms(s)));
    if (mechanism.toUpperCase() !== 'PLAIN') return s.reply(R.mechanismUnsupported(mechanism));
    if (!s.plaintextAllowed) return s.reply(R.plaintextRefused);
    s.pendingUser = null;
    if (initial !== undefined) return finishPlain(s, initial);
    // RFC 5034 §4: "an empty server challenge is defined as a line with only a "+", followed by a single space".
    s.sasl = { mechanism: 'PLAIN' };
    s.write('+ \r\n');
  },
};

/** The client's line during an AUTH exchange. */
export function saslResponse(s: Pop3Session, line: string): void {
  s.sasl = null;
  // RFC 5034 §4: "If the server receives such a response, it MUST reject the AUTH command".
  if (line === '*') return s.reply(R.authCancelled);
  finishPlain(s, line);
}

function finishPlain(s: Pop3Session, response: string): void {
  const creds = decodeSaslPlain(response);
  if (!creds.ok) {
    s.event({ kind: 'auth', user: '', ok: false, mechanism: 'PLAIN' });
    return s.reply(creds.reason === 'base64' ? R.authBadBase64 : R.authMalformed);
  }
  const store = s.ctx.world.store;
  const account = store.authenticate(creds.authcid, creds.password, s.ctx.host.domains);
  // RFC 4616 §2: acting as another user (authzid) is not something this server permits.
  const proxy = creds.authzid !== '' && store.resolveLogin(creds.authzid, s.ctx.host.domains) !== account;
  if (!account || proxy) return loginFailed(s, creds.authcid, 'PLAIN');
  loginSucceeded(s, account, 'AUTH', 'PLAIN');
}
