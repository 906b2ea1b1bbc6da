/**
 * The server's protocol state for the followed terminal: the diagram with the current state and the
 * commands allowed here (a click puts one on the prompt). A refusal's rule is ./RuleCallout.tsx,
 * shown beside the terminal.
 */
import type { PageWorld } from '../../world/page-network.ts';
import { allowedHere, stateGraph } from './state-graph.ts';
import StateDiagram from './StateDiagram.tsx';
import ExportCommands, { exportInput } from './ExportCommands.tsx';
import { useFocusedSession, useFocusedTerminal } from './hooks.ts';
import { terminalHandle } from './terminal-handles.ts';

export default function StatePanel({ world }: { world: PageWorld }) {
  const session = useFocusedSession(world);
  const terminalId = useFocusedTerminal();
  if (!session) {
    return <p className="lab-note">Connect a terminal (for example <code>/connect mail.example.org 25</code>) to see the server's state machine.</p>;
  }
  const allowed = session.closed ? [] : allowedHere(session.protocol, session.state);
  const out = stateGraph(session.protocol).edges.filter((e) => e.from === session.state);
  return (
    <div className="lab-state" data-state={session.state}>
      <p>
        <code>{session.host}:{session.port}</code> ({session.protocol.toUpperCase()}) is in state{' '}
        <strong className="lab-state__current" data-testid="current-state">{session.state}</strong>
        {session.closed && ' — the connection is closed'}.
      </p>
      <ExportCommands session={exportInput(session.protocol, session.host, session.port, session.lines)} />
      <StateDiagram protocol={session.protocol} current={session.state} />
      {allowed.length > 0 && (
        <div>
          <h4 id="lab-allowed">Commands allowed here</h4>
          <ul className="lab-chips" aria-labelledby="lab-allowed">
            {allowed.map((c) => (
              <li key={c.verb}>
                <button type="button" title={c.syntax ? `${c.syntax} — put it on the prompt` : 'Put it on the prompt'} onClick={() => terminalHandle(terminalId)?.put(c.template)}>
                  {c.verb}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {out.length > 0 && (
        <details>
          <summary>Where each command leads from here</summary>
          <ul>
            {out.map((e) => (
              <li key={`${e.from}>${e.to}`}>
                {e.label} → <code>{e.to}</code> ({e.rfc})
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
