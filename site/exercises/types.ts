/**
 * Exercises and snippets as data: what the learner starts from, what they type, and how the
 * result is judged against the simulator after the run (learnGitBranching levels).
 */
import type { World } from '../../simulator/world/world.ts';
import type { AccountSettings } from '../components/setup/account-settings.ts';

/** One line of a session as it crossed the wire: `C` the client's, `S` the server's. */
export interface WireLine {
  from: 'C' | 'S';
  text: string;
}

/** One connection of a run: where it went, every line, and how it ended. */
export interface SessionRun {
  host: string;
  port: number;
  lines: WireLine[];
  /** Transport errors (refused, DNS, TLS) as the terminal would print them. */
  errors: string[];
  closedBy: 'server' | 'client' | null;
}

/** What a run leaves behind: the world after it, and every session in order. */
export interface RunResult {
  world: World;
  sessions: SessionRun[];
}

/** One goal of an exercise and whether the run met it. */
export interface GoalResult {
  done: boolean;
  /** The goal, said the same whether or not it is met ("the relay attempt was refused with 550 5.7.1"). */
  goal: string;
  /** When not done: what was found instead. */
  detail?: string;
}

export interface CheckResult {
  /** True when every goal is done. */
  ok: boolean;
  goals: GoalResult[];
  /** The checklist as text (site/exercises/feedback.ts): one "✓ done" or "✗ not yet" line per goal. */
  message: string;
}

/** A goal check: a predicate over the run, with the goals it judged. */
export type GoalCheck = (run: RunResult) => CheckResult;

/**
 * The world an exercise starts from. Only the default world (README: alice, bob, carol and their
 * seed messages) for now: it is what the page's terminal runs, so a learner's attempt there and
 * the headless replay start from the same state.
 */
export type StartWorld = 'default';

export interface Exercise {
  /** Stable id: progress is stored under it (`smtp-deliver`). */
  id: string;
  start: StartWorld;
  title: string;
  /** The goal in one or two sentences, as the page shows it. */
  goal: string;
  /** From gentle to nearly the answer. */
  hints: string[];
  /** The exact lines a learner types into the terminal, slash commands included. */
  solution: string[];
  /** A plausible wrong attempt that must fail the check (tests prove the check can fail). */
  wrong: string[];
  check: GoalCheck;
}

/**
 * A command snippet as a page shows it: the lines to type and the reply shown beside them.
 * `setup` lines run first (connect, log in) and are not shown as part of the snippet.
 * Each `reply` line is the server's line exactly, or a RegExp for dates and ids.
 */
export interface Snippet {
  id: string;
  setup: string[];
  lines: string[];
  reply: Array<string | RegExp>;
  /** Shown instead of the regex source for lines given as RegExp. */
  display?: string[];
  /**
   * The earlier snippets of the same page this one continues: their lines, in this order, open
   * `setup` (a test checks it), so the page can point back at them ("after EHLO above").
   */
  after?: string[];
}

/**
 * An exercise done in a virtual mail program's account dialog instead of the terminal: the
 * solution is what the learner fills in, and the check reads the sessions the program's
 * "Test account" made (site/components/setup/mail-client.ts).
 */
export interface SetupExercise {
  id: string;
  start: StartWorld;
  title: string;
  goal: string;
  hints: string[];
  solution: AccountSettings;
  wrong: AccountSettings;
  check: GoalCheck;
}
