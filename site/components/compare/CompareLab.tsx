/**
 * The /compare/ island: POP3 and IMAP side by side on the same mailbox. The simulator (engines,
 * virtual network, the Scenario's mail clients) loads lazily, once the island is on screen.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { changesBetween, type Changes } from './changes.ts';
import { bringChangesIntoView } from './follow-changes.ts';
import type { Pop3Settings } from '../../../simulator/clients/pop3-types.ts';
import type { DeviceName, Scenario, Side } from '../../../simulator/scenarios/compare-scenario.ts';
import { COMPARE_WALKTHROUGH as WALKTHROUGH, type WalkStep } from '../../../simulator/scenarios/compare-walkthrough.ts';
import { ACTIONS, runAction, type ActionId, type Outcome } from './actions.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { ProtocolColumn } from './ProtocolColumn.tsx';
import type { CompareRuntime, CompareSnapshot } from './runtime.ts';
import { TranscriptPane } from './TranscriptPane.tsx';
import { VerdictTable } from './VerdictTable.tsx';
import { Walkthrough } from './Walkthrough.tsx';

type Status = 'loading' | 'ready' | 'failed';

/** One step of the Scenario's walk-through, its result per column as the page lists outcomes. */
async function runStep(s: Scenario, step: WalkStep): Promise<Outcome[]> {
  const results = await step.run(s);
  return [{ side: 'pop3', actor: '', ...results.pop3 }, { side: 'imap', actor: '', ...results.imap }];
}

const noSubscribe = (): (() => void) => () => {};
const noSnapshot = (): CompareSnapshot | null => null;

function useRuntime(): { runtime: CompareRuntime | null; status: Status } {
  const [runtime, setRuntime] = useState<CompareRuntime | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  useEffect(() => {
    let live = true;
    import('./runtime.ts')
      .then((m) => {
        if (!live) return;
        setRuntime(m.createRuntime());
        setStatus('ready');
      })
      .catch(() => live && setStatus('failed'));
    return () => {
      live = false;
    };
  }, []);
  return { runtime, status };
}

export default function CompareLab() {
  const { runtime, status } = useRuntime();
  const snap = useSyncExternalStore(runtime?.subscribe ?? noSubscribe, runtime?.snapshot ?? noSnapshot, noSnapshot);
  const [done, setDone] = useState(0);
  const [stepOutcomes, setStepOutcomes] = useState<readonly Outcome[]>([]);
  const [last, setLast] = useState<{ label: string; outcomes: readonly Outcome[] } | null>(null);
  const [days, setDays] = useState(8);
  /** What the last step or button changed, and a count that restarts the highlight each time. */
  const [changes, setChanges] = useState<{ of: Changes; stamp: number; follow: boolean } | null>(null);
  const stamps = useRef(0);
  /** The panel whose button started the run that failed: its message (kept by the runtime) shows there. */
  const [failedIn, setFailedIn] = useState<'walk' | 'actions'>('walk');
  const attempt = (panel: 'walk' | 'actions', run: () => Promise<unknown>): void => void run().catch(() => setFailedIn(panel));
  /** The step whose changes still wait to be brought into view (once the page has drawn them). */
  const toFollow = useRef<number | null>(null);
  const ready = status === 'ready' && runtime !== null;
  const busy = snap?.busy ?? false;

  const act = useCallback(
    async (id: ActionId) => {
      if (!runtime) return;
      const label = ACTIONS.find((a) => a.id === id)?.label ?? id;
      const before = runtime.snapshot();
      const outcomes = await runtime.run((s) => runAction(s, id, { days, takenOver: runtime.takenOver }));
      setLast({ label: id === 'days' ? `${label}: ${days} days` : label, outcomes });
      setChanges({ of: changesBetween(before, runtime.snapshot()), stamp: ++stamps.current, follow: false });
    },
    [runtime, days],
  );

  /** Starts again and replays the first `steps` steps (the simulator is deterministic). */
  const replay = useCallback(
    async (steps: number) => {
      if (!runtime) return;
      runtime.reset();
      setLast(null);
      let outcomes: Outcome[] = [];
      for (let i = 0; i < steps; i++) outcomes = await runtime.run((s) => runStep(s, WALKTHROUGH[i]!));
      setDone(steps);
      setStepOutcomes(outcomes);
      setChanges(null);
    },
    [runtime],
  );

  const next = useCallback(async () => {
    if (!runtime || done >= WALKTHROUGH.length) return;
    const before = runtime.snapshot();
    const outcomes = await runtime.run((s) => runStep(s, WALKTHROUGH[done]!));
    setDone(done + 1);
    setStepOutcomes(outcomes);
    const stamp = ++stamps.current;
    toFollow.current = stamp;
    setChanges({ of: changesBetween(before, runtime.snapshot()), stamp, follow: true });
  }, [runtime, done]);

  const onTakeOver = useCallback((side: Side, name: DeviceName, on: boolean) => void runtime?.takeOver(side, name, on), [runtime]);
  const hand = useCallback((side: Side, name: DeviceName) => runtime?.hand(side, name) ?? null, [runtime]);
  const handsOn = (snap?.takenOver.length ?? 0) > 0;

  // After a step, the first card it changed comes into view under the (sticky) step card: once,
  // when the snapshot after the step is drawn (it arrives a moment after the step resolves).
  useEffect(() => {
    if (!changes?.follow || toFollow.current !== changes.stamp || !snap || snap.busy) return;
    toFollow.current = null;
    bringChangesIntoView();
  }, [changes, snap]);

  const onSettings = useCallback((name: DeviceName, patch: Partial<Pop3Settings>) => runtime?.setPop3Settings(name, patch), [runtime]);

  return (
    <div className="mw-compare" data-status={status} aria-busy={busy}>
      {status === 'failed' && <p role="alert">The simulator did not load. Reload the page to try again.</p>}
      {status === 'loading' && <p className="mw-cmp-note">Loading the simulator…</p>}
      <Walkthrough done={done} outcomes={stepOutcomes} ready={ready && !handsOn} paused={handsOn} busy={busy} onNext={() => attempt('walk', next)} onBack={() => attempt('walk', () => replay(done - 1))} onRestart={() => attempt('walk', () => replay(0))} failure={failedIn === 'walk' ? (snap?.failure ?? null) : null} />
      <ActionPanel ready={ready} busy={busy} days={days} onDays={setDays} onAction={(id) => attempt('actions', () => act(id))} onReset={() => attempt('actions', () => replay(0))} last={last} failure={failedIn === 'actions' ? (snap?.failure ?? null) : null} />
      {snap && (
        <>
          <div className="mw-cmp-sender">
            <TranscriptPane name="smtp-carol" title="Carol’s SMTP submission transcript" lines={snap.transcripts['smtp-carol'] ?? []} />
          </div>
          <div className="mw-cmp-columns">
            <ProtocolColumn side="pop3" snap={snap} changes={changes?.of ?? null} stamp={changes?.stamp ?? 0} onSettings={onSettings} hand={hand} onTakeOver={onTakeOver} />
            <ProtocolColumn side="imap" snap={snap} changes={changes?.of ?? null} stamp={changes?.stamp ?? 0} onSettings={onSettings} hand={hand} onTakeOver={onTakeOver} />
          </div>
          <VerdictTable verdict={snap.verdict} />
        </>
      )}
    </div>
  );
}
