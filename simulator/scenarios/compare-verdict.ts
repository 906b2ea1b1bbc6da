/**
 * The verdict table: facts computed from what actually happened — what the server holds, what
 * each device holds, whether the devices agree, what it cost, what losing the laptop would
 * lose — each with the transcript line that caused it, so the UI can link the cell to the wire.
 */
import type { Account } from '../store/account.ts';
import type { Device } from '../clients/device.ts';
import { headerFields, type LocalMessage } from '../clients/local-message.ts';

export interface Fact<T> {
  value: T;
  /** The fact in words, for the cell. */
  text: string;
  /** The transcript line id behind it (`pop3-laptop:52`), or null when nothing happened yet. */
  ref: string | null;
}

export interface SideVerdict {
  side: 'pop3' | 'imap';
  user: string;
  onServer: Fact<number>;
  onDevice: { laptop: Fact<number>; phone: Fact<number> };
  /** null: no message is on both devices, so there is nothing to compare. */
  readStateAgrees: Fact<boolean | null>;
  foldersAgree: Fact<boolean | null>;
  bytes: { laptop: Fact<number>; phone: Fact<number> };
  survivesLosingLaptop: Fact<{ safe: number; lost: number }>;
}

export interface VerdictInputs {
  side: 'pop3' | 'imap';
  account: Account | undefined;
  laptop: Device;
  phone: Device;
  /** The last line that changed what the server holds (a delivery, a DELE+QUIT, a pushed change). */
  serverRef: string | null;
  /** Each device's last check, for a device with nothing to show. */
  checkRefs: { laptop: string | null; phone: string | null };
}

export function sideVerdict(v: VerdictInputs): SideVerdict {
  const serverKeys = serverMessageKeys(v.account);
  const count = serverKeys.length;
  return {
    side: v.side,
    user: v.account?.address ?? '(none)',
    onServer: { value: count, text: `${count} message${count === 1 ? '' : 's'} on the server`, ref: v.serverRef },
    onDevice: { laptop: deviceFact(v.laptop, v.checkRefs.laptop), phone: deviceFact(v.phone, v.checkRefs.phone) },
    readStateAgrees: agreement(v, 'read state', (m) => (m.flags.has('\\Seen') ? 'read' : 'unread'), (m) => m.flagsRef),
    foldersAgree: agreement(v, 'folder', (m) => m.folder.toUpperCase() === 'INBOX' ? 'INBOX' : m.folder, (m) => m.folderRef ?? m.ref),
    bytes: { laptop: bytesFact(v.laptop), phone: bytesFact(v.phone) },
    survivesLosingLaptop: survival(v, new Set(serverKeys)),
  };
}

function serverMessageKeys(account: Account | undefined): string[] {
  if (!account) return [];
  const keys: string[] = [];
  for (const box of account.mailboxes.values()) {
    for (const m of box.messages) {
      const { messageId, subject } = headerFields(m.raw);
      keys.push(messageId ?? `${subject}/${m.raw.length}`);
    }
  }
  return keys;
}

function deviceFact(d: Device, checkRef: string | null): Fact<number> {
  const messages = d.messages();
  const newest = messages.reduce<LocalMessage | null>((a, m) => (a === null || m.receivedAt >= a.receivedAt ? m : a), null);
  const n = messages.length;
  return { value: n, text: `${n} message${n === 1 ? '' : 's'} on the ${d.name}`, ref: newest?.ref ?? checkRef };
}

function agreement(v: VerdictInputs, what: string, state: (m: LocalMessage) => string, ref: (m: LocalMessage) => string | null): Fact<boolean | null> {
  const phone = new Map(v.phone.messages().map((m) => [m.key, m]));
  const both = v.laptop.messages().flatMap((m) => {
    const other = phone.get(m.key);
    return other ? [[m, other] as const] : [];
  });
  if (both.length === 0) return { value: null, text: `no message is on both devices: no ${what} to compare`, ref: null };
  const differs = both.find(([a, b]) => state(a) !== state(b));
  if (differs) {
    const [a, b] = differs;
    // The device whose line is later made them differ.
    const cause = lineOrder(v.laptop, ref(a)) >= lineOrder(v.phone, ref(b)) ? ref(a) : ref(b);
    return { value: false, text: `"${a.subject}": ${state(a)} on the laptop, ${state(b)} on the phone`, ref: cause ?? ref(a) ?? ref(b) };
  }
  // The newest line behind any of the compared states is what made them agree last.
  let last: string | null = null;
  let order = -Infinity;
  for (const [a, b] of both) {
    for (const [d, r] of [[v.laptop, ref(a)], [v.phone, ref(b)]] as const) {
      if (lineOrder(d, r) > order) [last, order] = [r, lineOrder(d, r)];
    }
  }
  return { value: true, text: `the same ${what} on both devices (${both.length} message${both.length === 1 ? '' : 's'})`, ref: last };
}

function lineOrder(d: Device, ref: string | null): number {
  return (ref === null ? undefined : d.transcript.byId(ref)?.seq) ?? -Infinity;
}

function bytesFact(d: Device): Fact<number> {
  const total = d.counters.sent + d.counters.received;
  return { value: total, text: `${total} octets (${d.counters.received} in, ${d.counters.sent} out)`, ref: d.transcript.lastId };
}

function survival(v: VerdictInputs, onServer: Set<string>): Fact<{ safe: number; lost: number }> {
  const phone = new Set(v.phone.messages().map((m) => m.key));
  const laptop = v.laptop.messages();
  const lost = laptop.filter((m) => !onServer.has(m.key) && !phone.has(m.key));
  const safe = laptop.length - lost.length;
  if (lost.length === 0) return { value: { safe, lost: 0 }, text: laptop.length ? 'nothing is lost: every message on the laptop is also on the server or the phone' : 'the laptop holds nothing', ref: v.serverRef };
  return { value: { safe, lost: lost.length }, text: `${lost.length} message${lost.length === 1 ? '' : 's'} exist only on the laptop and would be lost with it`, ref: lost[0]!.ref };
}
