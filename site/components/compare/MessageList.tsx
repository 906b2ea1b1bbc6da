/** A mailbox as a device or the server holds it: folders, and per message its read state. */
import type { FolderRows } from './views.ts';

interface Props {
  folders: FolderRows[];
  /** POP3's server side has no read state to show (RFC 1939 has no flags). */
  showRead: boolean;
  empty: string;
}

export function MessageList({ folders, showRead, empty }: Props) {
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
                <li key={m.key} data-seen={showRead ? String(m.seen) : undefined} data-key={m.key}>
                  {showRead && (
                    <span className={m.seen ? 'mw-cmp-read' : 'mw-cmp-unread'}>
                      <span aria-hidden="true">{m.seen ? '○' : '●'}</span>
                      <span className="sr-only">{m.seen ? 'read' : 'unread'}</span>
                    </span>
                  )}{' '}
                  <span className="mw-cmp-subject">{m.subject}</span>
                  {m.onlyLocal && <span className="mw-cmp-badge" data-tone="warn">only copy</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
    </ul>
  );
}
