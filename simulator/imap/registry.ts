/**
 * Every IMAP command this server runs, derived from the command files (commands/index.ts is
 * generated from the folder; simulator/command.ts): lookup by the parser's name, the grammar of
 * each verb, the states each is valid in, and the capabilities their specs announce (CAPABILITY
 * is derived from them). Nothing here is kept by hand: a new command file is all it takes.
 */
import { commandRegistry } from '../command.ts';
import { COMMANDS, type AnyCommand, type ImapCommand } from './commands/index.ts';
import type { ArgParser } from './parse/arg-parser.ts';
import { uidArgs } from './parse/uid.ts';
import type { CommandState, ImapState } from './state.ts';

export type { ImapCommand } from './commands/index.ts';

/** In the order each spec gives (`order`: RFC 9051 §6.1–§6.4, any state, not authenticated, authenticated, selected). */
export const IMAP_REGISTRY = commandRegistry<AnyCommand>(COMMANDS, (c) => c.order);

/** The capabilities the registered commands announce (`capability` in each spec). */
export const ANNOUNCED_CAPABILITIES: ReadonlySet<string> = new Set(IMAP_REGISTRY.all.flatMap((c) => (c.capability === undefined ? [] : [c.capability])));

/** A verb a client may send: a command's, or UID, the prefix of the message commands (RFC 9051 §6.4.9). */
export type ImapVerb = ImapCommand['name'] | 'UID';

/** The commands UID takes (those whose spec has a `parseUid`), in the registry's order, with that grammar. */
const UID_FORMS: ReadonlyArray<[AnyCommand, ArgParser<ImapCommand>]> = IMAP_REGISTRY.all.flatMap((c) => (c.parseUid ? [[c, c.parseUid] as [AnyCommand, ArgParser<ImapCommand>]] : []));

/** Each verb's grammar (RFC 9051 §9 command): the parser reads the verb, then hands the cursor over. */
export const PARSERS: Readonly<Record<string, ArgParser<ImapCommand>>> = {
  ...Object.fromEntries(IMAP_REGISTRY.all.map((c) => [c.verb, c.parse])),
  UID: uidArgs(Object.fromEntries(UID_FORMS.map(([c, parse]) => [c.verb, parse]))),
};

/**
 * Where each verb is valid (RFC 9051 §6.1–§6.4), from the specs' `states`, in the registry's
 * order. UID is valid wherever a command it takes is, and is listed after the last of them
 * (§6.4.9 follows the commands it prefixes).
 */
export const COMMAND_STATES: Readonly<Record<ImapVerb, readonly CommandState[]>> = (() => {
  const uidStates = [...new Set(UID_FORMS.flatMap(([c]) => c.states))];
  const lastUidForm = UID_FORMS.at(-1)?.[0];
  const entries: Array<[ImapVerb, readonly CommandState[]]> = [];
  for (const c of IMAP_REGISTRY.all) {
    entries.push([c.name, c.states]);
    if (c === lastUidForm) entries.push(['UID', uidStates]);
  }
  return Object.fromEntries(entries) as Record<ImapVerb, readonly CommandState[]>;
})();

export function isImapVerb(word: string): word is ImapVerb {
  return Object.hasOwn(COMMAND_STATES, word);
}

/** The commands a client may send in `state` (Tab completion and the BAD reason use this); none in a sub-state. */
export function allowedCommands(state: ImapState): ImapVerb[] {
  return (Object.keys(COMMAND_STATES) as ImapVerb[]).filter((verb) => (COMMAND_STATES[verb] as readonly ImapState[]).includes(state));
}
