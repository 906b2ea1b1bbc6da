/**
 * A plain line console on one virtual connection: the learner types the protocol, and the client
 * end starts the TLS handshake by itself after the server agrees to STARTTLS/STLS, as a real
 * client does (RFC 3207 §4, RFC 2595 §4, RFC 9051 §6.2.1). Its session id goes to `onSession`,
 * so a WireView beside it can show the same connection from the wire. With `live`, the same
 * console runs on a live server through the bridge relay (live-dialog.ts), loaded on first use.
 *
 * Lines typed while the server is still answering (or while the TLS handshake runs) wait in a
 * queue, shown as waiting, and go in order once the exchange before them is done, as a terminal's
 * typeahead does: nothing typed is dropped, and no command goes out in the clear mid-handshake.
 */
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConnectOptions, VirtualNetwork } from '../../../simulator/net/virtual-network.ts';
import { portSpec, type MailProtocol } from '../../../simulator/world/ports.ts';
import { Dialog } from './dialog.ts';
import type { LiveDialog } from './live-dialog.ts';
import { tlsAgreed } from '../../../simulator/observe/starttls-watch.ts';
import './wire.css';

/** The live session's wire, loaded with the live console only (it brings the X.509 parser and the capture writer). */
const LiveWire = lazy(() => import('./LiveWire.tsx'));

export interface ClientConsoleProps {
  network: VirtualNetwork | null;
  host: string;
  port: number;
  /** Attack and certificate policy for the next connection. */
  options?: Pick<ConnectOptions, 'attack' | 'certificatePolicy'>;
  onSession?: (sessionId: string | null) => void;
  /** Connect as soon as the network is there. */
  autoConnect?: boolean;
  label?: string;
  /** Connect to the live `host` through the bridge relay instead of the virtual network. */
  live?: boolean;
  /** TLS from the first byte; default: what the port is for (465, 993, 995). */
  implicitTls?: boolean;
  /** Move focus to the command line once the connection is open (the console just opened for it). */
  focusWhenOpen?: boolean;
  /** The protocol a live port speaks (default: the port's own), for what the wire view reads in plaintext. */
  protocol?: MailProtocol;
}

type ConsoleDialog = Dialog | LiveDialog;

export default function ClientConsole(props: ClientConsoleProps) {
  const { network, host, port, options = {}, onSession, autoConnect = false, label, live = false, focusWhenOpen = false } = props;
  const implicit = props.implicitTls ?? portSpec(port)?.tls === 'implicit';
  const [version, setVersion] = useState(0);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const waiting = useRef<string[]>([]);
  const draining = useRef(false);
  const dialog = useRef<ConsoleDialog | null>(null);
  const mounted = useRef(true);
  const failures = useRef<string[]>([]);
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const bump = (): void => setVersion((v) => v + 1);

  const connectLive = async (): Promise<void> => {
    onSession?.(null);
    const { connectLive: open } = await import('./live-dialog.ts');
    const d = await open(host, port, implicit, bump);
    if (!mounted.current) return void d.close();
    dialog.current = d;
    bump();
  };

  const connect = (): void => {
    void dialog.current?.close();
    failures.current = [];
    waiting.current = [];
    draining.current = false;
    setBusy(false);
    if (live) return void connectLive();
    if (!network) return;
    const result = network.connect(host, port, { tls: implicit ? 'implicit' : 'none', tlsLayer: 'records', ...options });
    if (!result.ok) {
      dialog.current = null;
      failures.current = [result.message];
      onSession?.(null);
      bump();
      return;
    }
    dialog.current = new Dialog(result.connection, host, bump);
    onSession?.(result.connection.session.id);
    bump();
  };

  useEffect(() => {
    if (autoConnect && (network || live) && !dialog.current) connect();
  }, [network, autoConnect]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      void dialog.current?.close();
    };
  }, []);
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
    // As the log grows it pushes the command line down: keep the line being typed on screen, with
    // the reply just above it, as a terminal keeps its prompt (only while the learner is typing here).
    const input = inputRef.current;
    if (input && document.activeElement === input) input.scrollIntoView({ block: 'nearest' });
  });

  /** Sends the waiting lines one exchange at a time; a line waits for the reply (and handshake) before it. */
  const drain = async (d: ConsoleDialog): Promise<void> => {
    draining.current = true;
    setBusy(true);
    try {
      // The owner is checked before each take: after a reconnect the queue is the new connection's.
      while (dialog.current === d) {
        const line = waiting.current.shift();
        if (line === undefined) break;
        if (!d.open) {
          d.note(`Not sent (the connection is closed): ${[line, ...waiting.current].join(' / ')}`, 'error');
          return;
        }
        bump();
        const reply = await d.say(line);
        if (tlsAgreed(line, reply)) {
          d.note('The server agreed: the client starts the TLS handshake now.');
          await d.startTls();
        }
      }
    } finally {
      // A reconnect mid-exchange hands the queue and the flags to the new connection's drain.
      if (dialog.current === d) {
        waiting.current = [];
        draining.current = false;
        if (mounted.current) setBusy(false);
      }
      if (mounted.current) bump();
    }
  };

  const send = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const d = dialog.current;
    if (!d || !d.open) return;
    waiting.current.push(draft);
    setDraft('');
    if (draining.current) bump();
    else void drain(d);
  };

  const d = dialog.current;
  const open = d?.open ?? false;
  useEffect(() => {
    if (focusWhenOpen && open) inputRef.current?.focus();
  }, [focusWhenOpen, open]);
  const name = label ?? `Client console for ${host} port ${port}`;
  // The live wire goes after the console, not in it: the console's lines stay the console's.
  return (
    <>
      <section className="mw-console" aria-label={name} data-testid="client-console" data-open={open} data-live={live} data-busy={busy}>
        <div className="mw-console__actions">
          <button type="button" className="mw-button" onClick={connect} disabled={!network && !live}>
            {d ? 'Reconnect' : 'Connect'} to {host}:{port}
          </button>
          <button type="button" className="mw-button mw-button--quiet" onClick={() => void d?.close()} disabled={!open}>
            Disconnect
          </button>
        </div>
        <div className="mw-console__log" role="log" aria-label={`${name}: what the client sent and received`} ref={logRef} tabIndex={0}>
          <ol className="mw-console__lines">
            {failures.current.map((f, i) => (
              <li key={`f${i}`} className="mw-console__line--error">{f}</li>
            ))}
            {(d?.lines ?? []).map((l, i) => (
              <li key={i} className={`mw-console__line--${l.kind}`}>{l.text}</li>
            ))}
            {waiting.current.map((line, i) => (
              <li key={`w${i}`} className="mw-console__line--waiting">{line}</li>
            ))}
          </ol>
        </div>
        <form onSubmit={send}>
          <input
            ref={inputRef}
            type="text"
            aria-label="Command to send"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            disabled={!open}
            autoCapitalize="off"
            autoCorrect="off"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="send"
            placeholder={open ? 'Type a command, then Enter' : 'Connect first'}
          />
          <button type="submit" className="mw-button" disabled={!open}>
            Send
          </button>
        </form>
      </section>
      {live && d && 'recording' in d && d.recording && (
        <Suspense fallback={<p className="mw-wire__note">Loading the wire view…</p>}>
          <LiveWire recording={d.recording} protocol={props.protocol ?? portSpec(port)?.protocol ?? 'smtp'} version={version} />
        </Suspense>
      )}
    </>
  );
}
