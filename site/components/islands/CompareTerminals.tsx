/**
 * "Compare with the simulator": the same typed lines, run against a virtual server and a live
 * one (through the relay), with the two transcripts side by side. The engines, the bridge and
 * the runner load only when the learner presses Run.
 */
import { useEffect, useState, type SubmitEvent } from 'react';
import type { Connector } from '../../../simulator/transport.ts';
import type { CompareLine } from '../../terminal/compare.ts';
import { portSpec, type MailProtocol } from '../../../simulator/world/ports.ts';
import ExportCommands, { exportInput } from '../lab/ExportCommands.tsx';
import './CompareTerminals.css';

export interface CompareTerminalsProps {
  /** The virtual server (default mail.example.com) and its port (default 143). */
  simHost?: string;
  simPort?: number;
  /** The live server (default localhost) and its port (default: the simulator's). */
  liveHost?: string;
  livePort?: number;
  /** The relay for the live side; unset: the learner's /relay setting. */
  relayUrl?: string;
  /** The lines to run, one a line (the learner can edit them); default: a short session of the port's protocol. */
  script?: string;
  /** Go on when the live certificate is not trusted (the learner can tick it). */
  acceptUntrusted?: boolean;
  /**
   * The virtual network to run on, when mounted from React (the lab's own world); unset: a
   * fresh default world, loaded on Run.
   */
  simConnector?: Connector;
}

const SCRIPTS: Record<MailProtocol, string> = {
  imap: 'a1 CAPABILITY\na2 STARTTLS\na3 CAPABILITY\na4 LOGOUT',
  pop3: 'CAPA\nSTLS\nCAPA\nQUIT',
  smtp: 'EHLO laptop.example\nSTARTTLS\nEHLO laptop.example\nQUIT',
};

type Side = { title: string; lines: readonly CompareLine[] };

const PREFIX: Record<CompareLine['direction'], string> = { client: 'C: ', server: 'S: ', note: '# ' };

