/**
 * The shape of a command module (aiosmtpd `@syntax`, wildduck imap-core): its name, where it
 * is valid (from COMMAND_STATES), its syntax for HELP-like listings, the RFC, and the handler.
 */
import type { CommandName, ImapCommand } from '../parse/ast.ts';
import type { TaggedResult } from '../responses.ts';
import type { Session } from '../session.ts';
import type { ImapVerb } from '../state.ts';

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

export interface CommandSpec<N extends CommandName = CommandName> {
  name: N;
  /** Which COMMAND_STATES row applies (UID FETCH is FETCH with uid: true, and so on). */
  verb: ImapVerb;
  syntax: string;
  rfc: string;
  handle(cmd: CommandOf<N>, session: Session): Reply;
}

export type AnyCommand = { [N in CommandName]: CommandSpec<N> }[CommandName];

export function isTagged(reply: Reply): reply is TaggedResult {
  return 'status' in reply;
}
