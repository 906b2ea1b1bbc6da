/**
 * The login a session made, decoded from whichever command carried it (SMTP/POP3 AUTH PLAIN or
 * LOGIN in base64, POP3 USER/PASS, IMAP LOGIN or AUTHENTICATE PLAIN), and the same lines retyped
 * with the password replaced when the learner keeps it out of the export.
 */
import { decodeBase64, encodeBase64 } from '../../wire/base64.ts';
import { strictUtf8Text, utf8Bytes } from '../../wire/bytes.ts';
import { decodeSaslPlain } from '../../wire/sasl-plain.ts';
import { imapAstrings, imapQuote } from './imap-args.ts';
import type { Step } from './steps.ts';
import type { Credentials } from './types.ts';

function base64Text(text: string): string | null {
  const bytes = decodeBase64(text.trim());
  return bytes ? strictUtf8Text(bytes) : null;
}

/** The SASL responses of an AUTH/AUTHENTICATE step: the initial response, then each continuation. */
function saslResponses(step: Step): { mechanism: string; responses: string[] } {
  const [mechanism = '', initial] = step.args.trim().split(/\s+/);
  return { mechanism: mechanism.toUpperCase(), responses: [...(initial !== undefined ? [initial] : []), ...step.continuation] };
}

/** RFC 4616 PLAIN and the LOGIN mechanism (draft-murchison-sasl-login): user, then password. */
export function saslCredentials(step: Step): Credentials {
  const { mechanism, responses } = saslResponses(step);
  if (mechanism === 'PLAIN' && responses[0] !== undefined) {
    const plain = decodeSaslPlain(responses[0]);
    if (plain.ok) return { mechanism: 'PLAIN', name: mechanism, user: plain.authcid, password: plain.password };
  }
  if (mechanism === 'LOGIN' && responses.length >= 2) {
    const user = base64Text(responses[0]!);
    const password = base64Text(responses[1]!);
    if (user !== null && password !== null) return { mechanism: 'LOGIN', name: mechanism, user, password };
  }
  return { mechanism: 'OTHER', name: mechanism, user: '', password: null };
}

/** POP3 USER then PASS (RFC 1939 §7). */
export function pop3UserPass(user: Step, pass: Step): Credentials {
  return { mechanism: 'USER', name: 'USER/PASS', user: user.args.trim(), password: pass.args };
}

/** IMAP LOGIN userid password (RFC 9051 §6.2.3), each an astring. */
export function imapLoginCredentials(step: Step): Credentials {
  const [user = '', password = null] = imapAstrings(step.args);
  return { mechanism: 'IMAP-LOGIN', name: 'LOGIN', user, password };
}

/**
 * The lines the client typed for a step, with the password replaced by `shown` (the real one or
 * the placeholder): base64 re-encoded for SASL, the argument rewritten for PASS and LOGIN.
 */
export function retypeWithPassword(step: Step, typed: readonly string[], credentials: Credentials, shown: string): string[] {
  if (credentials.password === null || shown === credentials.password) return [...typed];
  if (step.verb === 'PASS') return [`PASS ${shown}`];
  if (step.verb === 'LOGIN') return [`${step.tag} LOGIN ${imapQuote(credentials.user)} ${imapQuote(shown)}`];
  const { mechanism, responses } = saslResponses(step);
  const inline = step.args.trim().split(/\s+/).length > 1;
  let replaced: string[];
  if (mechanism === 'PLAIN') {
    replaced = [encodeBase64(utf8Bytes(`\u0000${credentials.user}\u0000${shown}`))];
  } else {
    replaced = [responses[0]!, encodeBase64(utf8Bytes(shown))];
  }
  const verbLine = step.tag ? `${step.tag} ${step.verb} ${mechanism}` : `${step.verb} ${mechanism}`;
  return inline ? [`${verbLine} ${replaced[0]}`, ...replaced.slice(1)] : [verbLine, ...replaced];
}
