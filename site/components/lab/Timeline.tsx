/**
 * The lab's timeline controls: step back and forward through the lines entered (buttons, the
 * arrow keys, Home and End, a scrubber); the panels show the world as it was after that step,
 * rebuilt from the recorded inputs while the live world goes on. "Continue from here" forks a
 * world at the step shown; a link carries the session and the step. A fork has a timeline of its
 * own: the original's lines up to the fork's step, then the lines typed in the fork.
 */
import { useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { worldToJson } from '../../../simulator/world/serialize.ts';
import { MAX_LINK_CHARS } from '../../world/replay-world.ts';
import { downloadBlob } from './download.ts';
import type { PageWorld } from '../../world/page-network.ts';
import { subscribeTyped, typedLog } from './terminal-handles.ts';
import './timeline.css';
import { discardFork, forkHere, showLive, showStep, showWorld, shownInputs, stepLink, timelineStore } from './timeline-state.ts';

function useLineCount(): number {
  return useSyncExternalStore(subscribeTyped, () => typedLog().length);
}

export default function Timeline({ world }: { world: PageWorld }) {
  useLineCount();
  const { step, loading, fork, showing } = useStore(timelineStore);
  const [link, setLink] = useState<string | null>(null);
  const [tooLarge, setTooLarge] = useState<number | null>(null);
  const inFork = fork !== null && showing === 'fork';
  const inputs = shownInputs(world);
  const total = inputs.steps.length;
  const current = step ?? total;
  const go = (n: number): void => {
    setLink(null);
    setTooLarge(null);
    void showStep(world, Math.max(0, Math.min(total, n)));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    // The scrubber moves on its own keys (its change event steps the timeline).
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => go(current - 1),
      ArrowRight: () => (step === null ? undefined : go(current + 1)),
      Home: () => go(0),
      End: () => showLive(),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    move();
  };
  const copyLink = async (): Promise<void> => {
    const made = await stepLink(inputs, current);
    if (!made.ok) {
      setLink(null);
      setTooLarge(made.chars);
      return;
    }
    const url = `${location.origin}${location.pathname}${made.hash}`;
    setTooLarge(null);
    setLink(url);
    void navigator.clipboard?.writeText(url).catch(() => {});
  };
  const line = current > 0 ? inputs.steps[current - 1]?.line : undefined;
  return (
    <div className="lab-timeline" role="group" aria-label="Timeline" data-testid="timeline" data-mode={inFork ? 'fork' : 'original'} data-step={step ?? 'live'} data-loading={loading ? 'true' : 'false'} onKeyDown={onKey}>
      {inFork && (
        <p className="lab-timeline__where" data-testid="timeline-fork-note">
          A fork from step {fork.step}: what you type here happens in this world only; the original is kept. Its timeline is the original's first {fork.step} lines, then yours.
        </p>
      )}
      <div className="lab-timeline__row">
        <button type="button" onClick={() => go(current - 1)} disabled={current === 0} aria-keyshortcuts="ArrowLeft" data-testid="timeline-back">
          ◀ Back
        </button>
        <input
          type="range"
          className="lab-timeline__scrubber"
          min={0}
          max={total}
          value={current}
          disabled={total === 0}
          onChange={(e) => go(Number(e.target.value))}
          aria-label="Step"
          aria-valuetext={`Step ${current} of ${total}`}
          data-testid="timeline-scrubber"
        />
        <button type="button" onClick={() => go(current + 1)} disabled={step === null || current >= total} aria-keyshortcuts="ArrowRight" data-testid="timeline-forward">
          Forward ▶
        </button>
      </div>
      <p className="lab-timeline__where" role="status" data-testid="timeline-position">
        {step === null ? `Live: ${total} line${total === 1 ? '' : 's'} entered.` : `Step ${current} of ${total}${loading ? ' (replaying…)' : ''}`}
        {step !== null && line !== undefined && (
          <>
            {' '}after <code>{line}</code>
          </>
        )}
        {step !== null && ' — the panels show the world as it was then; the terminals stay live.'}
      </p>
      <div className="lab-timeline__row">
        {step !== null && <button type="button" onClick={() => showLive()} data-testid="timeline-live">Back to live</button>}
        {step !== null && (
          <button type="button" onClick={() => forkHere(world)} disabled={loading} data-testid="timeline-fork">
            Continue from here
          </button>
        )}
        {fork && !inFork && <button type="button" onClick={() => showWorld('fork')} data-testid="timeline-show-fork">Show the fork (step {fork.step})</button>}
        {inFork && <button type="button" onClick={() => showWorld('original')} data-testid="timeline-original">Show the original</button>}
        {inFork && <button type="button" onClick={() => discardFork()} data-testid="timeline-discard">Discard the fork</button>}
        {total > 0 && <button type="button" onClick={() => void copyLink()} data-testid="timeline-link">Link to this step</button>}
      </div>
      {link && (
        <label className="lab-timeline__link">
          Link (copied): <input className="lab-link-field" readOnly value={link} onFocus={(e) => e.target.select()} data-testid="timeline-link-field" />
          {world.origin === 'stored' && <span className="lab-note">It carries the world this session started from when that is not the default world, so another browser replays the same session.</span>}
        </label>
      )}
      {tooLarge !== null && (
        <p className="lab-note" role="alert" data-testid="timeline-link-too-large">
          The world this session started from is too large to put in a link ({Math.ceil(tooLarge / 1024)} KiB; a link holds at most {MAX_LINK_CHARS / 1024} KiB), so there is no link.
          Export the world as JSON instead and share the file; it opens with Import JSON.{' '}
          <button type="button" onClick={() => downloadBlob('mailwire-world.json', worldToJson(world.network.world), 'application/json')} data-testid="timeline-export">
            Export JSON
          </button>
        </p>
      )}
    </div>
  );
}
