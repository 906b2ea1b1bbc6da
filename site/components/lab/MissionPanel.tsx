/**
 * The lab's missions: a goal, a checklist that ticks as the world changes, hints one at a time,
 * "Mission complete" with what was learned, and the next mission. `/lab/#missions` (an anchor in the
 * page's HTML, so links to it can be checked) scrolls it into view and focuses its heading. On a narrow screen it folds to one line that stays at the top
 * while the learner types, one tap from the checklist.
 */
import { useEffect, useRef, useState } from 'react';
import { MISSIONS } from '../../missions/registry.ts';
import { appStore } from '../../store/app-store.ts';
import type { PageWorld } from '../../world/page-network.ts';
import { whenTerminal } from './terminal-handles.ts';
import { useMission } from './use-mission.ts';
import './missions.css';

const NARROW = '(max-width: 50rem)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const update = (): void => setNarrow(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}

export default function MissionPanel({ world }: { world: PageWorld }) {
  const view = useMission(world);
  const { mission, index, items, complete, doneBefore, done, news } = view;
  const narrow = useNarrow();
  const [folded, setFolded] = useState(true);
  const [hints, setHints] = useState(0);
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const next = MISSIONS[index + 1] ?? null;
  const count = items.filter((i) => i.ticked).length;
  const open = folded && narrow && !complete ? false : true;

  useEffect(() => {
    let live = true;
    const scroll = (): void => section.current?.scrollIntoView({ block: 'start' });
    const follow = (): void => {
      if (location.hash !== '#missions') return;
      scroll();
      heading.current?.focus({ preventScroll: true });
      // The terminal below arrives later and makes the page long enough to scroll to the panel.
      void whenTerminal(appStore.getState().lab.active).then(() => requestAnimationFrame(() => live && scroll()));
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => {
      live = false;
      window.removeEventListener('hashchange', follow);
    };
  }, []);

  const go = (id: string): void => {
    view.open(id);
    setHints(0);
    // The new goal is where the learner's attention goes next.
    requestAnimationFrame(() => heading.current?.focus({ preventScroll: true }));
  };

  return (
    <section ref={section} id="lab-missions" className="lab-missions" aria-labelledby="missions-heading" data-mission={mission.id} data-complete={complete ? 'true' : 'false'}>
      <div className="lab-missions__bar">
        <h2 id="missions-heading" ref={heading} tabIndex={-1}>
          <span className="lab-missions__step">Mission {index + 1} of {MISSIONS.length}:</span> {mission.title}
        </h2>
        {narrow && (
          <button type="button" className="lab-missions__toggle" aria-expanded={open} aria-controls="missions-body" onClick={() => setFolded(open)}>
            {open ? 'Hide' : 'Checklist'} ({count}/{items.length})
          </button>
        )}
      </div>
      <div id="missions-body" className="lab-missions__body" hidden={!open}>
        {!complete && <p className="lab-missions__goal">{mission.goal}</p>}
        <ul className={`lab-missions__checklist${items.length > 3 ? ' is-long' : ''}`} aria-label="Checklist" data-testid="mission-checklist">
          {items.map((i) => (
            <li key={i.id} data-item={i.id} data-done={i.ticked ? 'true' : 'false'}>
              <span className="lab-missions__mark" aria-hidden="true">{i.ticked ? '✓' : '○'}</span>
              <span>
                {i.label}
                <span className="sr-only">{i.ticked ? ' (done)' : ' (not yet)'}</span>
              </span>
            </li>
          ))}
        </ul>
        {complete ? (
          <div className="lab-missions__complete" data-testid="mission-complete">
            <p>
              <strong className="lab-missions__complete-title">Mission complete.</strong> {mission.learned}
            </p>
            {next ? (
              <button type="button" className="lab-missions__next" onClick={() => go(next.id)}>
                Next mission: {next.title}
              </button>
            ) : (
              <p>That was the last mission. The tutorials under Learn go deeper into each protocol.</p>
            )}
          </div>
        ) : (
          hints > 0 && (
            <ol className="lab-missions__hints" aria-label="Hints">
              {mission.hints.slice(0, hints).map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ol>
          )
        )}
        <div className="lab-missions__footer">
          <details className="lab-missions__all">
            <summary>
              All missions ({MISSIONS.filter((m) => m.id in done).length} of {MISSIONS.length} done)
            </summary>
            <ol>
              {MISSIONS.map((m) => (
                <li key={m.id}>
                  <button type="button" aria-current={m.id === mission.id ? 'step' : undefined} onClick={() => go(m.id)}>
                    {m.title}
                    {m.id in done ? <span className="lab-missions__done-mark"> ✓<span className="sr-only"> done</span></span> : null}
                  </button>
                </li>
              ))}
            </ol>
          </details>
          {!complete && (
            <div className="lab-row">
              {hints < mission.hints.length && (
                <button type="button" onClick={() => setHints(hints + 1)}>
                  {hints === 0 ? 'Show a hint' : 'Another hint'} ({hints + 1} of {mission.hints.length})
                </button>
              )}
              {doneBefore && next && (
                <button type="button" onClick={() => go(next.id)}>
                  Done before: skip to the next mission
                </button>
              )}
            </div>
          )}
        </div>
      </div>
      <p className="sr-only" role="status">{news}</p>
    </section>
  );
}
