/**
 * Building blocks for goal checks: questions about the world after a run (mailboxes, flags, the
 * outbound queue) and about what crossed the wire (which command got which reply).
 */
import type { StoredMessage } from '../../simulator/store/types.ts';
import type { World } from '../../simulator/world/world.ts';
import { resultOf } from './feedback.ts';
import type { CheckResult, GoalCheck, RunResult, SessionRun } from './types.ts';

/** One command and the server lines that answered it (up to the next client line). */
export interface Exchange {
  session: SessionRun;
  command: string;
  replies: string[];
}

/** One goal judged: `goal` is said the same either way; `detail` says what was found when it is not met. */
export function goal(goalText: string, done: boolean, detail?: string): CheckResult {
  return resultOf([{ done, goal: goalText, ...(done || !detail ? {} : { detail }) }]);
}

/** The checklist marks done/not yet itself: a leading "Done:" or "Not yet:" would say it twice. */
function bare(message: string): string {
  return message.replace(/^(Done|Not yet|Not quite):\s*/i, '').replace(/\.$/, '');
}

/** A goal met, said in a sentence ("Done: logged in after STLS."). */
export function pass(message: string): CheckResult {
  return goal(bare(message), true);
}

/** A goal not met, said as what is missing ("Not yet: no PASS on port 110 got +OK."). */
export function fail(message: string): CheckResult {
  return goal(bare(message), false);
}

/** Every command of every session (optionally only on `port`), with its reply lines. */
export function exchanges(run: RunResult, port?: number): Exchange[] {
  const out: Exchange[] = [];
  for (const session of run.sessions) {
    if (port !== undefined && session.port !== port) continue;
    let current: Exchange | null = null;
    for (const line of session.lines) {
      if (line.from === 'C') {
        current = { session, command: line.text, replies: [] };
        out.push(current);
      } else if (current) {
        current.replies.push(line.text);
      }
    }
  }
  return out;
}

/** The first command matching `command` whose reply has a line matching `reply`. */
export function findExchange(run: RunResult, command: RegExp, reply: RegExp, port?: number): Exchange | undefined {
  return exchanges(run, port).find((e) => command.test(e.command) && e.replies.some((r) => reply.test(r)));
}

/** A goal met when some command matching `command` was answered with a line matching `reply`. */
export function answered(what: string, command: RegExp, reply: RegExp, port?: number): GoalCheck {
  return (run) =>
    goal(what, findExchange(run, command, reply, port) !== undefined,
      `no command matching ${command} got a reply matching ${reply}${port ? ` on port ${port}` : ''}`);
}

/** Every check must pass; each one's goals are reported, done or not yet. */
export function all(...checks: GoalCheck[]): GoalCheck {
  return (run) => resultOf(checks.flatMap((check) => check(run).goals));
}

export function messages(world: World, address: string, mailbox = 'INBOX'): readonly StoredMessage[] {
  return world.store.mailbox(address, mailbox)?.messages ?? [];
}

/** The message's header block as text (up to the first empty line). */
export function headerText(message: StoredMessage): string {
  const text = new TextDecoder().decode(message.raw);
  const end = text.indexOf('\r\n\r\n');
  return end < 0 ? text : text.slice(0, end);
}

export function bodyText(message: StoredMessage): string {
  const text = new TextDecoder().decode(message.raw);
  const end = text.indexOf('\r\n\r\n');
  return end < 0 ? '' : text.slice(end + 4);
}

/** A goal met when `mailbox` of `address` holds a message for which `test` is true. */
export function mailboxHas(what: string, address: string, mailbox: string, test: (m: StoredMessage) => boolean): GoalCheck {
  return (run) => {
    const held = messages(run.world, address, mailbox);
    return goal(what, held.some(test), `${address}'s ${mailbox} holds no such message (${held.length} ${held.length === 1 ? 'message' : 'messages'})`);
  };
}

/** A goal met when `mailbox` of `address` has no message for which `test` is true. */
export function mailboxLacks(what: string, address: string, mailbox: string, test: (m: StoredMessage) => boolean): GoalCheck {
  return (run) => goal(what, !messages(run.world, address, mailbox).some(test), `the message is still in ${address}'s ${mailbox}`);
}

/** A goal met when no command matching `command` was sent (on `port`, if given). */
export function neverSent(what: string, command: RegExp, port?: number): GoalCheck {
  return (run) => {
    const sent = exchanges(run, port).find((e) => command.test(e.command));
    return goal(what, sent === undefined, sent ? `"${sent.command}" was sent` : undefined);
  };
}

/** True when the message's header block has a line matching `pattern`. */
export function header(pattern: RegExp): (m: StoredMessage) => boolean {
  return (m) => headerText(m).split('\r\n').some((line) => pattern.test(line));
}
