/**
 * An IMAP command file's shape, on the shared contract (simulator/command.ts): the spec (verb,
 * the states it is valid in, where it is listed, the capability that announces it, syntax, RFC
 * section, summary), the grammar of its arguments (`parse`, and `parseUid` for a command the UID
 * prefix takes, RFC 9051 §6.4.9) and a handler `(session, cmd) => readonly ImapEffect[]`. The
 * file also exports its command's shape (what `parse` returns and `handle` takes); the generated
 * index joins those into `ImapCommand`, the parser's output.
 *
 * The handler may change the model (the store, the selected view, the login); everything that
 * goes to the wire or moves the state is an effect (../effects.ts): untagged responses, the
 * tagged completion or a protocol error (mapped to BAD/NO in ../errors.ts), a continuation
 * request, IDLE, the next part of a long response, a state move, STARTTLS, close. The server
 * carries them out in order (../apply.ts).
 */
import type { Command } from '../../command.ts';
import type { ImapEffect } from '../effects.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { CommandShape } from '../parse/ast.ts';
import type { Session } from '../session.ts';
import type { CommandState } from '../state.ts';

export interface ImapCommandSpec<C extends CommandShape = CommandShape> extends Command<CommandState, Session, C, ImapEffect> {
  /** The parser's name for it (UID FETCH is FETCH with uid: true, and so on); the same as `verb`. */
  readonly name: C['name'];
  /**
   * Where the registry, the state diagram, Tab and the BAD's "allowed here" list it, lowest first.
   * In tens, in RFC 9051 §6's order: §6.1 any state, §6.2 not authenticated, §6.3 authenticated,
   * §6.4 selected, each section's commands as the RFC numbers them. The spec says it rather than
   * its `rfc` because ID (RFC 2971), LSUB and CHECK (RFC 3501) and MOVE (RFC 6851) have no
   * RFC 9051 section to sort by; a new command takes a free number beside its section's.
   */
  readonly order: number;
  /** Its arguments, with the cursor just after the verb; it must consume the whole line. */
  readonly parse: ArgParser<C>;
  /** Its arguments after `UID verb` (RFC 9051 §6.4.9); only the commands the UID prefix takes have one. */
  readonly parseUid?: ArgParser<C>;
}

/** The command shape a spec parses and handles. */
export type ShapeOf<S extends { readonly parse: ArgParser<CommandShape> }> = ReturnType<S['parse']>;

/** One spec per shape of the union (each handler takes only its own command). */
export type SpecOf<C extends CommandShape> = C extends CommandShape ? ImapCommandSpec<C> : never;
