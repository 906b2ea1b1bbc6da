/**
 * The terminals of a fork ("continue from here"): each one is the replayed world's own terminal
 * session, still connected where it was at that step, on an xterm.js screen that first shows
 * what it had shown, then follows it. Typing goes on in the fork's world only, and each line
 * entered is recorded for the fork's own timeline.
 */
import { useEffect, useRef } from 'react';
import { appStore } from '../../store/app-store.ts';
import { focusTerminal } from '../../store/lab-actions.ts';
import { siteTheme } from '../../terminal/browser/page-services.ts';
import { openFitted } from '../../terminal/browser/fit-screen.ts';
import { terminalOptions } from '../../terminal/xterm-theme.ts';
import type { ReplayedWorld } from './timeline-replay.ts';
import { recordForkLine } from './timeline-state.ts';
import { feedWithLines } from './typed-lines.ts';

/** The id a fork's terminal has in the lab's focus (the panels follow it). */
export function forkTerminalId(index: number): string {
  return `timeline-${index}`;
}

function ForkTerminal({ world, index }: { world: ReplayedWorld; index: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let cleanup = (): void => {};
    let cancelled = false;
    void Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]).then(([{ Terminal }, { FitAddon }]) => {
      if (cancelled) return;
      const term = new Terminal(terminalOptions(siteTheme()));
      const unfit = openFitted(term, new FitAddon(), element);
      const session = world.terminal(index);
      term.write(world.screens[index] ?? '');
      const detach = world.attachScreen(index, (data) => term.write(data));
      const input = term.onData((data) => feedWithLines(data, (d) => session.input(d), () => session.editor.text, (line) => recordForkLine(world, index, line)));
      cleanup = () => {
        detach();
        input.dispose();
        unfit();
        term.dispose();
      };
    });
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [world, index]);
  const id = forkTerminalId(index);
  return (
    <section className="mw-terminal mw-terminal--full" aria-label={`Forked terminal ${index + 1}`} data-terminal={id} onFocusCapture={() => focusTerminal(appStore, id)}>
      <div className="mw-terminal__screen" ref={ref} data-testid="fork-terminal-screen" />
    </section>
  );
}

export default function ForkTerminals({ world }: { world: ReplayedWorld }) {
  const count = Math.max(1, world.terminals.length);
  return (
    <div className="lab-terminals" data-testid="fork-terminals">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="lab-terminals__pane">
          <ForkTerminal world={world} index={i} />
        </div>
      ))}
    </div>
  );
}
