import { latin1Text } from '../../wire/bytes.ts';
import type { LineBuffer } from '../../wire/line-buffer.ts';
import { isOffered } from '../capabilities.ts';
import type { SmtpCommand } from '../command.ts';
import {
  R235AuthOk,
  R334Challenge,
  R500AuthLineTooLong,
  R501AuthCancelled,
  R502NotImplemented,
  R504UnknownMechanism,
  R530StartTlsFirst,
  R535AuthFailed,
  type Reply,
} from '../replies.ts';
import { createMechanism, type SaslMechanism, type SaslStep } from '../sasl.ts';
import type { SmtpSession } from '../session.ts';
import { enter, event, protocolError, read, reply, type InputReader, type SmtpEffect } from '../effects.ts';
import { rfc } from '../../fsm.ts';

/** RFC 4954 §4: "12288 octets is considered to be a sufficient line length limit". */
export const MAX_SASL_LINE = 12288;
const AUTH_SYNTAX = 'AUTH mechanism [initial-response]';

function finish(s: SmtpSession, r: Reply): SmtpEffect[] {
  return s.state === 'auth' ? [read(null), reply(r), enter('AUTH done')] : [read(null), reply(r)];
}

/** Checks the credentials against the backend; the failure never says which part was wrong (RFC 4954 §9). */
function verify(s: SmtpSession, mechanism: SaslMechanism, step: Extract<SaslStep, { kind: 'credentials' }>): SmtpEffect[] {
  const backend = s.ctx.backend;
  const account = backend.authenticate(step.login, step.password, s.ctx.host.domains);
  const actingAs = step.authzid ? backend.resolveLogin(step.authzid, s.ctx.host.domains) : account;
  const ok = account !== null && actingAs === account;
  if (ok) s.user = account.address;
  return [event({ kind: 'auth', user: account?.address ?? step.login, ok, mechanism: mechanism.name }), ...finish(s, ok ? R235AuthOk : R535AuthFailed)];
}

function advance(s: SmtpSession, mechanism: SaslMechanism, step: SaslStep): SmtpEffect[] {
  if (step.kind === 'fail') return [event({ kind: 'auth', user: '', ok: false, mechanism: mechanism.name }), ...finish(s, step.reply)];
  if (step.kind === 'credentials') return verify(s, mechanism, step);
  const challenge = [read(new SaslReader(s, mechanism)), reply(R334Challenge(step.base64))];
  return s.state === 'auth' ? challenge : [enter('AUTH'), ...challenge];
}

/** The client's lines during the exchange (the `auth` state): base64 responses, or "*" to cancel. */
class SaslReader implements InputReader {
  /** Each response line is used as it arrives. */
  readonly held = 0;

  constructor(
    private readonly session: SmtpSession,
    private readonly mechanism: SaslMechanism,
  ) {}

  read(input: LineBuffer): readonly SmtpEffect[] | null {
    const line = input.readLine(MAX_SASL_LINE);
    if (!line) return null;
    // RFC 4954 §4: a line longer than the buffer fails the AUTH command with 500 5.5.6.
    if (line.overflow) return finish(this.session, R500AuthLineTooLong);
    const text = latin1Text(line.bytes);
    // RFC 4954 §4: "If the client wishes to cancel … a line with a single "*" … MUST reject the
    // AUTH command by sending a 501 reply."
    if (text === '*') return finish(this.session, R501AuthCancelled);
    return advance(this.session, this.mechanism, this.mechanism.next(text));
  }
}

/** Why AUTH cannot start now, or null. */
function refusal(s: SmtpSession): SmtpEffect | null {
  if (!s.helo?.esmtp) return protocolError({ kind: 'bad-sequence', why: 'send EHLO first; AUTH is an ESMTP extension' });
  // RFC 4954 §4: "After an AUTH command has been successfully completed, no more AUTH commands
  // may be issued in the same session … a server MUST reject any further AUTH commands with a 503."
  if (s.user) return protocolError({ kind: 'bad-sequence', why: 'already authenticated' });
  if (!s.authAllowed) return reply(R530StartTlsFirst);
  if (!isOffered(s, 'AUTH')) return reply(R502NotImplemented);
  return null;
}

/**
 * RFC 4954 §4 AUTH with the SASL mechanisms PLAIN (RFC 4616) and LOGIN, with or without an
 * initial response. Only over TLS unless the host allows plaintext (RFC 8314 §4).
 * @rfc 4954#4 "The AUTH command is not permitted during a mail transaction."
 */
export const AUTH: SmtpCommand = {
  verb: 'AUTH',
  order: 40,
  states: ['ready'],
  syntax: AUTH_SYNTAX,
  rfc: rfc(4954, '4'),
  summary: 'log in: AUTH PLAIN base64(\\0user\\0password), or AUTH LOGIN and answer the 334 prompts',
  handle(s, args) {
    const refused = refusal(s);
    if (refused) return [refused];
    const words = args.split(' ').filter((w) => w !== '');
    const [name, initial] = words;
    if (!name || words.length > 2) return [protocolError({ kind: 'syntax', syntax: AUTH_SYNTAX })];
    const mechanism = createMechanism(name);
    if (!mechanism) return [reply(R504UnknownMechanism)];
    return advance(s, mechanism, mechanism.start(initial ?? null));
  },
};
