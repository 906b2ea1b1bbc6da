/**
 * Mailboxes out to files and back in: mbox in the mboxrd variant, and single messages as .eml.
 *
 * mboxrd (the "From_" family described in RFC 4155 and qmail's mbox(5)): each message starts
 * with a line `From <envelope-sender> <asctime date>`, lines end in LF, and a body line that
 * matches `>*From ` gets one more `>` so that it cannot be taken for a separator; the reader
 * removes exactly one. Messages are separated by an empty line.
 *
 * Round trip: a message with CRLF line ends (what the store holds) comes back byte for byte, with
 * its internal date to the second. Bare CR or LF inside a message become CRLF, and a message that
 * does not end with a line end gains one: mbox has no way to say otherwise.
 */
import { asctime, parseAsctime } from '../mime/date.ts';
import { latin1Bytes, latin1Text } from '../wire/bytes.ts';
import type { Mailbox } from './mailbox.ts';
import type { MailStore } from './mail-store.ts';
import { fail, ok } from './result.ts';
import type { StoredMessage, StoreResult } from './types.ts';

export interface MboxMessage {
  /** The envelope sender of the From_ line; MAILER-DAEMON for the null reverse-path. */
  sender: string;
  /** Milliseconds since the epoch, to the second (asctime has no finer unit). */
  date: number;
  /** RFC 5322 octets with CRLF line ends. */
  raw: Uint8Array;
}


/**
 * The envelope sender for the From_ line: the Return-Path the delivering MTA added (RFC 5321
 * §4.4), else the From: address, else MAILER-DAEMON.
 */
export function envelopeSender(raw: Uint8Array): string {
  const header = headerSection(latin1Text(raw.subarray(0, 64 * 1024)));
  const returnPath = /^return-path:[ \t]*<([^>]*)>/im.exec(header);
  if (returnPath) return returnPath[1] ? returnPath[1] : 'MAILER-DAEMON';
  const from = /^from:[^\r\n]*?<([^>\s]+@[^>\s]+)>/im.exec(header) ?? /^from:[ \t]*([^\s<>,;]+@[^\s<>,;]+)/im.exec(header);
  return from?.[1] ?? 'MAILER-DAEMON';
}

/** The header lines, unfolded (RFC 5322 §2.2.3). */
function headerSection(text: string): string {
  const end = text.search(/\r?\n\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
}

/** One mboxrd entry: the From_ line, the escaped lines with LF ends, and the separating empty line. */
export function mboxEntry(message: { raw: Uint8Array; internalDate: number; sender?: string }): string {
  const sender = (message.sender ?? envelopeSender(message.raw)).replace(/\s/g, '') || 'MAILER-DAEMON';
  const lines = splitLines(latin1Text(message.raw));
  const body = lines.map((l) => (/^>*From /.test(l) ? '>' + l : l) + '\n').join('');
  return `From ${sender} ${asctime(message.internalDate)}\n${body}\n`;
}

/** A whole mailbox as an mboxrd file. */
export function exportMbox(box: Mailbox): Uint8Array {
  return latin1Bytes(box.messages.map((m) => mboxEntry(m)).join(''));
}

/** A message as an .eml file: its octets exactly as stored (RFC 5322, CRLF). */
export function exportEml(message: StoredMessage): Uint8Array {
  return message.raw;
}

/** A file name for a message's .eml: `INBOX-42.eml`, safe on every file system. */
export function emlFileName(box: Mailbox, message: StoredMessage): string {
  return `${box.name.replace(/[^A-Za-z0-9._-]+/g, '_')}-${message.uid}.eml`;
}

/**
 * Reads an mbox file. A line starting with `From ` begins a message when no message has begun yet or when it
 * follows an empty line; `fallbackDate` dates entries whose From_ line has no readable date.
 */
export function parseMbox(bytes: Uint8Array, fallbackDate: number): MboxMessage[] {
  const lines = splitLines(latin1Text(bytes));
  const out: MboxMessage[] = [];
  let current: { sender: string; date: number; lines: string[] } | null = null;
  const finish = () => {
    if (!current) return;
    // The empty line that separates entries belongs to the file, not to the message.
    if (current.lines.at(-1) === '') current.lines.pop();
    const text = current.lines.map((l) => l + '\r\n').join('');
    out.push({ sender: current.sender, date: current.date, raw: latin1Bytes(text) });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('From ') && (!current || lines[i - 1] === '')) {
      finish();
      const m = /^From (\S+)\s+(.*)$/.exec(line);
      current = { sender: m?.[1] ?? 'MAILER-DAEMON', date: parseAsctime(m?.[2] ?? '') ?? fallbackDate, lines: [] };
    } else if (current) {
      current.lines.push(/^>+From /.test(line) ? line.slice(1) : line);
    }
  }
  finish();
  return out;
}

/** Appends every message of an mbox file to a mailbox; stops at the first refusal (quota). */
export function importMbox(
  store: MailStore,
  address: string,
  mailbox: string,
  bytes: Uint8Array,
  options: { fallbackDate: number; flags?: string[]; origin?: string },
): StoreResult<number[]> {
  if (!store.mailbox(address, mailbox)) return fail('nonexistent', `no mailbox named ${mailbox}`);
  const uids: number[] = [];
  for (const message of parseMbox(bytes, options.fallbackDate)) {
    const added = store.append(address, mailbox, message.raw, { internalDate: message.date, flags: options.flags, origin: options.origin });
    if (!added.ok) return fail(added.error, `${added.message} after ${uids.length} messages`);
    uids.push(added.value.uid);
  }
  return ok(uids);
}

/** Lines without their ends (CRLF, LF or a bare CR); a final line end adds no empty line. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
