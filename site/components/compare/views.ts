/**
 * Plain snapshots of the server mailbox and the devices for the page to draw: read off the
 * store and the Scenario's devices, never computed from what the page thinks happened.
 */
import { ImapDevice } from '../../../simulator/clients/imap-device.ts';
import { headerFields } from '../../../simulator/clients/local-message.ts';
import { Pop3Device } from '../../../simulator/clients/pop3-device.ts';
import type { Pop3Settings } from '../../../simulator/clients/pop3-types.ts';
import type { Scenario, Side } from '../../../simulator/scenarios/compare-scenario.ts';
import { SCENARIO } from '../../../simulator/scenarios/compare-config.ts';
import type { Device } from '../../../simulator/clients/device.ts';
import { decodeEncodedWords } from '../../../simulator/mime/encoded-words.ts';

export interface MessageRow {
  key: string;
  subject: string;
  seen: boolean;
  size: number;
  /** The device holds the only copy (the server no longer has it). */
  onlyLocal?: boolean;
  /** The transcript line that brought it here. */
  ref?: string | null;
}

export interface FolderRows {
  name: string;
  messages: MessageRow[];
}

export interface ServerSnapshot {
  user: string;
  folders: FolderRows[];
  messages: number;
  octets: number;
  /** A POP3 session holds the maildrop lock (RFC 1939 §8). */
  locked: boolean;
}

export interface DeviceSnapshot {
  side: Side;
  name: string;
  transcript: string;
  online: boolean;
  connected: boolean;
  /** IMAP: waiting in IDLE for the server to push (RFC 2177). */
  idling: boolean;
  /** IMAP: changes made here the server has not heard of yet. */
  pending: number;
  sent: number;
  received: number;
  folders: FolderRows[];
  messages: number;
  pop3: Pop3Settings | null;
}

/** Subjects as a reader sees them: RFC 2047 encoded words decoded. */
export function displaySubject(subject: string): string {
  try {
    return decodeEncodedWords(subject);
  } catch {
    return subject;
  }
}

const INBOX_FIRST = (a: FolderRows, b: FolderRows): number =>
  a.name.toUpperCase() === 'INBOX' ? -1 : b.name.toUpperCase() === 'INBOX' ? 1 : a.name.localeCompare(b.name);

export function serverView(scenario: Scenario, side: Side): ServerSnapshot {
  const user = SCENARIO.users[side];
  const store = scenario.options.world.store;
  const account = store.account(user);
  const folders: FolderRows[] = [];
  let messages = 0;
  let octets = 0;
  for (const box of account?.mailboxes.values() ?? []) {
    const rows = box.messages.map((m): MessageRow => {
      const { messageId, subject } = headerFields(m.raw);
      return { key: messageId ?? `${subject}/${m.raw.length}`, subject: displaySubject(subject), seen: m.flags.has('\\Seen'), size: m.raw.length };
    });
    messages += rows.length;
    octets += box.size;
    if (rows.length > 0 || box.name === 'INBOX') folders.push({ name: box.name, messages: rows });
  }
  return { user, folders: folders.sort(INBOX_FIRST), messages, octets, locked: store.isLocked(user) };
}

export function deviceView(device: Device): DeviceSnapshot {
  const view = device.view();
  const byFolder = new Map<string, MessageRow[]>();
  for (const m of view.messages) {
    const folder = m.folder.toUpperCase() === 'INBOX' ? 'INBOX' : m.folder;
    const rows = byFolder.get(folder) ?? [];
    rows.push({ key: m.key, subject: displaySubject(m.subject), seen: m.seen, size: m.size, onlyLocal: m.onlyLocal, ref: m.ref });
    byFolder.set(folder, rows);
  }
  if (!byFolder.has('INBOX')) byFolder.set('INBOX', []);
  const folders = [...byFolder].map(([name, messages]) => ({ name, messages })).sort(INBOX_FIRST);
  return {
    side: device.protocol,
    name: device.name,
    transcript: device.transcript.name,
    online: view.online,
    connected: view.connected,
    idling: device instanceof ImapDevice ? device.idling : false,
    pending: device instanceof ImapDevice ? device.replica.pending.length : 0,
    sent: view.counters.sent,
    received: view.counters.received,
    folders,
    messages: view.messages.length,
    pop3: device instanceof Pop3Device ? { ...device.settings } : null,
  };
}
