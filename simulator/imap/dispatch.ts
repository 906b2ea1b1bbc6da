/**
 * Runs one parsed command: checks that its state allows it and that the host has it switched on,
 * then calls its handler. RFC 9051 §6: a command in the wrong state is a protocol error (BAD).
 */
import { verbDisabled } from './capabilities.ts';
import { COMMANDS } from './commands/index.ts';
import type { AnyCommand, CommandSpec, Reply } from './commands/command.ts';
import type { ImapCommand } from './parse/ast.ts';
import { bad, type TaggedResult } from './responses.ts';
import type { Session } from './session.ts';
import { allowedCommands, COMMAND_STATES, commandState, isImapVerb, stateName, type ImapVerb } from './state.ts';

/** What the command registry implements (CAPABILITY is derived from it). */
export const REGISTERED_VERBS: ReadonlySet<ImapVerb> = new Set(Object.values(COMMANDS).map((c) => c.verb));

/** The handler's name for a command as the client wrote it: `UID FETCH`, `FETCH`. */
export function displayName(cmd: ImapCommand): string {
  return 'uid' in cmd && cmd.uid ? `UID ${cmd.name}` : cmd.name;
}

/**
 * RFC 9051 §7.5.1: "An EXPUNGE response MUST NOT be sent ... while responding to a FETCH,
 * STORE, or SEARCH command" — the UID forms may carry them.
 */
export function mayExpunge(cmd: ImapCommand): boolean {
  if (cmd.name === 'FETCH' || cmd.name === 'STORE' || cmd.name === 'SEARCH') return cmd.uid;
  return true;
}

/** RFC 9051 §6: BAD, naming the state, for a command the current state does not allow. */
export function stateRefusal(verb: string, display: string, current: Session['state']): TaggedResult | null {
  // A command completed by a literal is checked against the state it started in.
  const state = commandState(current) ?? current;
  if (!isImapVerb(verb) || (COMMAND_STATES[verb] as readonly string[]).includes(state)) return null;
  return bad(`${display} is not allowed in the ${stateName(state)}; allowed here: ${allowedCommands(state).join(' ')}`);
}

export function dispatch(cmd: ImapCommand, s: Session): Reply {
  const spec = COMMANDS[cmd.name] as AnyCommand | undefined;
  // The parser may learn a command before the registry has a handler for it.
  if (!spec) return bad(`${cmd.name} is not implemented by this server`);
  const verb = 'uid' in cmd && cmd.uid ? 'UID' : spec.verb;
  const refusal = stateRefusal(verb, displayName(cmd), s.state);
  if (refusal) return refusal;
  if (verbDisabled(s.ctx.host, spec.verb)) return bad(`${cmd.name} is switched off on this server`);
  return (spec as CommandSpec<typeof cmd.name>).handle(cmd as never, s);
}
