/**
 * Which rule a refusal enforces: for a 503 (or 530), a -ERR or a BAD/NO, the RFC sentence behind
 * it, so the lab's state panel can say "RCPT before MAIL: RFC 5321 §3.3". The rules quote the
 * RFC texts in content/rfc; the state tables are the engines' own.
 */
import { COMMAND_STATES as IMAP_COMMAND_STATES, isImapVerb } from '../imap/registry.ts';
import { stateName, type CommandState, type ImapState } from '../imap/state.ts';
import { allowedCommands as pop3Allowed } from '../pop3/registry.ts';
import type { Pop3State } from '../pop3/state.ts';
import { lookup } from './knowledge.ts';
import { ref } from './rfc.ts';
import { smtpRuleBreak } from './rule-break-smtp.ts';
import type { Protocol, RuleBreak } from './types.ts';

/** The command verb of a client line: skips an IMAP tag, keeps `UID` as the verb for UID commands. */
export function commandVerb(protocol: Protocol, command: string): string {
  const words = command
    .trim()
    .replace(/^[CS]: /, '')
    .split(/\s+/);
  const verb = protocol === 'imap' && words.length > 1 ? words[1]! : words[0]!;
  return verb.replace(/:.*$/, '').toUpperCase();
}

/**
 * The rule a refusal enforces, or null when the reply is no refusal (or none we can name).
 * `state` is the engine's state when the command arrived; `reply` the (last) reply line.
 */
export function explainRuleBreak(protocol: Protocol, state: string, command: string, reply: string): RuleBreak | null {
  const verb = commandVerb(protocol, command);
  if (protocol === 'smtp') return smtpRuleBreak(state, verb, reply);
  if (protocol === 'pop3') return pop3RuleBreak(state as Pop3State, verb, reply);
  return imapRuleBreak(state as ImapState, verb, reply);
}

