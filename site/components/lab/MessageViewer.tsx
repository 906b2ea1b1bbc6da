/** One stored message: its header fields (trace fields explained) and its MIME structure. */
import { parseMessage, type MimePart } from '../../../simulator/mime/index.ts';
import type { StoredMessage } from '../../../simulator/store/types.ts';
import { traceHeader } from '../../world/trace-headers.ts';

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
  return (
    <section className="lab-message" aria-label={`Message UID ${message.uid}`} data-testid="message-viewer">
      <div className="lab-row">
        <h4>Message UID {message.uid}</h4>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      <h5>Header fields</h5>
      <dl className="lab-headers">
        {root.header.map((h, i) => {
          const trace = traceHeader(h.name);
          return (
            <div key={i} className={trace ? 'is-trace' : undefined}>
              <dt>{h.name}</dt>
              <dd>
                <span className="lab-headers__value">{h.value}</span>
                {trace && (
                  <details>
                    <summary>{trace.title}</summary>
                    <p>{trace.meaning} <a href={trace.url}>{trace.rfc}</a></p>
                  </details>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <h5>MIME structure</h5>
      <ul className="lab-mime">
        <Structure part={root} />
      </ul>
    </section>
  );
}
