/**
 * The messages on the server, per account and mailbox: UID, flags, size, subject, and POP3
 * deletion marks of open sessions; it follows the store live. A row opens the message viewer.
 */
import { useState } from 'react';
import { exportMbox } from '../../../simulator/store/mbox.ts';
import { decodeEncodedWords, parseMessage } from '../../../simulator/mime/index.ts';
import type { StoredMessage } from '../../../simulator/store/types.ts';
import type { PageWorld } from '../../world/page-network.ts';
import { downloadBlob } from './download.ts';
import { useMailVersion, useTrackerVersion } from './hooks.ts';
import MessageViewer from './MessageViewer.tsx';

function subjectOf(m: StoredMessage): string {
  try {
    const raw = parseMessage(m.raw).header.find((h) => h.name.toLowerCase() === 'subject')?.value ?? '';
    return decodeEncodedWords(raw);
  } catch {
    return '';
  }
}

/** Message numbers marked with DELE in open POP3 sessions of `account`, as INBOX UIDs. */
function pop3Marks(world: PageWorld, account: string, inbox: readonly StoredMessage[]): Map<number, string> {
  const marks = new Map<number, string>();
  for (const s of world.tracker.sessions()) {
    if (s.protocol !== 'pop3' || s.closed || s.pop3Account !== account) continue;
    // RFC 1939 §5: message numbers count the maildrop as locked, in order; the lab's INBOX order.
    for (const n of s.pop3Deleted) {
      const m = inbox[n - 1];
      if (m) marks.set(m.uid, s.id);
    }
  }
  return marks;
}

export default function MailboxInspector({ world }: { world: PageWorld }) {
  useMailVersion(world);
  useTrackerVersion(world);
  const store = world.network.world.store;
  const accounts = [...store.accounts.keys()].sort();
  const [account, setAccount] = useState(accounts[0] ?? '');
  const [boxName, setBoxName] = useState('INBOX');
  const [open, setOpen] = useState<number | null>(null);
  const acct = store.account(account);
  const boxes = acct ? [...acct.mailboxes.values()] : [];
  const box = store.mailbox(account, boxName) ?? boxes[0];
  const inbox = store.mailbox(account, 'INBOX')?.messages ?? [];
  const marks = pop3Marks(world, account, inbox);
  const opened = box?.messages.find((m) => m.uid === open);
  return (
    <div className="lab-inspector" data-testid="mailbox-inspector">
      <div className="lab-row">
        <label>
          Account{' '}
          <select value={account} onChange={(e) => { setAccount(e.target.value); setBoxName('INBOX'); setOpen(null); }}>
            {accounts.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label>
          Mailbox{' '}
          <select value={box?.name ?? ''} onChange={(e) => { setBoxName(e.target.value); setOpen(null); }}>
            {boxes.map((b) => <option key={b.name} value={b.name}>{b.name}</option>)}
          </select>
        </label>
        {box && (
          <button type="button" onClick={() => downloadBlob(`${account}-${box.name}.mbox`, exportMbox(box), 'application/mbox')}>
            Download as mbox
          </button>
        )}
      </div>
      {box && (
        <p className="lab-note">
          UIDVALIDITY {box.uidValidity} · UIDNEXT {box.uidNext} · {box.messages.length} message{box.messages.length === 1 ? '' : 's'}
        </p>
      )}
      {box && box.messages.length > 0 ? (
        <table className="lab-table">
          <caption className="sr-only">Messages in {account} {box.name}</caption>
          <thead>
            <tr><th scope="col">UID</th><th scope="col">Flags</th><th scope="col">Size</th><th scope="col">Subject</th></tr>
          </thead>
          <tbody>
            {box.messages.map((m) => (
              <tr key={m.uid} className={marks.has(m.uid) ? 'is-deleted' : undefined}>
                <td>{m.uid}</td>
                <td>
                  {[...m.flags].join(' ') || '—'}
                  {marks.has(m.uid) && <span className="lab-badge"> marked for deletion (POP3 DELE)</span>}
                </td>
                <td>{m.raw.length}</td>
                <td>
                  <button type="button" className="lab-link" onClick={() => setOpen(m.uid)} aria-label={`Open message ${m.uid}: ${subjectOf(m) || 'no subject'}`}>
                    {subjectOf(m) || '(no subject)'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="lab-note">This mailbox is empty.</p>
      )}
      {opened && <MessageViewer message={opened} onClose={() => setOpen(null)} />}
    </div>
  );
}
