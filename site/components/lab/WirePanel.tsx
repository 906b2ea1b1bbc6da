/**
 * The followed session's lines, each token explained on hover, tap or keyboard focus (the
 * explanations are simulator/explain's, shared with the reference pages), with the wire details
 * (line ends, continuation lines, dot-stuffing, literals, base64 decoded) shown on demand.
 */
import { useState } from 'react';
import { commandVerb, explainLine, type Explanation, type LineContext, type Span } from '../../../simulator/explain/index.ts';
import RfcLink from '../rfc/RfcLink.tsx';
import type { PageWorld } from '../../world/page-network.ts';
import type { TrackedLine, TrackedSession } from '../../world/session-tracker.ts';
import { useFocusedSession } from './hooks.ts';

/** Lines shown: the latest ones (the terminal keeps the whole transcript). */
const SHOWN = 120;

function contextFor(session: TrackedSession, line: TrackedLine, lastCommand: string | undefined): LineContext {
  if (line.direction === 'client') return { inData: line.state === 'data', inAuth: line.state === 'auth' };
  return lastCommand ? { command: lastCommand } : {};
}

function Token({ span, details, onExplain }: { span: Span; details: boolean; onExplain: (e: Explanation, span: Span) => void }) {
  const text = <span className={`lab-tok lab-tok--${span.kind}`}>{span.text}</span>;
  const decoded = details && span.decoded !== undefined ? <span className="lab-wire__decoded"> [{span.decoded}]</span> : null;
  if (!span.explanation) return <>{text}{decoded}</>;
  const e = span.explanation;
  return (
    <>
      <button type="button" className="lab-tok-button" title={`${e.title}`} onMouseEnter={() => onExplain(e, span)} onFocus={() => onExplain(e, span)} onClick={() => onExplain(e, span)}>
        {text}
      </button>
      {decoded}
    </>
  );
}

function WireLine({ session, line, command, details, onExplain }: { session: TrackedSession; line: TrackedLine; command: string | undefined; details: boolean; onExplain: (e: Explanation, span: Span) => void }) {
  const spans = explainLine(session.protocol, line.text, line.direction, contextFor(session, line, command));
  return (
    <li className={`lab-wire__line lab-wire__line--${line.direction}`}>
      <span className="lab-wire__who" aria-label={line.direction === 'client' ? 'client' : 'server'}>{line.direction === 'client' ? 'C:' : 'S:'}</span>{' '}
      {spans.map((s, i) => (
        <Token key={i} span={s} details={details} onExplain={onExplain} />
      ))}
      {details && <span className={`lab-wire__end${line.ending === 'lf' ? ' is-bare' : ''}`}>{line.ending === 'crlf' ? 'CRLF' : 'LF only (bare LF)'}</span>}
    </li>
  );
}

export default function WirePanel({ world }: { world: PageWorld }) {
  const session = useFocusedSession(world);
  const [details, setDetails] = useState(false);
  const [shown, setShown] = useState<{ e: Explanation; token: string } | null>(null);
  if (!session) return <p className="lab-note">The lines of the connected terminal's session appear here, explained.</p>;
  const lines = session.lines.slice(-SHOWN);
  let command: string | undefined;
  const onExplain = (e: Explanation, span: Span): void => setShown({ e, token: span.text });
  return (
    <div className="lab-wire">
      <label className="lab-toggle">
        <input type="checkbox" checked={details} onChange={(ev) => setDetails(ev.target.checked)} /> Show wire details (line ends, decoded base64)
      </label>
      <ol className="lab-wire__lines" aria-label="Session lines">
        {lines.map((line, i) => {
          if (line.direction === 'client' && line.state !== 'data' && line.state !== 'auth') command = commandVerb(session.protocol, line.text);
          return <WireLine key={`${session.id}-${session.lines.length - lines.length + i}`} session={session} line={line} command={command} details={details} onExplain={onExplain} />;
        })}
      </ol>
      <div className="lab-explain" aria-live="polite" data-testid="explanation">
        {shown ? (
          <>
            <p>
              <code>{shown.token}</code> — <strong>{shown.e.title}</strong>
            </p>
            <p>{shown.e.meaning}</p>
            <p>
              <RfcLink r={shown.e.rfc} />
            </p>
          </>
        ) : (
          <p className="lab-note">Point at, tap or Tab to a highlighted token to see what it means.</p>
        )}
      </div>
    </div>
  );
}
