/**
 * The protocol terminal island: xterm.js around a TerminalSession. xterm.js and the engines load
 * when the learner reaches for the terminal or the page is idle, never during page load, and xterm
 * draws inside a shadow root (../../terminal/browser/shadow-screen.ts). On touch screens it adds an
 * input row and command chips.
 */
import { useEffect, useRef, useState } from 'react';
import TouchInput, { useTouch } from './TouchInput.tsx';
import { useStore } from 'zustand';
import type { Connector } from '../../../simulator/transport.ts';
import type { TerminalSession } from '../../terminal/session.ts';
import { appStore } from '../../store/app-store.ts';

/** Until the session has said what the server takes (site/terminal/touch-chips.ts). */
const NO_CHIPS: readonly string[] = [];
import { downloadText, siteTheme } from '../../terminal/browser/page-services.ts';
import { downloadBlob } from '../lab/download.ts';
import { pageStorage } from '../../browser/page-storage.ts';
import { openFitted } from '../../terminal/browser/fit-screen.ts';
import { terminalOptions } from '../../terminal/xterm-theme.ts';
import { shadowScreen } from '../../terminal/browser/shadow-screen.ts';
import { whenWanted, yieldToPage, type WakeReason } from '../../terminal/browser/wake.ts';

interface Props {
  /** Names the terminal: its history is kept under this id. */
  terminalId: string;
  size?: 'full' | 'compact';
  /**
   * The "Live" switch: true sends /connect HOST PORT to real servers through the relay, false to
   * the virtual network; unset keeps what the learner last chose in this terminal (/live on|off).
   */
  live?: boolean;
  /** The relay's URL for live connections; unset keeps the learner's /relay setting (default ws://127.0.0.1:8787/relay). */
  relayUrl?: string;
}

let sharedConnector: Promise<Connector> | null = null;
/** Every terminal on a page talks to the same network, loaded with xterm.js (never during page load). */
function pageConnector(): Promise<Connector> {
  // The engines' code runs in one task, the world is built in the next.
  sharedConnector ??= import('../../terminal/connector.ts').then(async (m) => {
    await yieldToPage();
    return m.createConnector();
  });
  return sharedConnector;
}

type Status = 'loading' | 'ready' | 'failed';

export default function ProtocolTerminal({ terminalId, size = 'compact', live, relayUrl }: Props) {
  const sectionRef = useRef<HTMLElement>(null);
  const screenRef = useRef<HTMLDivElement>(null);
  const sessionRef = useRef<TerminalSession | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const touch = useTouch();
  const chips = useStore(appStore, (s) => s.terminals[terminalId]?.chips ?? NO_CHIPS);

  useEffect(() => {
    const section = sectionRef.current;
    if (!section) return;
    let cleanup = (): void => {};
    let cancelled = false;
    // Where the learner pressed while the terminal was not there yet.
    let pointed: Element | null = null;
    const press = (event: Event): void => {
      pointed = event.target instanceof Element ? event.target : null;
    };
    // Nothing heavy while the page loads: xterm.js, the engines and the screen come when the learner
    // reaches for the terminal or the page is idle (../../terminal/browser/wake.ts), in steps that
    // each leave the main thread free in between.
    const boot = async (why: WakeReason): Promise<void> => {
      const [{ Terminal }, { default: xtermCss }, { FitAddon }, { SessionAddon }, { TerminalSession }, connector] = await Promise.all([
        import('@xterm/xterm'),
        import('@xterm/xterm/css/xterm.css?inline'),
        import('@xterm/addon-fit'),
        import('../../terminal/browser/session-addon.ts'),
        import('../../terminal/session.ts'),
        pageConnector(),
      ]);
      await yieldToPage();
      const element = screenRef.current;
      if (cancelled || !element) return;
      const term = new Terminal(terminalOptions(siteTheme()));
      const screen = shadowScreen(element, xtermCss);
      // Building xterm's services and opening its screen are two tasks, not one long one.
      await yieldToPage();
      if (cancelled) {
        screen.remove();
        term.dispose();
        return;
      }
      const unfit = openFitted(term, new FitAddon(), screen.inner);
      const session = new TerminalSession({
        terminalId,
        screen: { write: (data) => term.write(data) },
        connector,
        store: appStore,
        storage: pageStorage(),
        download: downloadText,
        downloadBytes: (name, bytes) => downloadBlob(name, bytes, 'application/x-pcapng'),
        cols: term.cols,
        ...(live === undefined ? {} : { live }),
      });
      if (relayUrl) session.relayUrl = relayUrl;
      term.loadAddon(new SessionAddon(session));
      session.start();
      sessionRef.current = session;
      setStatus('ready');
      // A press on the screen before it was there meant "type here": focus it, unless focus moved on.
      if (why === 'pointer' && pointed && (document.activeElement === null || document.activeElement === document.body)) term.focus();
      cleanup = () => {
        session.dispose();
        sessionRef.current = null;
        unfit();
        screen.remove();
        term.dispose();
      };
    };
    section.addEventListener('pointerdown', press);
    const root = section.closest<HTMLElement>('[data-mw-terminal]') ?? section;
    const stopWaiting = whenWanted(root, (why) => void boot(why).catch(() => setStatus('failed')));
    return () => {
      cancelled = true;
      stopWaiting();
      section.removeEventListener('pointerdown', press);
      cleanup();
    };
    // The switch's first value goes in above; later flips arrive through the effects below.
  }, [terminalId]);

  useEffect(() => {
    if (sessionRef.current && live !== undefined) sessionRef.current.live = live;
  }, [live]);

  useEffect(() => {
    if (sessionRef.current && relayUrl) sessionRef.current.relayUrl = relayUrl;
  }, [relayUrl]);

  const run = (line: string): void => sessionRef.current?.submit(line);

  return (
    <section ref={sectionRef} className={`mw-terminal mw-terminal--${size}`} aria-label="Protocol terminal" data-status={status}>
      <div className="mw-terminal__screen" ref={screenRef} data-testid="terminal-screen">
        {status === 'loading' && <p className="mw-terminal__message" role="status">Loading the terminal…</p>}
        {status === 'failed' && (
          <p className="mw-terminal__message" role="alert">The terminal could not load. Reload the page to try again.</p>
        )}
      </div>
      <p className="mw-terminal__hint">
        Tab completes commands; press Esc then Tab to move focus out of the terminal.
      </p>
      {touch && status === 'ready' && <TouchInput chips={chips} run={run} />}
    </section>
  );
}
