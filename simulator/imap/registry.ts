/**
 * Every IMAP command this server runs, derived from the one list in commands/index.ts
 * (simulator/command.ts): lookup by the parser's name, the commands a state allows, and the
 * capabilities their specs announce (CAPABILITY is derived from them).
 */
import { commandRegistry } from '../command.ts';
import type { AnyCommand } from './commands/command.ts';
import { COMMANDS } from './commands/index.ts';

export const IMAP_REGISTRY = commandRegistry<AnyCommand>(COMMANDS);

/** The capabilities the registered commands announce (`capability` in each spec). */
export const ANNOUNCED_CAPABILITIES: ReadonlySet<string> = new Set(COMMANDS.flatMap((c) => (c.capability === undefined ? [] : [c.capability])));
