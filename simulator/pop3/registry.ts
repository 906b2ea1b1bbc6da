/**
 * Every POP3 command this server knows, derived from the command files (commands/index.ts is
 * generated from the folder), in the order their specs give (`order`). The server dispatches
 * through it and hands its specs to the session (CAPA announces what it holds); the state
 * diagram's `allowedCommands`, Tab and the rule-break explanations read it.
 */
import { commandRegistry } from '../command.ts';
import { COMMANDS } from './commands/index.ts';
import type { Pop3Command } from './commands/command.ts';
import type { Pop3State } from './state.ts';

export const POP3_REGISTRY = commandRegistry<Pop3Command>(COMMANDS, (c) => c.order);

export const POP3_COMMANDS: readonly Pop3Command[] = POP3_REGISTRY.all;

export function findCommand(verb: string): Pop3Command | undefined {
  return POP3_REGISTRY.find(verb);
}

/** The command verbs valid in `state`, from the command registry (the lab's diagram, Tab completion and the rule-break explanations read it). */
export function allowedCommands(state: Pop3State): string[] {
  return POP3_REGISTRY.allowedIn(state).map((c) => c.verb);
}
