/**
 * Whole example lines for the commands a learner taps rather than types: the touch chips under a
 * terminal (one tap runs the line) and the lab's "commands allowed here" (a click puts it on the
 * prompt). A command that needs an argument comes with one from the default world, so a tap never
 * sends a bare `EHLO` and earns `501`.
 */
import type { MailProtocol } from '../../simulator/world/ports.ts';

/** Keyed by the verb as the engines' registries name it (`MAIL`, not `MAIL FROM:`). IMAP lines carry no tag. */
export const EXAMPLE_LINES: Record<MailProtocol, Readonly<Record<string, string>>> = {
  smtp: {
    // RFC 5321 §4.1.1.1: EHLO/HELO take the client's domain; §4.1.1.2–3 the reverse and forward paths.
    EHLO: 'EHLO laptop.example.com',
    HELO: 'HELO laptop.example.com',
    MAIL: 'MAIL FROM:<alice@example.com>',
    RCPT: 'RCPT TO:<bob@example.org>',
    VRFY: 'VRFY alice@example.com',
    // RFC 4954 §4: the mechanism is required; the credentials may follow after the 334.
    AUTH: 'AUTH PLAIN',
    // RFC 3030 §2: BDAT takes the chunk's size in octets.
    BDAT: 'BDAT 0 LAST',
  },
  pop3: {
    // RFC 1939 §7 USER/PASS, §5 RETR/DELE/LIST, TOP msg n.
    USER: 'USER alice@example.com',
    PASS: 'PASS wonderland',
    RETR: 'RETR 1',
    DELE: 'DELE 1',
    TOP: 'TOP 1 0',
    AUTH: 'AUTH PLAIN',
  },
  imap: {
    // RFC 9051 §6.2.3 LOGIN, §6.3 mailbox commands, §6.4 message commands.
    LOGIN: 'LOGIN alice@example.com wonderland',
    AUTHENTICATE: 'AUTHENTICATE PLAIN',
    ENABLE: 'ENABLE IMAP4rev2',
    SELECT: 'SELECT INBOX',
    EXAMINE: 'EXAMINE INBOX',
    CREATE: 'CREATE Projects',
    DELETE: 'DELETE Projects',
    RENAME: 'RENAME Projects Plans',
    SUBSCRIBE: 'SUBSCRIBE Archive',
    UNSUBSCRIBE: 'UNSUBSCRIBE Archive',
    LIST: 'LIST "" "*"',
    STATUS: 'STATUS INBOX (MESSAGES UNSEEN)',
    SEARCH: 'SEARCH UNSEEN',
    FETCH: 'FETCH 1 (FLAGS ENVELOPE)',
    STORE: 'STORE 1 +FLAGS (\\Seen)',
    COPY: 'COPY 1 Archive',
    MOVE: 'MOVE 1 Archive',
    UID: 'UID FETCH 1:* (FLAGS)',
    ID: 'ID NIL',
  },
};

/** The line for `verb`: its example when it takes an argument, else the bare verb. */
export function exampleLine(protocol: MailProtocol, verb: string): string {
  return EXAMPLE_LINES[protocol][verb.toUpperCase()] ?? verb;
}

export const DISCONNECTED_CHIPS: readonly string[] = [
  '/help',
  '/hosts',
  // Bob's server: the SMTP chips (alice@example.com writing to bob@example.org) are a delivery
  // it accepts on 25 (RFC 5321 §2.3.5); on mail.example.com they would be a relay it refuses.
  '/connect mail.example.org 25',
  '/connect mail.example.com 110',
  '/connect mail.example.com 143',
];

const tagged = (verbs: readonly string[]): string[] => verbs.map((verb, i) => `a${i + 1} ${exampleLine('imap', verb)}`);

export const PROTOCOL_CHIPS: Record<MailProtocol, readonly string[]> = {
  smtp: ['EHLO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'QUIT'].map((verb) => exampleLine('smtp', verb)),
  pop3: ['CAPA', 'USER', 'PASS', 'STAT', 'LIST', 'RETR', 'QUIT'].map((verb) => exampleLine('pop3', verb)),
  imap: tagged(['CAPABILITY', 'LOGIN', 'SELECT', 'FETCH', 'LOGOUT']),
};

