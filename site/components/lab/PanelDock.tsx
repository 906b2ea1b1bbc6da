/**
 * The lab's panels beside the terminal. On a wide screen they stand in one column, each a
 * collapsible section, the column sticky and scrolling within itself; on a narrow one they are
 * tabs right under the terminal, so any panel is one tap away instead of a long scroll.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import Guard from './Guard.tsx';

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

function Stacked({ panels }: { panels: readonly LabPanel[] }) {
  return (
    <div className="lab-panels">
      {panels.map((p) => (
        <details key={p.id} className="lab-panel" open={p.open ?? true} data-panel={p.id}>
          <summary><h3 id={`lab-${p.id}`}>{p.title}</h3></summary>
          <section aria-labelledby={`lab-${p.id}`}>
            <Guarded panel={p} />
          </section>
        </details>
      ))}
    </div>
  );
}

/** Whether the top of `element` is off screen (above the viewport or below its lower edge). */
function outOfView(element: HTMLElement): boolean {
  const r = element.getBoundingClientRect();
  return r.top < 0 || r.top > window.innerHeight - 96;
}

function Tabbed({ panels }: { panels: readonly LabPanel[] }) {
  const [active, setActive] = useState(panels[0]?.id ?? '');
  const [chosen, setChosen] = useState(0);
  const panelRef = useRef<HTMLDivElement>(null);
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const shown = panels.find((p) => p.id === active) ?? panels[0];

  // A tap on a tab brings its panel into view (the terminal above may fill the screen).
  useEffect(() => {
    const el = panelRef.current;
    if (chosen > 0 && el && outOfView(el)) el.scrollIntoView({ block: 'start', behavior: 'auto' });
  }, [chosen]);

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

  if (!shown) return null;
  return (
    <div className="lab-dock">
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
      <div ref={panelRef} role="tabpanel" id={`lab-tabpanel-${shown.id}`} aria-labelledby={`lab-tab-${shown.id}`} className="lab-panel lab-dock__panel" data-panel={shown.id}>
        <h3 id={`lab-${shown.id}`} className="sr-only">{shown.title}</h3>
        <Guarded key={shown.id} panel={shown} />
      </div>
    </div>
  );
}

export default function PanelDock({ panels, wide }: { panels: readonly LabPanel[]; wide: boolean }) {
  return wide ? <Stacked panels={panels} /> : <Tabbed panels={panels} />;
}