const POP3_TRANSACTION_ONLY = new Set(['STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'TOP', 'UIDL']);

function pop3RuleBreak(state: Pop3State, verb: string, reply: string): RuleBreak | null {
  if (!reply.startsWith('-ERR')) return null;
  const code = /^-ERR \[([^\]]+)\]/.exec(reply)?.[1]?.toUpperCase();
  const allowed = pop3Allowed(state);
  if (code === 'IN-USE' || code === 'LOGIN-DELAY') {
    const e = lookup('pop3', code, 'response-code')!;
    return { rule: e.meaning, rfc: e.rfc };
  }
  const known = lookup('pop3', verb, 'command');
  if (known && !allowed.includes(verb)) {
    if (POP3_TRANSACTION_ONLY.has(verb))
      return {
        rule: `${verb} needs a logged-in session (TRANSACTION state); log in first.`,
        quote: 'may only be given in the TRANSACTION state',
        rfc: ref(1939, '5'),
        allowed,
      };
    if (verb === 'STLS')
      return { rule: 'STLS only works before logging in.', quote: 'Only permitted in AUTHORIZATION state.', rfc: ref(2595, '4'), allowed };
    if (verb === 'AUTH')
      return {
        rule: 'AUTH only works before logging in, and only once.',
        quote: 'The AUTH command may only be given during the AUTHORIZATION state.',
        rfc: ref(5034, '4'),
        allowed,
      };
    if (verb === 'USER' || verb === 'PASS' || verb === 'APOP')
      return {
        rule: `${verb} is for logging in; this session is logged in already.`,
        quote: 'may only be given in the AUTHORIZATION state',
        rfc: ref(1939, '7'),
        allowed,
      };
    return {
      rule: `${verb} is not valid in the ${state} state.`,
      quote:
        'A server MUST respond to a command issued when the session is in an incorrect state by responding with a negative status indicator.',
      rfc: ref(1939, '3'),
      allowed,
    };
  }
  if (verb === 'PASS' && /USER/.test(reply))
    return {
      rule: 'PASS must come right after a successful USER.',
      quote: 'may only be given in the AUTHORIZATION state immediately after a successful USER command',
      rfc: ref(1939, '7'),
    };
  if (verb === 'STLS')
    return {
      rule: 'TLS is already active on this connection.',
      quote: 'A -ERR response MAY result if a security layer is already active.',
      rfc: ref(2595, '4'),
    };
  if (/deleted/i.test(reply))
    return {
      rule: 'A message marked with DELE cannot be used again in this session (RSET unmarks it).',
      quote: 'a message-number (required) which may NOT refer to a message marked as deleted',
      rfc: ref(1939, '5'),
    };
  if (code === 'AUTH' && /plaintext|STLS/i.test(reply))
    return {
      rule: 'Clear-text logins are refused until TLS is active: use STLS, or port 995.',
      quote: 'MUST be configurable to refuse all clear-text login commands or mechanisms',
      rfc: ref(2595, '2.3'),
    };
  if (!known)
    return {
      rule: `${verb || 'That'} is not a POP3 command this server knows.`,
      quote:
        'A server MUST respond to an unrecognized, unimplemented, or syntactically invalid command by responding with a negative status indicator.',
      rfc: ref(1939, '3'),
      allowed,
    };
  return null;
}

const IMAP_SECTION: Record<CommandState, string> = { 'not-authenticated': '6.2', authenticated: '6.3', selected: '6.4' };

function imapRuleBreak(state: ImapState, verb: string, reply: string): RuleBreak | null {
  const m = /^\S+ (BAD|NO)(?: \[([^\]\s]+)[^\]]*\])?/i.exec(reply);
  if (!m) return null;
  const [, status, code] = m;
  if (isImapVerb(verb) && !(IMAP_COMMAND_STATES[verb] as readonly ImapState[]).includes(state)) return imapWrongState(state, verb);
  if (verb === 'LOGIN' && /LOGINDISABLED|PRIVACYREQUIRED/i.test(reply)) {
    return {
      rule: 'LOGIN is disabled until TLS is active (the server advertises LOGINDISABLED): STARTTLS first, or use port 993.',
      quote: 'A client implementation MUST NOT send a LOGIN command if the LOGINDISABLED capability is advertised.',
      rfc: ref(9051, '6.2.3'),
    };
  }
  if (code) {
    const e = lookup('imap', code, 'response-code');
    if (e) return { rule: e.meaning, rfc: e.rfc };
  }
  if (status!.toUpperCase() === 'BAD') {
    if (!isImapVerb(verb))
      return {
        rule: `${verb || 'That'} is not an IMAP command this server knows.`,
        quote: "When tagged, it reports a protocol-level error in the client's command",
        rfc: ref(9051, '7.1.3'),
      };
    return {
      rule: 'The server could not accept the command as written (syntax or arguments).',
      quote: "When tagged, it reports a protocol-level error in the client's command",
      rfc: ref(9051, '7.1.3'),
    };
  }
  return null;
}

function imapWrongState(state: ImapState, verb: string): RuleBreak {
  const valid = IMAP_COMMAND_STATES[verb as keyof typeof IMAP_COMMAND_STATES];
  const allowed = (Object.keys(IMAP_COMMAND_STATES) as Array<keyof typeof IMAP_COMMAND_STATES>).filter((v) =>
    (IMAP_COMMAND_STATES[v] as readonly ImapState[]).includes(state),
  );
  if (verb === 'ENABLE' && state === 'selected') {
    return {
      rule: 'ENABLE must come before any mailbox is selected.',
      quote: 'The ENABLE command is only valid in the authenticated state, before any mailbox is selected.',
      rfc: ref(9051, '6.3.1'),
      allowed,
    };
  }
  const home: CommandState = valid.includes('not-authenticated')
    ? 'not-authenticated'
    : valid.includes('authenticated')
      ? 'authenticated'
      : 'selected';
  const why =
    home === 'not-authenticated'
      ? `${verb} is only for logging in; this session is authenticated already.`
      : home === 'authenticated'
        ? `${verb} needs a logged-in session: LOGIN or AUTHENTICATE first.`
        : `${verb} works on messages of a selected mailbox: SELECT or EXAMINE one first.`;
  return { rule: `${why} (It is not valid in the ${stateName(state)}.)`, rfc: ref(9051, IMAP_SECTION[home]), allowed };
}
