/**
 * The knowledge base as one list per protocol, and `lookup`: the explanation for a token as it
 * appears on the wire (case-insensitive, as the protocols' keywords are).
 */
import { IMAP_CAPABILITIES } from './imap-capabilities.ts';
import { IMAP_RESPONSE_CODES } from './imap-codes.ts';
import { IMAP_COMMAND_ENTRIES } from './imap-commands.ts';
import {
  IMAP_FETCH_ITEMS,
  IMAP_FLAGS,
  IMAP_MAILBOX_ATTRIBUTES,
  IMAP_STATES_EXPLAINED,
  IMAP_STATUS_ITEMS,
  IMAP_STATUSES,
  IMAP_UNTAGGED,
  IMAP_WIRE,
} from './imap-tokens.ts';
import { POP3_CAPA_TAGS, POP3_COMMAND_ENTRIES, POP3_RESPONSE_CODES, POP3_STATES_EXPLAINED, POP3_STATUSES, POP3_WIRE } from './pop3-data.ts';
import { SMTP_COMMAND_ENTRIES } from './smtp-commands.ts';
import { SMTP_STATES_EXPLAINED } from './smtp-states.ts';
import { ENHANCED_CLASSES, ENHANCED_DETAILS, ENHANCED_SUBJECTS, explainEnhanced } from './smtp-enhanced.ts';
import { EHLO_KEYWORDS, MAIL_PARAMETERS, SMTP_SASL_MECHANISMS } from './smtp-keywords.ts';
import { SMTP_REPLY_CATEGORIES, SMTP_REPLY_CLASSES, SMTP_REPLY_CODES } from './smtp-replies.ts';
import { IMAP_LINE_WIRE, POP3_LINE_WIRE, SMTP_WIRE } from './wire-tokens.ts';
import type { EntryKind, Explanation, Protocol } from './types.ts';

export const KNOWLEDGE: Readonly<Record<Protocol, readonly Explanation[]>> = {
  smtp: [
    ...SMTP_REPLY_CLASSES,
    ...SMTP_REPLY_CATEGORIES,
    ...SMTP_REPLY_CODES,
    ...ENHANCED_CLASSES,
    ...ENHANCED_SUBJECTS,
    ...ENHANCED_DETAILS,
    ...EHLO_KEYWORDS,
    ...MAIL_PARAMETERS,
    ...SMTP_SASL_MECHANISMS,
    ...SMTP_COMMAND_ENTRIES,
    ...SMTP_STATES_EXPLAINED,
    ...SMTP_WIRE,
  ],
  pop3: [
    ...POP3_STATUSES,
    ...POP3_STATES_EXPLAINED,
    ...POP3_COMMAND_ENTRIES,
    ...POP3_CAPA_TAGS,
    ...POP3_RESPONSE_CODES,
    ...SMTP_SASL_MECHANISMS.map((e) => ({ ...e, protocol: 'pop3' as const })),
    ...POP3_WIRE,
    ...POP3_LINE_WIRE,
  ],
  imap: [
    ...IMAP_STATUSES,
    ...IMAP_STATES_EXPLAINED,
    ...IMAP_COMMAND_ENTRIES,
    ...IMAP_CAPABILITIES,
    ...IMAP_RESPONSE_CODES,
    ...IMAP_UNTAGGED,
    ...IMAP_FLAGS,
    ...IMAP_MAILBOX_ATTRIBUTES,
    ...IMAP_FETCH_ITEMS,
    ...IMAP_STATUS_ITEMS,
    ...IMAP_WIRE,
    ...IMAP_LINE_WIRE,
    ...SMTP_SASL_MECHANISMS.map((e) => ({ ...e, protocol: 'imap' as const })),
  ],
};

const INDEX = new Map<string, Explanation[]>();
for (const [protocol, list] of Object.entries(KNOWLEDGE)) {
  for (const e of list) {
    const key = `${protocol} ${e.token.toUpperCase()}`;
    INDEX.set(key, [...(INDEX.get(key) ?? []), e]);
  }
}

/** Every entry for the token, in knowledge-base order (IMAP `CAPABILITY` is a command, a code and a response). */
export function lookupAll(protocol: Protocol, token: string): Explanation[] {
  const found = INDEX.get(`${protocol} ${token.toUpperCase()}`);
  return found?.length ? found : derived(protocol, token);
}

/**
 * The explanation of `token` (of `kind`, when the token has several meanings). SMTP codes like
 * 5.7.1 are composed from RFC 3463's parts; IMAP `AUTH=XYZ` falls back to the generic AUTH= entry.
 */
export function lookup(protocol: Protocol, token: string, kind?: EntryKind): Explanation | undefined {
  const all = lookupAll(protocol, token);
  return kind ? all.find((e) => e.kind === kind) : all[0];
}

function derived(protocol: Protocol, token: string): Explanation[] {
  if (protocol === 'smtp') {
    const enhanced = explainEnhanced(token);
    if (enhanced) return [enhanced];
    const code = /^([2-5])(\d)\d$/.exec(token);
    if (code) return [smtpUnknownCode(token, code[1]!, code[2]!)];
  }
  if (protocol === 'imap' && /^AUTH=/i.test(token)) {
    const generic = INDEX.get('imap AUTH=')?.[0];
    if (generic) return [{ ...generic, token: token.toUpperCase(), title: `SASL ${token.slice(5).toUpperCase()}` }];
  }
  return [];
}

/** RFC 5321 §4.2: a client "MUST be prepared to handle codes not specified" by their first digit. */
function smtpUnknownCode(token: string, first: string, second: string): Explanation {
  const cls = SMTP_REPLY_CLASSES.find((e) => e.token === `${first}yz`)!;
  const cat = SMTP_REPLY_CATEGORIES.find((e) => e.token === `x${second}z`);
  return {
    ...cls,
    kind: 'reply-code',
    token,
    title: `${cls.title}${cat ? ` (${cat.title})` : ''}`,
    meaning: `${token} is not one of the RFC 5321 codes; a client goes by its first digit. ${cls.meaning}`,
  };
}