export default function CompareTerminals(props: CompareTerminalsProps) {
  const [simHost, setSimHost] = useState(props.simHost ?? 'mail.example.com');
  const [simPort, setSimPort] = useState(String(props.simPort ?? 143));
  const [liveHost, setLiveHost] = useState(props.liveHost ?? 'localhost');
  const [livePort, setLivePort] = useState(String(props.livePort ?? props.simPort ?? 143));
  const [script, setScript] = useState(props.script ?? SCRIPTS[portSpec(props.simPort ?? 143)?.protocol ?? 'imap']);
  const [untrusted, setUntrusted] = useState(props.acceptUntrusted ?? false);
  // The page loads this island when it scrolls into view: until then the button stays disabled, so
  // a quick click (or Enter) does not submit the form natively and reload the page.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [sides, setSides] = useState<[Side, Side] | null>(null);
  const [status, setStatus] = useState('');
  const [liveTarget, setLiveTarget] = useState<{ host: string; port: number; protocol: MailProtocol | null } | null>(null);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const lines = script.split(/\r?\n/).filter((l) => l.trim() !== '');
    const bad = [simPort, livePort].find((p) => !/^\d{1,5}$/.test(p) || Number(p) < 1 || Number(p) > 65535);
    if (bad !== undefined) {
      setStatus(`"${bad}" is not a port number (1-65535).`);
      return;
    }
    setStatus('Running on both servers…');
    // A live server on an unusual port speaks what the script was written for: the simulator port's protocol.
    setLiveTarget({ host: liveHost, port: Number(livePort), protocol: portSpec(Number(livePort))?.protocol ?? portSpec(Number(simPort))?.protocol ?? null });
    const run = { simHost, simPort: Number(simPort), liveHost, livePort: Number(livePort), relayUrl: props.relayUrl, lines, untrusted, simConnector: props.simConnector };
    void runBoth(run, setSides)
      .then(() => setStatus('Done: the two transcripts are below.'))
      .catch((error: unknown) => setStatus(`Could not run: ${String(error)}`));
  };

  return (
    <section className="mw-compare" aria-label="Compare with the simulator">
      <form className="mw-compare__form" onSubmit={onSubmit}>
        <fieldset>
          <legend>Simulator</legend>
          <label>Host <input value={simHost} onChange={(e) => setSimHost(e.target.value)} autoComplete="off" spellCheck={false} /></label>
          <label>Port <input value={simPort} onChange={(e) => setSimPort(e.target.value)} inputMode="numeric" size={5} /></label>
        </fieldset>
        <fieldset>
          <legend>Live server (through the relay)</legend>
          <label>Host <input value={liveHost} onChange={(e) => setLiveHost(e.target.value)} autoComplete="off" spellCheck={false} /></label>
          <label>Port <input value={livePort} onChange={(e) => setLivePort(e.target.value)} inputMode="numeric" size={5} /></label>
        </fieldset>
        <label className="mw-compare__script">
          Lines to type, one a line
          <textarea value={script} onChange={(e) => setScript(e.target.value)} rows={5} spellCheck={false} />
        </label>
        <label className="mw-compare__check">
          <input type="checkbox" checked={untrusted} onChange={(e) => setUntrusted(e.target.checked)} /> Go on if the live
          certificate is not trusted
        </label>
        <button type="submit" disabled={!hydrated}>Run on both</button>
      </form>
      <p role="status" className="mw-compare__status">{status}</p>
      {sides && (
        <div className="mw-compare__columns">
          {sides.map((side, i) => {
            const protocol = liveTarget?.protocol;
            return (
              <section key={side.title} aria-label={side.title}>
                <h3>{side.title}</h3>
                {i === 1 && liveTarget && protocol && side.lines.length > 0 && (
                  <ExportCommands session={exportInput(protocol, liveTarget.host, liveTarget.port, side.lines)} />
                )}
                <pre className="mw-compare__transcript">
                  {side.lines.map((l, j) => (
                    <span key={j} className={`mw-compare__line mw-compare__line--${l.direction}`}>{PREFIX[l.direction] + l.text + '\n'}</span>
                  ))}
                </pre>
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

interface Run {
  simHost: string;
  simPort: number;
  liveHost: string;
  livePort: number;
  relayUrl: string | undefined;
  lines: string[];
  untrusted: boolean;
  simConnector: Connector | undefined;
}

async function runBoth(run: Run, show: (sides: [Side, Side]) => void): Promise<void> {
  const [{ runScript }, { createVirtualConnector }, { BridgeConnector }, { relayUrlOf }, { pageStorage }] = await Promise.all([
    import('../../terminal/compare.ts'),
    import('../../terminal/virtual-connector.ts'),
    import('../../../simulator/transports/bridge.ts'),
    import('../../terminal/relay-setting.ts'),
    import('../../browser/page-storage.ts'),
  ]);
  const relay = run.relayUrl ?? relayUrlOf(pageStorage());
  const sides: [Side, Side] = [
    { title: `Simulator: ${run.simHost} port ${run.simPort}`, lines: [] },
    { title: `Live: ${run.liveHost} port ${run.livePort} (relay ${relay})`, lines: [] },
  ];
  const update = (i: 0 | 1) => (lines: readonly CompareLine[]) => {
    sides[i] = { ...sides[i], lines: [...lines] };
    show([sides[0], sides[1]]);
  };
  const tlsFor = (port: number) => (portSpec(port)?.tls === 'implicit' ? 'implicit' : 'none') as 'implicit' | 'none';
  const protocolOf = (port: number) => portSpec(port)?.protocol ?? null;
  show(sides);
  await Promise.all([
    runScript((run.simConnector ?? createVirtualConnector()).connect(run.simHost, run.simPort, { tls: tlsFor(run.simPort) }), run.lines, {
      host: run.simHost,
      protocol: protocolOf(run.simPort),
      onUpdate: update(0),
    }),
    runScript(new BridgeConnector(relay).connect(run.liveHost, run.livePort, { tls: tlsFor(run.livePort) }), run.lines, {
      host: run.liveHost,
      protocol: protocolOf(run.livePort),
      acceptUntrusted: run.untrusted,
      onUpdate: update(1),
    }),
  ]);
}
