/**
 * The guided walk-through: one step at a time, Next runs it, Back replays up to the one before.
 * While a step runs the buttons are aria-disabled, not disabled: a disabled button loses
 * keyboard focus, and pressing Enter on Next ten times in a row should just work.
 */
import { useEffect, useRef } from 'react';
import { COMPARE_WALKTHROUGH as WALKTHROUGH } from '../../../simulator/scenarios/compare-walkthrough.ts';
import type { Outcome } from './actions.ts';
import { OutcomeList } from './OutcomeList.tsx';
import { StepFailure } from './StepFailure.tsx';

interface Props {
  /** Steps done so far (0: not started). */
  done: number;
  outcomes: readonly Outcome[];
  ready: boolean;
  /** A device is driven by hand: the walk-through waits, and its card stops following the scroll. */
  paused: boolean;
  busy: boolean;
  onNext: () => void;
  onBack: () => void;
  onRestart: () => void;
  /** Why the last step stopped part-way, or null. */
  failure: string | null;
}

export function Walkthrough({ done, outcomes, ready, paused, busy, onNext, onBack, onRestart, failure }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const total = WALKTHROUGH.length;
  const step = done > 0 ? WALKTHROUGH[done - 1] : undefined;
  const finished = done === total;
  // At the end Next goes away: keep keyboard focus somewhere useful.
  useEffect(() => {
    if (finished) heading.current?.focus();
  }, [finished]);
  return (
    <section className="mw-cmp-walk" aria-labelledby="h-walk" data-step={done} data-step-id={step?.id ?? 'start'} data-paused={paused}>
      <h2 id="h-walk">Guided walk-through</h2>
      <div className="mw-cmp-walk-body" aria-live="polite">
        {step ? (
          <>
            <h3 ref={heading} tabIndex={-1}>
              Step {done} of {total}: {step.title}
            </h3>
            <p>{step.explain}</p>
            {busy ? <p className="mw-cmp-note">Running…</p> : <OutcomeList outcomes={outcomes} />}
          </>
        ) : (
          <p>
            {total} steps, each run for real on both columns: Carol’s mail goes over SMTP, the laptops and phones talk POP3 and IMAP to the
            server, and every command and reply lands in the device’s transcript. What each step did is listed under its explanation,
            linked to the line that shows it.
          </p>
        )}
      </div>
      {paused && <p className="mw-cmp-note">Paused while you drive a device by hand: hand it back to go on.</p>}
      {failure && (
        <StepFailure
          message={failure}
          recover={done === 0 ? 'Start again, under “Try it yourself”, resets both mailboxes.' : 'Back starts from a fresh mailbox and replays the steps up to the one before this.'}
        />
      )}
      <div className="mw-cmp-walk-nav">
        <button type="button" onClick={() => !busy && onBack()} disabled={!ready || done === 0} aria-disabled={busy || undefined}>
          Back
        </button>
        {finished ? (
          <button type="button" onClick={() => !busy && onRestart()} disabled={!ready} aria-disabled={busy || undefined}>
            Start over
          </button>
        ) : (
          <button type="button" className="mw-cmp-primary" onClick={() => !busy && onNext()} disabled={!ready} aria-disabled={busy || undefined}>
            {done === 0 ? 'Start the walk-through' : `Next: ${WALKTHROUGH[done]!.title}`}
          </button>
        )}
      </div>
    </section>
  );
}
