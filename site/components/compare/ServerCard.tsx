/** The account on the server, as the store holds it: what each protocol can see of it. */
import type { Side } from '../../../simulator/scenarios/compare-scenario.ts';
import { MessageList } from './MessageList.tsx';
import type { ServerSnapshot } from './views.ts';
import { changed, type Change } from './changes.ts';
import { ChangeMark } from './ChangeMark.tsx';

export function ServerCard({ side, server, change, stamp }: { side: Side; server: ServerSnapshot; change: Change; stamp: number }) {
  // POP3 sees one maildrop (the INBOX) and no flags (RFC 1939 §1); IMAP sees every folder.
  const folders = side === 'pop3' ? server.folders.filter((f) => f.name === 'INBOX') : server.folders;
  const headingId = `h-${side}-server`;
  return (
    <article className="mw-cmp-card mw-cmp-server" aria-labelledby={headingId} data-server={side} data-messages={server.messages} data-changed={changed(change)}>
      <h3 id={headingId}>
        Server mailbox<span className="sr-only"> ({side.toUpperCase()})</span>
      </h3>
      <ChangeMark change={change} stamp={stamp} />
      <p className="mw-cmp-meta">
        <code>{server.user}</code> on mail.example.com
      </p>
      <p className="mw-cmp-meta">
        {server.messages} message{server.messages === 1 ? '' : 's'} · {server.octets} octets stored
        {server.locked && (
          <span className="mw-cmp-badge" data-tone="warn">
            locked by a POP3 session
          </span>
        )}
      </p>
      <MessageList folders={folders} showRead={side === 'imap'} empty="The server holds no mail for this account." changed={change} />
      {side === 'pop3' && <p className="mw-cmp-note">POP3 sees one list of messages: no folders, no read state.</p>}
    </article>
  );
}
