/**
 * The shape of one POP3 command file (simulator/command.ts). It imports the session and the
 * effects as types; neither imports the command list, so the files form no cycle.
 */
import type { Command } from '../../command.ts';
import type { Pop3Effect } from '../effects.ts';
import type { Pop3Session } from '../session.ts';
import type { Pop3State } from '../state.ts';

/** How a command's arguments are split (RFC 1939 §3: keyword, then arguments separated by SP). */
export interface ArgSpec {
  min: number;
  max: number;
  /** The whole rest of the line is one argument (RFC 1939 §7: a PASS may contain spaces). */
  rest?: boolean;
  /** Arguments longer than 40 octets are allowed (RFC 5034 §4: the initial response is bounded by the line only). */
  long?: boolean;
}

/**
 * One command file's export (simulator/command.ts): its spec, how its arguments split, and the
 * handler that returns its replies and effects.
 */
export interface Pop3Command extends Command<Pop3State, Pop3Session, readonly string[], Pop3Effect> {
  /**
   * Where the lab's diagram, Tab and the "allowed here" explanations list it, lowest first: a
   * session's order (CAPA, STLS, the ways to log in, the maildrop commands, QUIT). The files'
   * names say nothing about it (index.ts is generated in file-name order). In tens, so a new
   * command fits between two without renumbering.
   */
  readonly order: number;
  args: ArgSpec;
}
