/**
 * The command contract every engine shares (go-imap `imapserver/`, wildduck imap-core): a command
 * is one file exporting its spec and a handler. The handler takes the session context and the
 * parsed arguments and returns the replies and effects, which the engine carries out in order;
 * it never writes to the wire itself. Each engine's `commands/index.ts` is generated from the
 * files in its folder (scripts/command-index.mjs, `npm run gen:commands`), so adding a command is
 * one file and its test. The registry is `commandRegistry(...)` over that list, put in the order
 * the engine's specs say; HELP, CAPA, EHLO, Tab and the state diagram read the specs from it.
 */
import type { RfcSection } from './fsm.ts';

/** What a command is, apart from what it does. */
export interface CommandSpec<S extends string> {
  /** The keyword, upper case: `RETR`. */
  readonly verb: string;
  /** The states it is valid in. */
  readonly states: readonly S[];
  /** The capability that announces it; when the host switches that off, the command goes too. */
  readonly capability?: string;
  /** As a learner would type it: `RETR msg`. */
  readonly syntax: string;
  readonly rfc: RfcSection;
  /** One line for the UI's command list. */
  readonly summary: string;
}

/** One handler signature across engines: context and arguments in, effects out. */
export type Handler<Ctx, Args, Effect> = (ctx: Ctx, args: Args) => readonly Effect[];

export interface Command<S extends string, Ctx, Args, Effect> extends CommandSpec<S> {
  readonly handle: Handler<Ctx, Args, Effect>;
}

/** A registry derived from one list of command files: lookup by verb and by state. */
export interface CommandRegistry<C extends CommandSpec<string>> {
  /** In the order learners see them (HELP, the state diagram, Tab): by rank, then verb. */
  readonly all: readonly C[];
  find(verb: string): C | undefined;
  allowedIn(state: C['states'][number]): C[];
}

/**
 * The generated list is in file-name order, which no learner should see; `rank` says where each
 * command is listed (lowest first, ties by verb), from something its spec or the engine's state
 * table holds, so the order never depends on how the files are named.
 */
export function commandRegistry<C extends CommandSpec<string>>(files: readonly C[], rank: (command: C) => number): CommandRegistry<C> {
  const commands = [...files].sort((a, b) => rank(a) - rank(b) || (a.verb < b.verb ? -1 : a.verb > b.verb ? 1 : 0));
  const byVerb = new Map<string, C>();
  for (const c of commands) {
    if (byVerb.has(c.verb)) throw new Error(`two commands named ${c.verb}`);
    if (!Number.isFinite(rank(c))) throw new Error(`${c.verb} has no place in the command order`);
    byVerb.set(c.verb, c);
  }
  return {
    all: commands,
    find: (verb) => byVerb.get(verb.toUpperCase()),
    allowedIn: (state) => commands.filter((c) => (c.states as readonly string[]).includes(state)),
  };
}
