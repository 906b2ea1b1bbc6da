/** The action buttons: each runs on both columns at once. */
import { useId } from 'react';
import { ACTIONS, type ActionId, type Outcome } from './actions.ts';
import { OutcomeList } from './OutcomeList.tsx';
import { StepFailure } from './StepFailure.tsx';

interface Props {
  ready: boolean;
  busy: boolean;
  days: number;
  onDays: (days: number) => void;
  onAction: (id: ActionId) => void;
  onReset: () => void;
  last: { label: string; outcomes: readonly Outcome[] } | null;
  /** Why the last button's action stopped part-way, or null. */
  failure: string | null;
}

export function ActionPanel({ ready, busy, days, onDays, onAction, onReset, last, failure }: Props) {
  const daysId = useId();
  return (
    <section className="mw-cmp-actions" aria-labelledby="h-actions">
      <h2 id="h-actions">Try it yourself</h2>
      <p className="mw-cmp-note">Every button acts on both columns: POP3 first, then IMAP.</p>
      <div className="mw-cmp-buttons">
        {ACTIONS.map((a) =>
          a.id === 'days' ? (
            <div key={a.id} className="mw-cmp-days">
              <button type="button" onClick={() => !busy && onAction(a.id)} disabled={!ready} aria-disabled={busy || undefined} title={a.hint}>
                {a.label}
              </button>
              <label htmlFor={daysId}>days</label>
              <input id={daysId} type="number" min={1} max={365} value={days} onChange={(e) => onDays(Math.max(1, Math.min(365, Math.round(Number(e.target.value)) || 1)))} />
            </div>
          ) : (
            <button key={a.id} type="button" onClick={() => !busy && onAction(a.id)} disabled={!ready} aria-disabled={busy || undefined} title={a.hint} data-action={a.id}>
              {a.label}
            </button>
          ),
        )}
        <button type="button" className="mw-cmp-reset" onClick={() => !busy && onReset()} disabled={!ready} aria-disabled={busy || undefined}>
          Start again
        </button>
      </div>
      {failure && <StepFailure message={failure} recover="Start again resets both mailboxes." />}
      <div aria-live="polite" className="mw-cmp-last">
        {last && (
          <>
            <p>
              <strong>{last.label}</strong>
            </p>
            <OutcomeList outcomes={last.outcomes} />
          </>
        )}
      </div>
    </section>
  );
}
