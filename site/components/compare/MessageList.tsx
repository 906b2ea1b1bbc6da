/** A mailbox as a device or the server holds it: folders, and per message its read state. */
import type { FolderRows } from './views.ts';
import type { Change } from './changes.ts';

interface Props {
  folders: FolderRows[];
  /** POP3's server side has no read state to show (RFC 1939 has no flags). */
  showRead: boolean;
  empty: string;
  /** What the last step or button changed: those messages are marked. */
  changed?: Change;
}

export function MessageList({ folders, showRead, empty, changed }: Props) {
  const how = (key: string): 'new' | 'updated' | undefined => (changed?.added.has(key) ? 'new' : changed?.updated.has(key) ? 'updated' : undefined);
  const total = folders.reduce((n, f) => n + f.messages.length, 0);
  if (total === 0) return <p className="mw-cmp-empty">{empty}</p>;
  return (
    <ul className="mw-cmp-folders">
      {folders
        .filter((f) => f.messages.length > 0)
        .map((f) => (
          <li key={f.name}>
            <span className="mw-cmp-folder">
              {f.name} <span className="mw-cmp-count">({f.messages.length})</span>
            </span>
            <ul className="mw-cmp-messages">
              {f.messages.map((m) => (
                <li key={m.key} data-seen={showRead ? String(m.seen) : undefined} data-key={m.key} data-changed={how(m.key)}>
                  {showRead && (
                    <span className={m.seen ? 'mw-cmp-read' : 'mw-cmp-unread'}>
                      <span aria-hidden="true">{m.seen ? '○' : '●'}</span>
                      <span className="sr-only">{m.seen ? 'read' : 'unread'}</span>
                    </span>
                  )}{' '}
                  <span className="mw-cmp-subject">{m.subject}</span>
                  {m.onlyLocal && <span className="mw-cmp-badge" data-tone="warn">only copy</span>}
                  {how(m.key) && <span className="sr-only"> ({how(m.key)})</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
    </ul>
  );
}
