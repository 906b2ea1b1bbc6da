/**
 * An IMAP command file's shape, on the shared contract (simulator/command.ts): the spec (verb,
 * the states it is valid in, the capability that announces it, syntax, RFC section, summary)
 * and a handler `(session, cmd) => readonly ImapEffect[]`. The handler may change the model (the
 * store, the selected view, the login); everything that goes to the wire or moves the state is
 * an effect (../effects.ts): untagged responses, the tagged completion or a protocol error
 * (mapped to BAD/NO in ../errors.ts), a continuation request, IDLE, the next part of a long
 * response, a state move, STARTTLS, close. The server carries them out in order (../apply.ts).
 */
import type { Command } from '../../command.ts';
import type { ImapEffect } from '../effects.ts';
import type { CommandName, ImapCommand } from '../parse/ast.ts';
import type { Session } from '../session.ts';
import type { CommandState } from '../state.ts';

/** The command shape for one name (COPY and MOVE share a shape whose name is a union). */
export type CommandOf<N extends CommandName> = ImapCommand extends infer C
  ? C extends { name: infer M }
    ? N extends M
      ? C & { name: N }
      : never
    : never
  : never;

export interface ImapCommandSpec<N extends CommandName = CommandName> extends Command<CommandState, Session, CommandOf<N>, ImapEffect> {
  /** The parser's name for it (UID FETCH is FETCH with uid: true, and so on); the same as `verb`. */
  readonly name: N;
}

export type AnyCommand = { [N in CommandName]: ImapCommandSpec<N> }[CommandName];
