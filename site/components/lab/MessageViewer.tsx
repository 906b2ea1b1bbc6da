/** One stored message: its header fields (trace fields explained), its body and its MIME structure. */
import { useState } from 'react';
import { parseMessage, type MimePart } from '../../../simulator/mime/index.ts';
import type { StoredMessage } from '../../../simulator/store/types.ts';
import { traceHeader } from '../../world/trace-headers.ts';
import { bodyParts, type BodyPart } from './message-body.ts';

function Body({ part, only }: { part: BodyPart; only: boolean }) {
  const shown = part.show !== 'other' && part.text !== null;
  return (
    <>
      {(!only || !shown) && (
        <p className="lab-note">
          {!only && `Part ${part.section}: `}<code>{part.type}</code>
          {part.show === 'html' && ', shown as its source (not rendered)'}
          {!shown && `, ${part.size} octets, not shown here`}
        </p>
      )}
      {shown && <pre className="lab-body" tabIndex={0} data-testid="message-body">{part.text}</pre>}
      {part.truncated && <p className="lab-note">Cut after {part.text?.length} characters.</p>}
    </>
  );
}

/**
 * One header field: its name, its value, and for a trace field a toggle in the name's cell whose
 * explanation opens across the whole row, so it is plain which field it explains.
 */
function HeaderRow({ name, value, id }: { name: string; value: string; id: string }) {
  const trace = traceHeader(name);
  const [open, setOpen] = useState(false);
  return (
    <div className={`lab-headers__row${trace ? ' is-trace' : ''}`} data-header={name}>
      <dt>
        {name}
        {trace && (
          <button type="button" className="lab-headers__why" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'What is this?'}<span className="sr-only"> ({name})</span>
          </button>
        )}
      </dt>
      <dd className="lab-headers__value">{value}</dd>
      {trace && (
        <dd className="lab-headers__explain" id={id} hidden={!open}>
          <strong>{trace.title}.</strong> {trace.meaning} <a href={trace.url}>{trace.rfc}</a>
        </dd>
      )}
    </div>
  );
}

function Structure({ part, depth = 0 }: { part: MimePart; depth?: number }) {
  const charset = part.params['charset'] ? `; charset=${part.params['charset']}` : '';
  const name = part.params['name'] ?? part.disposition?.params['filename'];
  return (
    <li>
      <code>{part.type}/{part.subtype}{charset}</code> · {part.encoding} · {part.size} octets{name ? ` · ${name}` : ''}
      {part.parts.length > 0 && (
        <ul>
          {part.parts.map((p, i) => (
            <Structure key={i} part={p} depth={depth + 1} />
          ))}
        </ul>
      )}
      {part.message && (
        <ul>
          <Structure part={part.message} depth={depth + 1} />
        </ul>
      )}
    </li>
  );
}

export default function MessageViewer({ message, onClose }: { message: StoredMessage; onClose: () => void }) {
  const root = parseMessage(message.raw);
  const parts = bodyParts(root);
  return (
    <section className="lab-message" aria-label={`Message UID ${message.uid}`} data-testid="message-viewer">
      <div className="lab-row">
        <h4>Message UID {message.uid}</h4>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      <h5>Header fields</h5>
      <dl className="lab-headers">
        {root.header.map((h, i) => (
          <HeaderRow key={i} name={h.name} value={h.value} id={`mw-h-${message.uid}-${i}`} />
        ))}
      </dl>
      <h5>Body</h5>
      {parts.map((p) => (
        <Body key={p.section} part={p} only={parts.length === 1} />
      ))}
      <h5>MIME structure</h5>
      <ul className="lab-mime">
        <Structure part={root} />
      </ul>
    </section>
  );
}
