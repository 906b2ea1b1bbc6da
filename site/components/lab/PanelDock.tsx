/**
 * The lab's panels beside the terminal. On a wide screen they stand in one column, each a
 * collapsible section, the column sticky and scrolling within itself; on a narrow one they are
 * tabs right under the terminal, so any panel is one tap away instead of a long scroll.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import Guard from './Guard.tsx';
import { PanelShownContext } from './panel-shown.ts';

export interface LabPanel {
  /** `data-panel` and the heading's id (`lab-<id>`). */
  id: string;
  title: string;
  /** The tab's label on a narrow screen (default: the title). */
  short?: string;
  content: ReactNode;
  /** Open at first on a wide screen (default true). */
  open?: boolean;
}

function Guarded({ panel }: { panel: LabPanel }) {
  const message = `The ${panel.title.toLowerCase()} panel failed. The terminals still work; reload to try again.`;
  return <Guard message={message}>{panel.content}</Guard>;
}

/** Whether the top of `element` is off screen (above the viewport or below its lower edge). */
function outOfView(element: HTMLElement): boolean {
  const r = element.getBoundingClientRect();
  return r.top < 0 || r.top > window.innerHeight - 96;
}

/**
 * One tree for both layouts: each panel is the same `<details>` with its content at the same place
 * whether the screen is wide or narrow, so crossing WIDE_LAYOUT (a resize, a phone turned) changes
 * attributes and CSS only and never remounts a panel: an open dialog, typed text or a scroll
 * position survives. On a narrow screen every panel stays mounted and only the chosen one shows.
 */
export default function PanelDock({ panels, wide }: { panels: readonly LabPanel[]; wide: boolean }) {
  const [active, setActive] = useState(panels[0]?.id ?? '');
  const [chosen, setChosen] = useState(0);
  // Which sections are open on a wide screen, as the learner left them (a narrow screen shows one).
  const [open, setOpen] = useState<Record<string, boolean>>(() => Object.fromEntries(panels.map((p) => [p.id, p.open ?? true])));
  const frames = useRef(new Map<string, HTMLDetailsElement>());
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const shown = panels.find((p) => p.id === active) ?? panels[0];

  // A tap on a tab brings its panel into view (the terminal above may fill the screen).
  useEffect(() => {
    const el = shown && frames.current.get(shown.id);
    if (chosen > 0 && el && outOfView(el)) el.scrollIntoView({ block: 'start', behavior: 'auto' });
  }, [chosen]);

  // Turning to a narrow screen shows the panel the learner was working in (its dialog, its field).
  // A layout effect: it runs before the browser moves focus out of a panel just hidden.
  useLayoutEffect(() => {
    if (wide) return;
    const using = [...frames.current].find(([, el]) => el.contains(document.activeElement));
    if (using) setActive(using[0]);
  }, [wide]);

  const choose = (id: string): void => {
    setActive(id);
    setChosen((n) => n + 1);
  };
  // WAI-ARIA tabs: arrows move between tabs, Home/End to the ends.
  const onKey = (e: KeyboardEvent, index: number): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? panels.length - 1 : step ? (index + step + panels.length) % panels.length : -1;
    const next = panels[to];
    if (!next) return;
    e.preventDefault();
    choose(next.id);
    tabs.current.get(next.id)?.focus();
  };

  return (
    <div className={wide ? 'lab-panels' : 'lab-dock'}>
      {!wide && shown && (
        <div role="tablist" aria-label="Lab panels" className="lab-dock__tabs">
          {panels.map((p, i) => (
            <button
              key={p.id}
              ref={(el) => void (el ? tabs.current.set(p.id, el) : tabs.current.delete(p.id))}
              type="button"
              role="tab"
              id={`lab-tab-${p.id}`}
              aria-selected={p.id === shown.id}
              aria-controls={`lab-tabpanel-${p.id}`}
              tabIndex={p.id === shown.id ? 0 : -1}
              onClick={() => choose(p.id)}
              onKeyDown={(e) => onKey(e, i)}
            >
              {p.short ?? p.title}
            </button>
          ))}
        </div>
      )}
      {panels.map((p) => (
        <details
          key={p.id}
          ref={(el) => void (el ? frames.current.set(p.id, el) : frames.current.delete(p.id))}
          className={wide ? 'lab-panel' : 'lab-panel lab-dock__panel'}
          data-panel={p.id}
          open={wide ? (open[p.id] ?? true) : true}
          hidden={!wide && p.id !== shown?.id}
          // The toggle event also follows a change React makes; only a wide screen's toggles are the learner's.
          onToggle={(e) => {
            // Read now: React clears currentTarget after the handler, and the updater may run later.
            const isOpen = e.currentTarget.open;
            if (wide) setOpen((o) => ({ ...o, [p.id]: isOpen }));
          }}
        >
          {/* On a narrow screen the tab names the panel: the summary stays (else the browser adds
              its own "Details") but is hidden, and the heading moves into the tab panel for screen
              readers. Both are siblings before the content, so the content keeps its place. */}
          <summary hidden={!wide}>
            <h3 id={wide ? `lab-${p.id}` : undefined}>{p.title}</h3>
          </summary>
          <section
            role={wide ? undefined : 'tabpanel'}
            id={wide ? undefined : `lab-tabpanel-${p.id}`}
            aria-labelledby={wide ? `lab-${p.id}` : `lab-tab-${p.id}`}
          >
            {!wide && <h3 id={`lab-${p.id}`} className="sr-only">{p.title}</h3>}
            <PanelShownContext.Provider value={wide ? (open[p.id] ?? true) : p.id === shown?.id}>
              <Guarded panel={p} />
            </PanelShownContext.Provider>
          </section>
        </details>
      ))}
    </div>
  );
}
