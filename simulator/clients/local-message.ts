/**
 * A message as one device holds it: which server copy it came from (a POP3 UIDL or an IMAP UID),
 * its flags and folder on this device, and whether the server still has it.
 */
import { decodeEncodedWords } from '../mime/encoded-words.ts';
import { latin1Text } from '../wire/bytes.ts';

export interface LocalMessage {
  /** The same message on every device: its Message-ID, else subject and size. */
  key: string;
  subject: string;
  /** The folder this device shows it in. */
  folder: string;
  flags: Set<string>;
  /** Octets of the message as downloaded. */
  size: number;
  raw: Uint8Array;
  /** POP3: the unique-id (RFC 1939 §7). */
  uidl?: string;
  /** IMAP: the UID in the server folder it was fetched from (RFC 9051 §2.3.1.1). */
  uid?: number;
  /** The server no longer has it: this device holds the only copy. */
  onlyLocal: boolean;
  /** Deleted here and waiting to be expunged on the server (IMAP, while offline). */
  deleted: boolean;
  /** The transcript line that brought it to this device. */
  ref: string | null;
  /** The transcript line behind its current read state (a local read, or a flag change pulled). */
  flagsRef: string | null;
  /** The transcript line behind its folder, when it was filed after arriving. */
  folderRef?: string | null;
  receivedAt: number;
}

/** RFC 5322 §3.6.4 Message-ID and §3.6.5 Subject from the header section (unfolded, first occurrence). */
export function headerFields(raw: Uint8Array): { messageId: string | null; subject: string } {
  const text = latin1Text(raw.subarray(0, Math.min(raw.length, 64 * 1024)));
  const end = text.search(/\r?\n\r?\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const field = (name: string): string | null => {
    const m = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(header);
    return m ? m[1]!.trim() : null;
  };
  // RFC 2047 §6: encoded words in Subject are shown decoded.
  const subject = field('Subject');
  return { messageId: field('Message-ID'), subject: subject === null ? '(no subject)' : decodeEncodedWords(subject) };
}

export function newLocalMessage(raw: Uint8Array, init: { folder: string; flags: Iterable<string>; at: number; ref: string | null }): LocalMessage {
  const { messageId, subject } = headerFields(raw);
  return {
    key: messageId ?? `${subject}/${raw.length}`,
    subject,
    folder: init.folder,
    flags: new Set(init.flags),
    size: raw.length,
    raw,
    onlyLocal: false,
    deleted: false,
    ref: init.ref,
    flagsRef: init.ref,
    receivedAt: init.at,
  };
}
