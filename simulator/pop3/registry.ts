/**
 * Every POP3 command this server knows, derived from the one list in commands/index.ts. CAPA,
 * the state diagram's `allowedCommands` and the terminal's help read it.
 */
import { commandRegistry } from '../command.ts';
import { COMMANDS } from './commands/index.ts';
import type { Pop3Command } from './types.ts';

export const POP3_REGISTRY = commandRegistry<Pop3Command>(COMMANDS);

export const POP3_COMMANDS: readonly Pop3Command[] = POP3_REGISTRY.all;

export function findCommand(verb: string): Pop3Command | undefined {
  return POP3_REGISTRY.find(verb);
}
