/**
 * The wire lab: pick a port, put an attacker on the path, choose how careful the client is, and
 * run the simulator's scripted mail client (simulator/scenarios/attack-scenarios.ts), its STARTTLS
 * injection demo (attack-injection.ts), or type the protocol yourself, while the wire view shows
 * what the attacker sees. The engines load after the first paint (use-wire-network.ts).
 */
import { useEffect, useState } from 'react';
import { observeSession } from '../../../simulator/scenarios/attack-observer.ts';
import ClientConsole from './ClientConsole.tsx';
import ScenarioControls from './ScenarioControls.tsx';
import WireView from './WireView.tsx';
import { attackOf, DEFAULT_SCENARIO, hasStarttls, outcomeText, type Scenario } from './scenario.ts';
import { useWireNetwork } from './use-wire-network.ts';
import './wire.css';

const HOST = 'mail.example.com';

/** What the last scripted run left to show. */
interface RunView {
  kind: 'login' | 'injection';
  client: string;
  /** One sentence for the attacker's (or the server's) side. */
  verdict: string;
  /** 'plaintext' | 'tls' | 'refused' | 'failed' | 'safe' | 'vulnerable': for colour and tests. */
  outcome: string;
  transcript: string[];
}

export default function WireLab() {
  const { network, runtime, failed } = useWireNetwork();
  const [scenario, setScenario] = useState<Scenario>(DEFAULT_SCENARIO);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [run, setRun] = useState<RunView | null>(null);
  const [running, setRunning] = useState(false);
  const [mode, setMode] = useState<'script' | 'console'>('script');

  // The admin's switch on the virtual hosts (HostSettings.plaintextAuth), set before anything connects.
  useEffect(() => {
    if (network) for (const host of network.world.hosts) host.settings.plaintextAuth = scenario.legacyServer;
  }, [network, scenario.legacyServer]);
  const attack = attackOf(scenario);
  const connectOptions = { certificatePolicy: scenario.certificatePolicy, attack };

  const act = async (work: () => Promise<RunView & { sessionId: string | null }>): Promise<void> => {
    setRunning(true);
    setRun(null);
    try {
      const { sessionId: id, ...view } = await work();
      setRun(view);
      setSessionId(id);
    } finally {
      setRunning(false);
    }
  };

  const runLogin = (): Promise<void> =>
    act(async () => {
      const r = await runtime!.runAttackScenario(network!, { host: HOST, port: scenario.port, policy: scenario.tlsPolicy, certificatePolicy: scenario.certificatePolicy, attack });
      const session = network!.sessions.find((s) => s.id === r.sessionId);
      // The password crossed in the clear whenever an observer could read it, whatever the server then said.
      const leaked = session ? observeSession(session).credentials.length > 0 : false;
      const outcome = leaked ? 'plaintext' : r.login.outcome === 'logged-in' ? 'tls' : r.login.outcome === 'refused-by-client' ? 'refused' : 'failed';
      const client = leaked && r.login.outcome !== 'logged-in' ? `${outcomeText(r.login)} But the password had already crossed the wire in plaintext.` : outcomeText(r.login);
      return { kind: 'login', sessionId: r.sessionId, client, verdict: `Attacker: ${r.verdict}.`, outcome, transcript: r.transcript };
    });

  const runInjection = (): Promise<void> =>
    act(async () => {
      const r = await runtime!.starttlsInjection(network!, HOST, scenario.port);
      return {
        kind: 'injection', sessionId: r.sessionId, outcome: r.discarded ? 'safe' : 'vulnerable',
        client: `The attacker sent "${r.packet.replace(/\r\n/g, '\\r\\n')}" as one plaintext packet.`, verdict: `Server: ${r.explanation}.`, transcript: r.transcript,
      };
    });

  const ready = network !== null && runtime !== null;
  return (
    <div className="mw-lab" data-testid="wire-lab" data-ready={ready}>
      {failed && <p role="alert">The virtual network could not load. Reload the page to try again.</p>}
      <ScenarioControls scenario={scenario} onChange={setScenario} />
      <div className="mw-lab__split">
        <div className="mw-lab__client">
          <div role="group" aria-label="Who drives the client" className="mw-console__actions">
            <button type="button" className={`mw-button${mode === 'script' ? '' : ' mw-button--quiet'}`} aria-pressed={mode === 'script'} onClick={() => setMode('script')}>
              Scripted mail client
            </button>
            <button type="button" className={`mw-button${mode === 'console' ? '' : ' mw-button--quiet'}`} aria-pressed={mode === 'console'} onClick={() => setMode('console')}>
              Type it yourself
            </button>
          </div>
          {mode === 'script' ? (
            <section className="mw-console" aria-label="Scripted mail client" data-testid="script-panel">
              <p>
                The client connects to port {scenario.port}, asks for the capabilities, starts TLS if it can
                {scenario.tlsPolicy === 'strict' ? ' (and stops if it cannot)' : ' (and carries on without it if it cannot)'}, logs in and says goodbye.
              </p>
              <div className="mw-console__actions">
                <button type="button" className="mw-button" onClick={() => void runLogin()} disabled={!ready || running} data-testid="run-client">
                  {running ? 'Running…' : 'Run the mail client'}
                </button>
                <button type="button" className="mw-button mw-button--quiet" onClick={() => void runInjection()} disabled={!ready || running || !hasStarttls(scenario.port)} data-testid="run-injection">
                  Run the STARTTLS injection demo
                </button>
              </div>
              {!hasStarttls(scenario.port) && <p><small>Port {scenario.port} starts with TLS: there is no STARTTLS to strip or to inject after.</small></p>}
              {run && <RunResult run={run} />}
            </section>
          ) : (
            <ClientConsole key={`${scenario.port}`} network={network} host={HOST} port={scenario.port} options={connectOptions} onSession={setSessionId} />
          )}
        </div>
        <WireView network={network} sessionId={sessionId} heading="What the wire carries" headingLevel={2} />
      </div>
    </div>
  );
}

function RunResult({ run }: { run: RunView }) {
  return (
    <>
      <div className={`mw-lab__outcome mw-lab__outcome--${run.outcome}`} role="status" data-testid="client-outcome" data-outcome={run.outcome}>
        <p>{run.client}</p>
        <p>{run.verdict}</p>
      </div>
      <div className="mw-console__log" role="log" aria-label="The client's side of the conversation" tabIndex={0}>
        <ol className="mw-console__lines">
          {run.transcript.map((line, i) => (
            <li key={i} className={lineClass(line)}>{line.replace(/^(C|S): |^-- /, '')}</li>
          ))}
        </ol>
      </div>
    </>
  );
}

function lineClass(line: string): string {
  if (line.startsWith('C: ')) return 'mw-console__line--sent';
  if (line.startsWith('S: ')) return 'mw-console__line--received';
  return /^-- error/.test(line) ? 'mw-console__line--error' : 'mw-console__line--note';
}
