/**
 * Every IMAP command this server runs, derived from the command files (commands/index.ts is
 * generated from the folder; simulator/command.ts): lookup by the parser's name, the commands a
 * state allows, and the capabilities their specs announce (CAPABILITY is derived from them).
 */
import { commandRegistry } from '../command.ts';
import type { AnyCommand } from './commands/command.ts';
import { COMMANDS } from './commands/index.ts';
import { COMMAND_STATES } from './state.ts';

/**
 * In the order of the state table every spec takes its `states` from (state.ts `COMMAND_STATES`,
 * RFC 9051 §6.1–§6.4: any state, not authenticated, authenticated, selected), which is also the
 * order of `allowedCommands`. A command with no row there has no states, so it is refused.
 */
const TABLE_ORDER: readonly string[] = Object.keys(COMMAND_STATES);
const tableRow = (c: AnyCommand): number => (TABLE_ORDER.includes(c.verb) ? TABLE_ORDER.indexOf(c.verb) : Number.NaN);

export const IMAP_REGISTRY = commandRegistry<AnyCommand>(COMMANDS, tableRow);

/** The capabilities the registered commands announce (`capability` in each spec). */
export const ANNOUNCED_CAPABILITIES: ReadonlySet<string> = new Set(IMAP_REGISTRY.all.flatMap((c) => (c.capability === undefined ? [] : [c.capability])));
