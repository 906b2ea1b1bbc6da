import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd } from '../parse/ast.ts';
import { continueWith, done, event, protocolError, type ImapEffect } from '../effects.ts';
import { logIn, privacyRefusal } from '../auth.ts';
import { decodeSaslPlain } from '../../wire/sasl-plain.ts';
import { Code, no } from '../responses.ts';
import type { Session } from '../session.ts';

/** initialResponse is the base64 text as sent ("=" for an empty response), RFC 4959 SASL-IR. */
export type AuthenticateCommand = Cmd<'AUTHENTICATE', { mechanism: string; initialResponse: string | null }>;

const isBase64 = (b: number): boolean =>
  (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x2f || b === 0x3d;

/** RFC 9051 §6.2.2 AUTHENTICATE auth-type [SP initial-resp]; initial-resp = base64 / "=". */
const parse: ArgParser<AuthenticateCommand> = (c, tag) => {
  c.sp('AUTHENTICATE');
  const mechanism = c.keyword('a SASL mechanism name such as PLAIN');
  let initialResponse: string | null = null;
  if (c.accept(0x20)) initialResponse = c.token(isBase64, 'a base64 initial response or "="');
  c.end();
  return { tag, name: 'AUTHENTICATE', mechanism, initialResponse };
};

/**
 * @rfc 9051#6.2.2 AUTHENTICATE with SASL PLAIN (RFC 4616), the initial response of RFC 4959
 * (SASL-IR; "=" is an empty one) or the `+ ` continuation. "If the client wishes to cancel an
 * authentication exchange, it issues a line consisting of a single "*". If the server receives
 * such a response, or if it receives an invalid BASE64 string, it MUST reject the AUTHENTICATE
 * command by sending a tagged BAD response."
 */
export const AUTHENTICATE: ImapCommandSpec<AuthenticateCommand> = {
  name: 'AUTHENTICATE',
  verb: 'AUTHENTICATE',
  order: 60,
  states: ['not-authenticated'], // RFC 9051 §6.2
  summary: 'Log in with SASL PLAIN (base64 of NUL user NUL password)',
  syntax: 'AUTHENTICATE PLAIN [base64]',
  rfc: rfc(9051, '6.2.2'),
  parse,
  handle(s, cmd) {
    if (cmd.mechanism.toUpperCase() !== 'PLAIN') {
      return [done(no(`The SASL mechanism ${cmd.mechanism} is not supported; use PLAIN`, Code.CANNOT))];
    }
    const refusal = privacyRefusal(s);
    if (refusal) return [protocolError(refusal)];
    if (cmd.initialResponse !== null) return plain(cmd.initialResponse, s);
    // RFC 4616 §2: PLAIN has no server challenge, so the continuation is empty.
    return [continueWith('', (line, session) => (line === '*' ? [protocolError({ kind: 'sasl-cancelled' })] : continued(line, session)))];
  },
};

/** RFC 4959 §3: "=" stands for an empty initial response only; as a continuation line it is not base64. */
function continued(line: string, s: Session): readonly ImapEffect[] {
  return line.trim() === '=' ? notBase64() : plain(line, s);
}

function notBase64(): readonly ImapEffect[] {
  return [protocolError({ kind: 'sasl-not-base64' })];
}

function plain(base64: string, s: Session): readonly ImapEffect[] {
  const creds = decodeSaslPlain(base64.trim());
  if (!creds.ok) return creds.reason === 'base64' ? notBase64() : [done(no('PLAIN needs authzid NUL user NUL password', Code.AUTHENTICATIONFAILED))];
  const account = s.ctx.backend.resolveLogin(creds.authcid, s.ctx.host.domains);
  // RFC 4616 §2: an authorization identity other than the user's own is not allowed here.
  if (creds.authzid && (!account || s.ctx.backend.resolveLogin(creds.authzid, s.ctx.host.domains) !== account)) {
    return [event({ kind: 'auth', user: creds.authcid, ok: false, mechanism: 'PLAIN' }), done(no(`Not allowed to act as ${creds.authzid}`, 'AUTHORIZATIONFAILED'))];
  }
  return logIn(s, creds.authcid, creds.password, 'AUTHENTICATE');
}
