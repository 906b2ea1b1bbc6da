/**
 * Every IMAP command this server runs, derived from the one list in commands/index.ts
 * (simulator/command.ts): lookup by the parser's name, the commands a state allows, and the verbs
 * CAPABILITY may announce.
 */
import { commandRegistry } from '../command.ts';
import type { AnyCommand } from './commands/command.ts';
import { COMMANDS } from './commands/index.ts';
import type { ImapVerb } from './state.ts';

export const IMAP_REGISTRY = commandRegistry<AnyCommand>(COMMANDS);

/** What the command registry implements (CAPABILITY is derived from it). */
export const REGISTERED_VERBS: ReadonlySet<ImapVerb> = new Set(COMMANDS.map((c) => c.verb as ImapVerb));
