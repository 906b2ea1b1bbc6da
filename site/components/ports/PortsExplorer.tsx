/**
 * The ports explorer: one table of the mail ports, each row able to open a console on the
 * virtual server at that port, and "Try all", which probes every port in turn with the
 * simulator's probe (simulator/scenarios/ports-probe.ts) and fills the last columns with what the
 * engines actually did. The engines load on first use. With "Live" on, Open connects to a live
 * host instead, through the bridge relay; "Try all" stays on the virtual servers.
 */
import { Fragment, useEffect, useRef, useState } from 'react';
import type { ProbeRow } from '../../../simulator/scenarios/ports-probe.ts';
import ClientConsole from '../wire/ClientConsole.tsx';
import WireView from '../wire/WireView.tsx';
import { loadWireNetwork, loadWireRuntime } from '../wire/use-wire-network.ts';
import type { VirtualNetwork } from '../../../simulator/net/virtual-network.ts';
import { PORT_FACTS, portSpec, type PortFacts } from '../../../simulator/world/ports.ts';
import { ROLE_TEXT, TLS_TEXT } from './port-facts.ts';
import { probeText } from './probe-text.ts';
import { LiveSwitch } from './LiveSwitch.tsx';
import { liveTarget, type LiveSettings, type LiveTarget } from './live-target.ts';
import '../wire/wire.css';
import './ports.css';
import CitedText from '../rfc/CitedText.tsx';

const HOST = 'mail.example.com';

type Probe = { state: 'waiting' | 'running' } | { state: 'done'; row: ProbeRow };

/** What Open opened: the row's port, and the live host and port when Live was on. */
interface Opened {
  row: number;
  live: LiveTarget | null;
}

