/**
 * Runs one parsed command: checks that its state allows it and that the host has it switched on,
 * then calls its handler. RFC 9051 §6: a command in the wrong state is a protocol error (BAD).
 */
import { commandDisabled } from './capabilities.ts';
import { protocolError, type ImapEffect } from './effects.ts';
import { errorResult, type ImapProtocolError } from './errors.ts';
import { COMMAND_STATES, IMAP_REGISTRY, isImapVerb, type ImapCommand } from './registry.ts';
import type { TaggedResult } from './responses.ts';
import type { Session } from './session.ts';
import { commandState } from './state.ts';

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

/** RFC 9051 §6: the error for a command the current state does not allow, or null. */
export function stateError(verb: string, display: string, current: Session['state']): ImapProtocolError | null {
  // A command completed by a literal is checked against the state it started in.
  const state = commandState(current);
  if (!state || !isImapVerb(verb) || (COMMAND_STATES[verb] as readonly string[]).includes(state)) return null;
  return { kind: 'wrong-state', command: display, state };
}

/** The BAD for a command the state does not allow (asked by the reader when a literal is announced). */
export function stateRefusal(verb: string, display: string, current: Session['state']): TaggedResult | null {
  const error = stateError(verb, display, current);
  return error && errorResult(error);
}

/** Checks in a fixed order: known to the registry, valid in this state, switched on; then the handler. */
export function dispatch(cmd: ImapCommand, s: Session): readonly ImapEffect[] {
  const spec = IMAP_REGISTRY.find(cmd.name);
  // The parser may learn a command before the registry has a handler for it.
  if (!spec || spec.name !== cmd.name) return [protocolError({ kind: 'not-implemented', command: cmd.name })];
  const verb = 'uid' in cmd && cmd.uid ? 'UID' : spec.verb;
  const error = stateError(verb, displayName(cmd), s.state);
  if (error) return [protocolError(error)];
  // The capability the command's spec names is switched off on this host (IDLE, MOVE, …).
  if (commandDisabled(s.ctx.host, spec)) return [protocolError({ kind: 'disabled', command: cmd.name })];
  return (spec.handle as (session: Session, c: ImapCommand) => readonly ImapEffect[])(s, cmd);
}
