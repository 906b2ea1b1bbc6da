/**
 * What a step or a button changed, read off two snapshots (before and after): per server mailbox
 * and per device, the messages that arrived, went, moved folder or changed read state, and
 * whether the device's connection state changed. The page marks exactly these, so the mark
 * cannot claim a change the store does not show.
 */
import type { DeviceName, Side } from '../../../simulator/scenarios/compare-scenario.ts';
import type { CompareSnapshot } from './runtime.ts';
import type { DeviceSnapshot, FolderRows } from './views.ts';

export interface Change {
  /** Message keys that are new here. */
  added: ReadonlySet<string>;
  /** Message keys that moved folder or changed read state. */
  updated: ReadonlySet<string>;
  /** Messages that are gone. */
  removed: number;
  /** Online, connected, IDLE or queued changes differ (devices only). */
  status: boolean;
}

export interface Changes {
  server: Record<Side, Change>;
  devices: Record<Side, Record<DeviceName, Change>>;
}

export const NO_CHANGE: Change = { added: new Set(), updated: new Set(), removed: 0, status: false };

export function changed(c: Change): boolean {
  return c.added.size > 0 || c.updated.size > 0 || c.removed > 0 || c.status;
}

/** The marker's words: "2 new, 1 updated, 1 gone, connection". */
export function changeText(c: Change): string {
  const parts = [
    c.added.size > 0 ? `${c.added.size} new` : '',
    c.updated.size > 0 ? `${c.updated.size} updated` : '',
    c.removed > 0 ? `${c.removed} gone` : '',
    c.status ? 'connection' : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** key → "folder seen" for every message the mailbox holds. */
function index(folders: readonly FolderRows[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of folders) for (const m of f.messages) out.set(m.key, `${f.name} ${m.seen}`);
  return out;
}

function mailboxChange(before: readonly FolderRows[], after: readonly FolderRows[]): Omit<Change, 'status'> {
  const was = index(before);
  const now = index(after);
  const added = new Set([...now.keys()].filter((key) => !was.has(key)));
  const updated = new Set([...now].filter(([key, where]) => was.has(key) && was.get(key) !== where).map(([key]) => key));
  const removed = [...was.keys()].filter((key) => !now.has(key)).length;
  return { added, updated, removed };
}

function statusOf(d: DeviceSnapshot): string {
  return `${d.online} ${d.connected} ${d.idling} ${d.pending}`;
}

export function changesBetween(before: CompareSnapshot, after: CompareSnapshot): Changes {
  const server = (side: Side): Change => ({ ...mailboxChange(before.server[side].folders, after.server[side].folders), status: false });
  const device = (side: Side, name: DeviceName): Change => {
    const [b, a] = [before.devices[side][name], after.devices[side][name]];
    return { ...mailboxChange(b.folders, a.folders), status: statusOf(b) !== statusOf(a) };
  };
  const devices = (side: Side): Record<DeviceName, Change> => ({ laptop: device(side, 'laptop'), phone: device(side, 'phone') });
  return { server: { pop3: server('pop3'), imap: server('imap') }, devices: { pop3: devices('pop3'), imap: devices('imap') } };
}
