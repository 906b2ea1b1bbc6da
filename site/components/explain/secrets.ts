/**
 * Where a client line carries a credential, so the page can mask it: IMAP LOGIN's password,
 * POP3 PASS, and SASL responses (AUTH PLAIN's blob, AUTH LOGIN's password, anything answered to a
 * challenge). Nothing is sent anywhere; masking only keeps passwords off a screen being shared.
 */
import type { Protocol } from '../../../simulator/explain/types.ts';
import { decodeSaslPlain } from '../../../simulator/wire/sasl-plain.ts';

export interface Secret {
  start: number;
  end: number;
  /** A SASL response is base64 (RFC 4954 §4); LOGIN's and PASS's password is the text itself. */
  encoding: 'base64' | 'text';
  /** For SASL PLAIN: the user it names (RFC 4616 §2), shown while the password stays masked. */
  user?: string;
}

/** The password in `tag LOGIN user pass` (RFC 9051 §6.2.3): an atom or a quoted string. */
function imapLoginPassword(line: string): Secret | null {
  const m = /^(\S+ LOGIN (?:"(?:[^"\\]|\\.)*"|\S+) )("(?:[^"\\]|\\.)*"|\S+)\s*$/i.exec(line);
  return m ? { start: m[1]!.length, end: m[1]!.length + m[2]!.length, encoding: 'text' } : null;
}

/** The user a PLAIN response names (RFC 4616 §2), when it is a well-formed one. */
function plainUser(base64: string): string | undefined {
  const plain = decodeSaslPlain(base64);
  return plain.ok ? plain.authcid : undefined;
}

/** The initial response of an AUTH/AUTHENTICATE line (RFC 4954 §4, RFC 5034 §4, RFC 4959). */
function initialResponse(line: string, verbAt: RegExp): Secret | null {
  const m = verbAt.exec(line);
  if (!m) return null;
  const mechanism = m[2]!.toUpperCase();
  const blob = m[3]!;
  // AUTH LOGIN's initial response is the user name, not a secret; "=" is an empty response.
  if (mechanism === 'LOGIN' || blob === '=') return null;
  const start = m[1]!.length;
  const secret: Secret = { start, end: start + blob.length, encoding: 'base64' };
  if (mechanism === 'PLAIN') {
    const user = plainUser(blob);
    if (user !== undefined) secret.user = user;
  }
  return secret;
}

export interface SecretContext {
  /** The server has asked for a SASL response (334, "+ "): the whole line answers it. */
  saslTurn: boolean;
  /** The mechanism of the exchange in progress. */
  mechanism?: string;
  /** The challenge asked for the password (AUTH LOGIN's "UGFzc3dvcmQ6" is "Password:"). */
  askedPassword?: boolean;
}

export function findSecret(protocol: Protocol, line: string, ctx: SecretContext): Secret | null {
  if (ctx.saslTurn) {
    if (ctx.mechanism === 'LOGIN' && !ctx.askedPassword) return null;
    const secret: Secret = { start: 0, end: line.length, encoding: 'base64' };
    if (ctx.mechanism === 'PLAIN') {
      const user = plainUser(line.trim());
      if (user !== undefined) secret.user = user;
    }
    return line.trim() === '*' ? null : secret;
  }
  if (protocol === 'imap') return imapLoginPassword(line) ?? initialResponse(line, /^(\S+ AUTHENTICATE (\S+) )(\S+)\s*$/i);
  if (protocol === 'pop3') {
    const pass = /^(PASS )(.+)$/i.exec(line);
    if (pass) return { start: 5, end: line.length, encoding: 'text' };
    return initialResponse(line, /^(AUTH (\S+) )(\S+)\s*$/i);
  }
  return initialResponse(line, /^(AUTH (\S+) )(\S+)\s*$/i);
}

/** The line with the secret's characters hidden. */
export function masked(line: string, secret: Secret | null): string {
  if (!secret) return line;
  return `${line.slice(0, secret.start)}${'•'.repeat(8)}${line.slice(secret.end)}`;
}
