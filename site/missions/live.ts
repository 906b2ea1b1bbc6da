/**
 * The live lab as a run the checklist can judge: the page's world as it is now, and the sessions
 * the lab's terminals opened (the session tracker's lines, which are the plaintext each end saw).
 * The MTA's own relay sessions are left out: a mission judges what the learner typed, and the
 * relay shows up where it matters, in Bob's mailbox.
 */
import type { World } from '../../simulator/world/world.ts';
import type { RunResult, SessionRun } from '../exercises/types.ts';
import type { SessionTracker, TrackedSession } from '../world/session-tracker.ts';

export interface LiveSources {
  network: { world: World };
  tracker: Pick<SessionTracker, 'sessions'>;
}

export function sessionRun(t: TrackedSession): SessionRun {
  return {
    host: t.host,
    port: t.port,
    lines: t.lines.map((l) => ({ from: l.direction === 'client' ? 'C' : 'S', text: l.text })),
    // A refused connection never becomes a session here; no mission check reads these two.
    errors: [],
    closedBy: null,
  };
}

/** The terminals' sessions, oldest first, except those in `exclude` (closed before the mission began). */
export function liveRun(sources: LiveSources, exclude: ReadonlySet<string>): RunResult {
  const sessions = sources.tracker
    .sessions()
    .filter((s) => s.origin === 'terminal' && !exclude.has(s.id))
    .sort((a, b) => a.openedAt - b.openedAt)
    .map(sessionRun);
  return { world: sources.network.world, sessions };
}

/** Sessions already over when a mission starts: its checklist starts from what happens next. */
export function closedSessionIds(sources: LiveSources): Set<string> {
  return new Set(sources.tracker.sessions().filter((s) => s.closed).map((s) => s.id));
}