export default function PortsExplorer() {
  const [network, setNetwork] = useState<VirtualNetwork | null>(null);
  const [probes, setProbes] = useState<Record<number, Probe>>({});
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState('');
  const [open, setOpen] = useState<Opened | null>(null);
  const [live, setLive] = useState<LiveSettings>({ on: false, host: '', port: '' });
  const hostField = useRef<HTMLInputElement>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  // The table is server-rendered; the buttons work once React has hydrated it.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const ensureNetwork = async (): Promise<VirtualNetwork> => {
    const n = await loadWireNetwork();
    setNetwork(n);
    return n;
  };

  const tryAll = async (): Promise<void> => {
    setRunning(true);
    setProbes(Object.fromEntries(PORT_FACTS.map((f) => [f.port, { state: 'waiting' }])));
    try {
      const [n, runtime] = await Promise.all([ensureNetwork(), loadWireRuntime()]);
      for (const [i, f] of PORT_FACTS.entries()) {
        setProgress(`Connecting to port ${f.port} (${i + 1} of ${PORT_FACTS.length})…`);
        setProbes((p) => ({ ...p, [f.port]: { state: 'running' } }));
        const row = await runtime.probePort(n, HOST, f.port);
        setProbes((p) => ({ ...p, [f.port]: { state: 'done', row } }));
      }
      setProgress(`Done: ${PORT_FACTS.length} ports tried.`);
    } finally {
      setRunning(false);
    }
  };

  const openConsole = (port: number): void => {
    setSessionId(null);
    // The open row's button closes its console again.
    if (open?.row === port) return setOpen(null);
    if (live.on) {
      const target = liveTarget(live, port);
      if ('error' in target) {
        setProgress(target.error);
        hostField.current?.focus();
        return;
      }
      setProgress('');
      setOpen({ row: port, live: target });
      return;
    }
    setOpen({ row: port, live: null });
    void ensureNetwork();
  };

  return (
    <div className="mw-ports" data-testid="ports-explorer" data-ready={hydrated}>
      <div className="mw-ports__actions">
        <button type="button" className="mw-button" onClick={() => void tryAll()} disabled={running} data-testid="try-all">
          {running ? 'Trying…' : 'Try all'}
        </button>
        <LiveSwitch settings={live} onChange={setLive} hostRef={hostField} />
        <p role="status" aria-live="polite" className="mw-ports__progress">{progress}</p>
      </div>
      <div className="mw-ports__scroll" role="region" aria-labelledby="mw-ports-caption" tabIndex={0}>
        <table className="mw-ports__table">
          <caption id="mw-ports-caption">The mail ports of mail.example.com; the last column fills in when you press Try all</caption>
          <thead>
            <tr>
              <th scope="col">Port</th>
              <th scope="col">TLS and registry</th>
              <th scope="col">In the real world</th>
              <th scope="col">What the server did</th>
            </tr>
          </thead>
          <tbody>
            {PORT_FACTS.map((f) => (
              <Fragment key={f.port}>
                <Row facts={f} probe={probes[f.port]} onOpen={() => openConsole(f.port)} isOpen={open?.row === f.port} />
                {open?.row === f.port && (
                  <tr className="mw-ports__console-row" data-testid="ports-console-row">
                    <td colSpan={4}>
                      <Console open={open} network={network} onSession={setSessionId} sessionId={sessionId} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * The console Open asked for, right under its row: its heading scrolls into view as it appears,
 * and the command line takes the focus (and scrolls into view) once the connection is open.
 */
function Console({ open, network, sessionId, onSession }: { open: Opened; network: VirtualNetwork | null; sessionId: string | null; onSession: (id: string | null) => void }) {
  const ref = useRef<HTMLElement>(null);
  // Its heading comes into view at once (no smooth scroll: the focus moving to the command line
  // a moment later scrolls too, and the two must not race).
  useEffect(() => {
    ref.current?.querySelector('h2')?.scrollIntoView({ block: 'nearest' });
  }, [open]);
  if (open.live === null) {
    return (
      <section ref={ref} id={consoleId(open.row)} className="mw-ports__console" aria-label={`Console on port ${open.row}`} data-testid="ports-console">
        <h2 id="console">Port {open.row} on {HOST}</h2>
        <div className="mw-lab__split">
          <ClientConsole key={open.row} network={network} host={HOST} port={open.row} autoConnect focusWhenOpen onSession={onSession} />
          <WireView network={network} sessionId={sessionId} heading="What the wire carries" />
        </div>
      </section>
    );
  }
  const live = open.live;
  return (
    <section ref={ref} id={consoleId(open.row)} className="mw-ports__console" aria-label={`Live console on ${live.host} port ${live.port}`} data-testid="ports-console">
      <h2 id="console">
        Port {live.port} on {live.host} (live, as port {open.row})
      </h2>
      <p className="mw-ports__hint">
        Through the bridge relay, with {live.implicitTls ? 'TLS from the first byte' : 'plaintext first; type STARTTLS (or STLS) and the console starts TLS once the server agrees'}.
        Below the console, the wire as the relay and any observer see it, with the handshake your page decrypted.
      </p>
      <ClientConsole
        key={`${live.host}:${live.port}:${open.row}`}
        network={null}
        live
        host={live.host}
        port={live.port}
        implicitTls={live.implicitTls}
        protocol={portSpec(open.row)?.protocol}
        autoConnect
        focusWhenOpen
      />
    </section>
  );
}

const consoleId = (port: number): string => `ports-console-${port}`;

function Row({ facts: f, probe, onOpen, isOpen }: { facts: PortFacts; probe: Probe | undefined; onOpen: () => void; isOpen: boolean }) {
  const done = probe?.state === 'done' ? probeText(probe.row) : null;
  const pending = probe && probe.state !== 'done' ? (probe.state === 'running' ? 'connecting…' : 'waiting') : 'not tried yet';
  return (
    <tr data-port={f.port} data-testid="port-row">
      <th scope="row">
        <span className="mw-ports__port">{f.port}</span>
        <span className="mw-ports__meta">
          {f.protocol.toUpperCase()}, {ROLE_TEXT[f.role]}
        </span>
        <span className={`mw-ports__std mw-ports__std--${f.standard ? 'yes' : 'no'}`}>{f.standard ? 'standard' : 'unofficial'}</span>
        <button
          type="button"
          className={`mw-button${isOpen ? '' : ' mw-button--quiet'}`}
          onClick={onOpen}
          aria-label={isOpen ? `Close the console on port ${f.port}` : `Open a console on port ${f.port}`}
          aria-expanded={isOpen}
          {...(isOpen ? { 'aria-controls': consoleId(f.port) } : {})}
        >
          {isOpen ? 'Close' : 'Open'}
        </button>
      </th>
      <td data-label="TLS and registry">
        <strong>{TLS_TEXT[f.tls]}</strong> <small><CitedText text={f.tlsRfc} /></small>
        <br />
        {f.iana ? (
          <>
            IANA: <code>{f.iana.service}</code>, {f.iana.description}
            {f.iana.references.length > 0 && <small> [<CitedText text={f.iana.references.join('][')} />]</small>}
          </>
        ) : (
          <>IANA: <em>no mail service registered</em></>
        )}
      </td>
      <td data-label="In the real world"><CitedText text={f.status} /></td>
      <td data-label="What the server did" className="mw-ports__result" data-state={probe?.state ?? 'idle'}>
        {done ? (
          <dl>
            <dt>Banner</dt>
            <dd data-testid="probe-banner" data-state="done" data-status={probe?.state === 'done' ? probe.row.status : ''}>
              <code>{done.banner}</code>
            </dd>
            <dt>TLS</dt>
            <dd data-testid="probe-tls">{done.tls}</dd>
            <dt>AUTH before TLS</dt>
            <dd data-testid="probe-auth">{done.auth}</dd>
          </dl>
        ) : (
          <span data-testid="probe-banner" data-state={probe?.state ?? 'idle'}>{pending}</span>
        )}
      </td>
    </tr>
  );
}
