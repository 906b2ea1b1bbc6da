/**
 * The protocol terminal island: xterm.js (loaded lazily, so it stays off the first paint) around
 * a TerminalSession. On touch screens it adds an input row and command chips.
 */
import { useEffect, useRef, useState } from 'react';
import TouchInput, { useTouch } from './TouchInput.tsx';
import { useStore } from 'zustand';
import type { Connector } from '../../../simulator/transport.ts';
import type { TerminalSession } from '../../terminal/session.ts';
import { portSpec } from '../../../simulator/world/ports.ts';
import { appStore } from '../../store/app-store.ts';
import { DISCONNECTED_CHIPS, PROTOCOL_CHIPS } from '../../terminal/chips.ts';
import { downloadText, siteTheme } from '../../terminal/browser/page-services.ts';
import { pageStorage } from '../../browser/page-storage.ts';
import { openFitted } from '../../terminal/browser/fit-screen.ts';
import { terminalOptions } from '../../terminal/xterm-theme.ts';

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
/** Every terminal on a page talks to the same network, loaded with xterm.js (off the first paint). */
function pageConnector(): Promise<Connector> {
  sharedConnector ??= import('../../terminal/connector.ts').then((m) => m.createConnector());
  return sharedConnector;
}

type Status = 'loading' | 'ready' | 'failed';

export default function ProtocolTerminal({ terminalId, size = 'compact', live, relayUrl }: Props) {
  const screenRef = useRef<HTMLDivElement>(null);
  const sessionRef = useRef<TerminalSession | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const touch = useTouch();
  const port = useStore(appStore, (s) => {
    const id = s.terminals[terminalId]?.sessionId;
    return id ? (s.sessions[id]?.port ?? null) : null;
  });

  useEffect(() => {
    let cleanup = (): void => {};
    let cancelled = false;
    void (async () => {
      const [{ Terminal }, { FitAddon }, { SessionAddon }, { TerminalSession }, connector] = await Promise.all([
        import('@xterm/xterm'),
        import('@xterm/addon-fit'),
        import('../../terminal/browser/session-addon.ts'),
        import('../../terminal/session.ts'),
        pageConnector(),
      ]);
      const element = screenRef.current;
      if (cancelled || !element) return;
      const term = new Terminal(terminalOptions(siteTheme()));
      const unfit = openFitted(term, new FitAddon(), element);
      const session = new TerminalSession({
        terminalId,
        screen: { write: (data) => term.write(data) },
        connector,
        store: appStore,
        storage: pageStorage(),
        download: downloadText,
        cols: term.cols,
        ...(live === undefined ? {} : { live }),
      });
      if (relayUrl) session.relayUrl = relayUrl;
      term.loadAddon(new SessionAddon(session));
      session.start();
      sessionRef.current = session;
      setStatus('ready');
      cleanup = () => {
        unfit();
        session.dispose();
        term.dispose();
        sessionRef.current = null;
      };
    })().catch(() => setStatus('failed'));
    return () => {
      cancelled = true;
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
  const protocol = port === null ? null : (portSpec(port)?.protocol ?? null);
  const chips = protocol ? PROTOCOL_CHIPS[protocol] : DISCONNECTED_CHIPS;

  return (
    <section className={`mw-terminal mw-terminal--${size}`} aria-label="Protocol terminal" data-status={status}>
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
