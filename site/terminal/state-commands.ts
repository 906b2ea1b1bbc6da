/**
 * What Tab offers: the command words the engines' registries allow in the server's current state
 * (every verb of the protocol while the state is unknown), or, in a sub-state whose next line is
 * not a command, the one line the protocol lets the client send there.
 */
import type { MailProtocol } from '../../simulator/world/ports.ts';
import { allowedCommands as smtpAllowed } from '../../simulator/smtp/registry.ts';
import { SMTP_STATES, type SmtpState } from '../../simulator/smtp/state.ts';
import { allowedCommands as pop3Allowed } from '../../simulator/pop3/registry.ts';
import { POP3_STATES, type Pop3State } from '../../simulator/pop3/state.ts';
import { allowedCommands as imapAllowed } from '../../simulator/imap/registry.ts';
import { IMAP_STATES, type ImapState } from '../../simulator/imap/state.ts';
import type { CompletionSource } from './completion.ts';
import { PROTOCOL_COMMANDS } from './protocol-commands.ts';

/** Verbs whose argument starts with a keyword the learner always types next (RFC 5321 §4.1.1.2–3). */
const SMTP_WORDS: Record<string, string> = { MAIL: 'MAIL FROM:', RCPT: 'RCPT TO:' };

const isIn = <S extends string>(states: readonly S[], s: string): s is S => (states as readonly string[]).includes(s);

/** The verbs (as the registries name them) the engines allow in `state`, or null when the state is not theirs. */
export function allowedVerbs(protocol: MailProtocol, state: string): readonly string[] | null {
  switch (protocol) {
    case 'smtp':
      return isIn<SmtpState>(SMTP_STATES, state) ? smtpAllowed(state).map((c) => c.verb) : null;
    case 'pop3':
      return isIn<Pop3State>(POP3_STATES, state) ? pop3Allowed(state) : null;
    case 'imap':
      return isIn<ImapState>(IMAP_STATES, state) ? imapAllowed(state) : null;
  }
}

/** The command words Tab offers in `state`: the allowed verbs (every verb while the state is unknown). */
export function commandsFor(protocol: MailProtocol, state: string | null): readonly string[] {
  const verbs = state === null ? null : allowedVerbs(protocol, state);
  if (!verbs) return PROTOCOL_COMMANDS[protocol];
  return protocol === 'smtp' ? verbs.map((verb) => SMTP_WORDS[verb] ?? verb) : verbs;
}

/**
 * Sub-states in which the client's next line is not a command but one of these fixed lines. In a
 * SASL exchange the client's other choice is the base64 response, which only the learner can type.
 */
const LINES_IN: Record<MailProtocol, Partial<Record<string, readonly string[]>>> = {
  // RFC 4954 §4: "If the client wishes to cancel the authentication exchange, it issues a line with a single "*"."
  smtp: { auth: ['*'] } satisfies Partial<Record<SmtpState, readonly string[]>>,
  // RFC 5034 §4: the same cancel line in POP3 AUTH.
  pop3: { SASL: ['*'] } satisfies Partial<Record<Pop3State, readonly string[]>>,
  imap: {
    // RFC 9051 §6.2.2: to cancel AUTHENTICATE "it issues a line consisting of a single "*"".
    sasl: ['*'],
    // RFC 9051 §6.3.13, RFC 2177 §3: "The client MUST NOT send a command while the server is
    // waiting for the DONE" (idle = "IDLE" CRLF "DONE").
    'idle-authenticated': ['DONE'],
    'idle-selected': ['DONE'],
  } satisfies Partial<Record<ImapState, readonly string[]>>,
};

/** The only lines the client may send in `state` when it is a sub-state that takes no command (IDLE, SASL), else undefined. */
export function onlyLinesIn(protocol: MailProtocol, state: string | null): readonly string[] | undefined {
  const table = LINES_IN[protocol];
  return state !== null && Object.hasOwn(table, state) ? table[state] : undefined;
}

/** What Tab completes on a line typed to a `protocol` server in `state` (null: unknown). */
export function completionSource(protocol: MailProtocol, state: string | null): CompletionSource {
  const lines = onlyLinesIn(protocol, state);
  if (lines) return { words: lines, wholeLine: true };
  // RFC 9051 §2.2.1: an IMAP command starts with its tag; the verb is the second word.
  return { words: commandsFor(protocol, state), wordIndex: protocol === 'imap' ? 1 : 0 };
}
