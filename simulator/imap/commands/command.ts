/**
 * An IMAP command file's shape, on the shared contract (simulator/command.ts): the spec (verb,
 * the states it is valid in, syntax, RFC section, summary) and a handler taking the session and
 * the parsed command. The handler writes its untagged responses through the session and returns
 * the `Reply` that ends it (or asks for a continuation, IDLE, or the next part of a long response).
 */
import type { CommandSpec } from '../../command.ts';
import type { CommandName, ImapCommand } from '../parse/ast.ts';
import type { TaggedResult } from '../responses.ts';
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

/** RFC 9051 §7.5: a continuation the command asks for (AUTHENTICATE's `+ `). */
export interface Continuation {
  kind: 'continue';
  /** Text after `+ ` (base64 challenge, or a prompt). */
  prompt: string;
  /** The client's continuation line arrived. */
  onLine(line: string, session: Session): Reply;
}

/** RFC 2177: the command stays in progress until the client sends DONE. */
export interface IdleReply {
  kind: 'idle';
}

/**
 * Part of a long response is written; the rest comes from `resume`. The server lets the
 * transport send what is there first (when it can be woken), so a client starts reading a
 * FETCH of thousands of messages while the rest is produced, as with a streaming server.
 */
export interface MoreReply {
  kind: 'more';
  resume(): Reply;
}

export type Reply = TaggedResult | Continuation | IdleReply | MoreReply;

export interface ImapCommandSpec<N extends CommandName = CommandName> extends CommandSpec<CommandState> {
  /** The parser's name for it (UID FETCH is FETCH with uid: true, and so on); the same as `verb`. */
  readonly name: N;
  readonly handle: (session: Session, cmd: CommandOf<N>) => Reply;
}

export type AnyCommand = { [N in CommandName]: ImapCommandSpec<N> }[CommandName];

export function isTagged(reply: Reply): reply is TaggedResult {
  return 'status' in reply;
}
