/**
 * A plain line console on one virtual connection: the learner types the protocol, and the client
 * end starts the TLS handshake by itself after the server agrees to STARTTLS/STLS, as a real
 * client does (RFC 3207 §4, RFC 2595 §4, RFC 9051 §6.2.1). Its session id goes to `onSession`,
 * so a WireView beside it can show the same connection from the wire.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConnectOptions, VirtualNetwork } from '../../../simulator/net/virtual-network.ts';
import { portSpec } from '../../../simulator/net/ports.ts';
import { Dialog } from './dialog.ts';
import { asksForTls, tlsAccepted } from './console-rules.ts';
import './wire.css';

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
}

export default function ClientConsole({ network, host, port, options = {}, onSession, autoConnect = false, label }: ClientConsoleProps) {
  const [, setVersion] = useState(0);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const dialog = useRef<Dialog | null>(null);
  const failures = useRef<string[]>([]);
  const logRef = useRef<HTMLDivElement>(null);
  const bump = (): void => setVersion((v) => v + 1);

  const connect = (): void => {
    if (!network) return;
    dialog.current?.connection.close();
    failures.current = [];
    const implicit = portSpec(port)?.tls === 'implicit';
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
    if (autoConnect && network && !dialog.current) connect();
  }, [network, autoConnect]);
  useEffect(() => () => dialog.current?.connection.close(), []);
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  });

  const send = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const d = dialog.current;
    const line = draft;
    if (!d || !d.open) return;
    setDraft('');
    setBusy(true);
    try {
      const reply = await d.say(line);
      if (asksForTls(line) && tlsAccepted(reply)) {
        d.note('The server agreed: the client starts the TLS handshake now.');
        await d.startTls();
      }
    } finally {
      setBusy(false);
    }
  };

  const d = dialog.current;
  const open = d?.open ?? false;
  const name = label ?? `Client console for ${host} port ${port}`;
  return (
    <section className="mw-console" aria-label={name} data-testid="client-console" data-open={open}>
      <div className="mw-console__actions">
        <button type="button" className="mw-button" onClick={connect} disabled={!network}>
          {d ? 'Reconnect' : 'Connect'} to {host}:{port}
        </button>
        <button type="button" className="mw-button mw-button--quiet" onClick={() => d?.connection.close()} disabled={!open}>
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
        </ol>
      </div>
      <form onSubmit={(e) => void send(e)}>
        <input
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
        <button type="submit" className="mw-button" disabled={!open || busy}>
          Send
        </button>
      </form>
    </section>
  );
}
