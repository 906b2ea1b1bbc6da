/**
 * The mark on a card the last step or button changed: a "changed" badge that says what, and a
 * brief ring around the card (restarted per step by its key; still under prefers-reduced-motion).
 */
import { changed, changeText, type Change } from './changes.ts';

export function ChangeMark({ change, stamp }: { change: Change; stamp: number }) {
  if (!changed(change)) return null;
  return (
    <>
      <span key={`ring-${stamp}`} className="mw-cmp-flash" aria-hidden="true" />
      <span className="mw-cmp-badge mw-cmp-changed-mark" data-tone="changed">
        changed<span className="mw-cmp-changed-what">: {changeText(change)}</span>
      </span>
    </>
  );
}
