/** Checklist items from plain questions about a run, in the exercises' pass/fail shape. */
import { fail, pass } from '../exercises/checks.ts';
import type { RunResult, SessionRun } from '../exercises/types.ts';
import { sessionsTo } from './facts.ts';
import type { MissionItem } from './types.ts';

export function item(id: string, label: string, met: (run: RunResult) => boolean): MissionItem {
  return { id, label, check: (run) => (met(run) ? pass(`Done: ${label}.`) : fail(`Not yet: ${label}.`)) };
}

/** True when some connection to `host` on one of `ports` satisfies `test`. */
export function onSome(host: string, ports: readonly number[], test: (run: RunResult, s: SessionRun) => boolean): (run: RunResult) => boolean {
  return (run) => sessionsTo(run, host, ports).some((s) => test(run, s));
}
