/**
 * Mounts one lab terminal: xterm.js (loaded here, lazily) around a TerminalSession on the page's
 * network (the session's Connection starts TLS after STARTTLS), the lines entered recorded for the replay link,
 * and a handle the panels use. Returns the function that takes it all down.
 */
import type { Terminal } from '@xterm/xterm';
import { appStore } from '../../store/app-store.ts';
import { setNetworkSession } from '../../store/lab-actions.ts';
import { downloadText, siteTheme } from '../../terminal/browser/page-services.ts';
import { downloadBlob } from './download.ts';
import { pageStorage } from '../../browser/page-storage.ts';
import { openFitted } from '../../terminal/browser/fit-screen.ts';
import { MemoryStorage } from '../../browser/page-storage.ts';
import { batchedScreen } from '../../terminal/batched-screen.ts';
import type { TerminalScreen, TerminalSession } from '../../terminal/session.ts';
import { terminalOptions } from '../../terminal/xterm-theme.ts';
import { pageWorld } from '../../world/page-network.ts';
import { ReportingConnector } from '../../world/reporting-connector.ts';
import { recordTyped, registerTerminal, type TerminalHandle } from './terminal-handles.ts';
import { feedWithLines } from './typed-lines.ts';

/** Esc then Tab leaves the terminal, so Tab completion is no keyboard trap (WCAG 2.1.2). */
function escapeThenTab(): (event: KeyboardEvent) => boolean {
  let escaped = false;
  return (event) => {
    if (event.type !== 'keydown') return true;
    if (event.key === 'Tab' && escaped) {
      escaped = false;
      return false;
    }
    escaped = event.key === 'Escape';
    return true;
  };
}

function handleFor(terminalId: string, term: Terminal, screen: TerminalScreen, session: TerminalSession, element: HTMLElement, typed: string[]): TerminalHandle {
  return {
    put: (text) => {
      session.editor.set(text);
      screen.write(session.editor.render());
      // xterm.js focuses without scrolling, and does not paint while off screen: bring it into view.
      element.scrollIntoView({ block: 'nearest' });
      term.focus();
    },
    run: (line) => {
      // As if typed: the line shows on the prompt, then Enter (submit() would not echo it).
      typed.push(line);
      recordTyped(terminalId, line);
      session.editor.set(line.replace(/[\r\n]+/g, ' '));
      screen.write(session.editor.render());
      session.input('\r');
    },
    typed: () => typed,
  };
}

export async function mountTerminal(element: HTMLElement, terminalId: string): Promise<() => void> {
  const [{ Terminal }, { FitAddon }, { TerminalSession }] = await Promise.all([
    import('@xterm/xterm'),
    import('@xterm/addon-fit'),
    import('../../terminal/session.ts'),
  ]);
  const world = pageWorld();
  const term = new Terminal(terminalOptions(siteTheme()));
  const unfit = openFitted(term, new FitAddon(), element);
  // One write per keypress, the reply included (../../terminal/batched-screen.ts).
  let live = true;
  const screen = batchedScreen((data) => {
    if (live) term.write(data);
  });
  const session = new TerminalSession({
    terminalId,
    screen,
    connector: new ReportingConnector(world.connector, (id) => setNetworkSession(appStore, terminalId, id)),
    store: appStore,
    // A replay must not fill the learner's own history with someone else's lines.
    storage: world.replay ? new MemoryStorage() : pageStorage(),
    download: downloadText,
    downloadBytes: (name, bytes) => downloadBlob(name, bytes, 'application/x-pcapng'),
    cols: term.cols,
  });
  const typed: string[] = [];
  const onLine = (line: string): void => {
    typed.push(line);
    recordTyped(terminalId, line);
  };
  const disposables = [
    term.onData((data) => feedWithLines(data, (d) => session.input(d), () => session.editor.text, onLine)),
    term.onResize(({ cols }) => session.resize(cols)),
  ];
  term.attachCustomKeyEventHandler(escapeThenTab());
  session.start();
  const unregister = registerTerminal(terminalId, handleFor(terminalId, term, screen, session, element, typed));
  return () => {
    live = false;
    unregister();
    unfit();
    for (const d of disposables) d.dispose();
    session.dispose();
    term.dispose();
  };
}
