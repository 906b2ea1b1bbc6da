/**
 * The followed session's lines, each token explained on hover, tap or keyboard focus (the
 * explanations are simulator/explain's, shared with the reference pages), with the wire details
 * (line ends, continuation lines, dot-stuffing, literals, base64 decoded) shown on demand. The
 * newest exchange is explained without a click; the list follows the session like a chat log
 * (it stays put while the learner has scrolled up to read).
 */
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { commandVerb, explainLine, type Explanation, type LineContext, type Span } from '../../../simulator/explain/index.ts';
import type { PageWorld } from '../../world/page-network.ts';
import type { TrackedLine, TrackedSession } from '../../world/session-tracker.ts';
import { useFocusedSession } from './hooks.ts';
import NewestLine from './NewestLine.tsx';
import CaptureDownload from './CaptureDownload.tsx';
import RfcLink from '../rfc/RfcLink.tsx';

/** Lines shown: the latest ones (the terminal keeps the whole transcript). */
const SHOWN = 120;

function contextFor(line: TrackedLine, lastCommand: string | undefined): LineContext {
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

interface WireLineProps {
  protocol: TrackedSession['protocol'];
  line: TrackedLine;
  command: string | undefined;
  details: boolean;
  onExplain: (e: Explanation, span: Span) => void;
}

/**
 * One line, re-rendered only when it or how it is shown changes: the panel re-renders on every
 * move of the session, and explaining all its lines again each time was most of that work.
 */
const WireLine = memo(function WireLine({ protocol, line, command, details, onExplain }: WireLineProps) {
  const spans = explainLine(protocol, line.text, line.direction, contextFor(line, command));
  return (
    <li className={`lab-wire__line lab-wire__line--${line.direction}`}>
      <span className="lab-wire__who" aria-label={line.direction === 'client' ? 'client' : 'server'}>{line.direction === 'client' ? 'C:' : 'S:'}</span>{' '}
      {spans.map((s, i) => (
        <Token key={i} span={s} details={details} onExplain={onExplain} />
      ))}
      {details && <span className={`lab-wire__end${line.ending === 'lf' ? ' is-bare' : ''}`}>{line.ending === 'crlf' ? 'CRLF' : 'LF only (bare LF)'}</span>}
    </li>
  );
});

/** Within this many pixels of the bottom, the list counts as following the session. */
const PINNED = 24;

export default function WirePanel({ world }: { world: PageWorld }) {
  const session = useFocusedSession(world);
  const [details, setDetails] = useState(false);
  const [shown, setShown] = useState<{ e: Explanation; token: string; newest: TrackedLine | undefined } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const newest = session?.lines.at(-1);
  const newestRef = useRef(newest);
  newestRef.current = newest;
  const onExplain = useCallback((e: Explanation, span: Span): void => setShown({ e, token: span.text, newest: newestRef.current }), []);
  useLayoutEffect(() => {
    const el = list.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [newest, session?.id, details]);
  if (!session) return <p className="lab-note">The lines of the connected terminal's session appear here, explained.</p>;
  const lines = session.lines.slice(-SHOWN);
  let command: string | undefined;
  // A token chosen by the learner stays explained until the session moves on.
  const chosen = shown && shown.newest === newest ? shown : null;
  const onScroll = (): void => {
    const el = list.current;
    if (el) pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < PINNED;
  };
  return (
    <div className="lab-wire">
      <div className="lab-explain" data-testid="explanation">
        <div aria-live="polite">
          {chosen && (
            <>
              <p>
                <code>{chosen.token}</code> — <strong>{chosen.e.title}</strong>
              </p>
              <p>{chosen.e.meaning}</p>
              <p>
                <RfcLink r={chosen.e.rfc} />
              </p>
            </>
          )}
        </div>
        {!chosen && <NewestLine session={session} />}
        <p className="lab-note">Point at, tap or Tab to a highlighted token below to see what it means.</p>
      </div>
      <label className="lab-toggle">
        <input type="checkbox" checked={details} onChange={(ev) => setDetails(ev.target.checked)} /> Show wire details (line ends, decoded base64)
      </label>
      <CaptureDownload world={world} sessionId={session.id} />
      <ol className="lab-wire__lines" aria-label="Session lines" ref={list} onScroll={onScroll} tabIndex={0}>
        {lines.map((line, i) => {
          if (line.direction === 'client' && line.state !== 'data' && line.state !== 'auth') command = commandVerb(session.protocol, line.text);
          return <WireLine key={`${session.id}-${session.lines.length - lines.length + i}`} protocol={session.protocol} line={line} command={command} details={details} onExplain={onExplain} />;
        })}
      </ol>
    </div>
  );
}
