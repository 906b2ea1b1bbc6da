/**
 * The tutorials' reference pages (issue 9, item 12), from the same entries the lab shows:
 * a searchable table of every token and a card per command, with the states our engines
 * allow it in.
 */
import { SMTP_COMMANDS } from '../smtp/registry.ts';
import { POP3_COMMANDS } from '../pop3/registry.ts';
import { COMMAND_STATES, isImapVerb } from '../imap/registry.ts';
import { KNOWLEDGE } from './knowledge.ts';
import { citation, rfcHref } from './rfc.ts';
import type { EntryKind, Explanation, Protocol } from './types.ts';

export interface ReferenceRow {
  protocol: Protocol;
  kind: EntryKind;
  token: string;
  title: string;
  meaning: string;
  /** "RFC 5321 §4.2.2" */
  citation: string;
  /** The site's RFC reader (`/rfc/5321/#section-4.2.2`), or the RFC Editor for an RFC not kept locally. */
  url: string;
  /** The RFC text is not in the local set; the link still works on the web. */
  external: boolean;
}

function row(e: Explanation): ReferenceRow {
  return {
    protocol: e.protocol,
    kind: e.kind,
    token: e.token,
    title: e.title,
    meaning: e.meaning,
    citation: citation(e.rfc),
    url: rfcHref(e.rfc),
    external: e.rfc.external,
  };
}

/** Every explained token of the protocol except the commands (those get cards), in table order. */
export function referenceTable(protocol: Protocol): ReferenceRow[] {
  return KNOWLEDGE[protocol].filter((e) => e.kind !== 'command').map(row);
}

/** Rows whose token, title or meaning contain every word of the query (case-insensitive). */
export function searchReference(protocol: Protocol, query: string): ReferenceRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return referenceTable(protocol).filter((r) => {
    const haystack = `${r.token} ${r.title} ${r.meaning} ${r.citation}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

export interface CommandCard {
  verb: string;
  title: string;
  meaning: string;
  syntax: string;
  example: string;
  citation: string;
  url: string;
  /** Where the RFC allows it (for IMAP) or where our engine accepts it. */
  states: readonly string[];
  /** Whether Mailwire's server implements it. */
  implemented: boolean;
}

export function commandCards(protocol: Protocol): CommandCard[] {
  return KNOWLEDGE[protocol]
    .filter((e) => e.kind === 'command')
    .map((e) => {
      const engine = engineStates(protocol, e.token);
      return {
        verb: e.token,
        title: e.title,
        meaning: e.meaning,
        syntax: e.syntax ?? e.token,
        example: e.example ?? '',
        citation: citation(e.rfc),
        url: rfcHref(e.rfc),
        states: engine ?? e.states ?? [],
        implemented: engine !== null,
      };
    });
}

/** The states the engine's own registry accepts the verb in, or null if it lacks the verb. */
function engineStates(protocol: Protocol, verb: string): readonly string[] | null {
  if (protocol === 'smtp') return SMTP_COMMANDS.find((c) => c.verb === verb)?.states ?? null;
  if (protocol === 'pop3') return POP3_COMMANDS.find((c) => c.verb === verb)?.states ?? null;
  const key = verb === 'DONE' ? 'IDLE' : verb;
  return isImapVerb(key) ? COMMAND_STATES[key] : null;
}
