/**
 * Missions 7–12: reading mail. IMAP keeps it on the server, POP3 downloads and deletes, and the
 * plaintext ports refuse passwords until TLS — ending with a login problem diagnosed by hand.
 */
import { header, messages } from '../exercises/checks.ts';
import type { RunResult, SessionRun } from '../exercises/types.ts';
import { accepted, answeredWith, dialogue, loginOverTls, sessionsTo, tlsFrom } from './facts.ts';
import { item, onSome } from './item.ts';
import type { Mission } from './types.ts';

const COM = 'mail.example.com';
const ORG = 'mail.example.org';
const ALICE = 'alice@example.com';
const BOB = 'bob@example.org';
const IMAP = [143, 993];
const POP3 = [110, 995];

const fromAlice = header(/^From:.*\balice@example\.com\b/i);

/** Bob's IMAP or POP3 sessions on mail.example.org where he logged in inside TLS, with the login's index. */
function bobSessions(run: RunResult, ports: readonly number[]): Array<{ s: SessionRun; login: number }> {
  return sessionsTo(run, ORG, ports)
    .map((s) => ({ s, login: loginOverTls(run, s, BOB) }))
    .filter((x) => x.login >= 0);
}

/** After Bob's login, a command matching `command` succeeded. */
function bobDid(ports: readonly number[], command: RegExp): (run: RunResult) => boolean {
  return (run) => bobSessions(run, ports).some(({ s, login }) => accepted(run, s, command, login) !== null);
}

/** A FETCH whose answer carried the header of a message from Alice (RFC 9051 §7.5.2 BODY[]). */
function fetchedFromAlice(run: RunResult): boolean {
  return bobSessions(run, IMAP).some(({ s, login }) =>
    dialogue(run, s).slice(login).some((e) => /^\S+\s+(?:UID\s+)?FETCH\b/i.test(e.command) && e.replies.some((r) => /^From:.*\balice@example\.com\b/i.test(r))),
  );
}

/** Mailboxes Bob created over IMAP (RFC 9051 §6.3.4), by the name he gave. */
function created(run: RunResult): string[] {
  return bobSessions(run, IMAP).flatMap(({ s, login }) =>
    dialogue(run, s).slice(login).flatMap((e) => {
      const name = /^\S+\s+CREATE\s+(?:"([^"]+)"|(\S+))\s*$/i.exec(e.command);
      return name && e.replies.some((r) => /^\S+ OK\b/i.test(r)) ? [name[1] ?? name[2] ?? ''] : [];
    }),
  );
}

/**
 * Bob's INBOX now holds fewer messages than the POP3 server counted when he logged in: the
 * count from the PASS reply or STAT (RFC 1939 §5 "+OK nn mm"), compared with the store.
 */
function fewerThanAtLogin(run: RunResult): boolean {
  const now = messages(run.world, BOB).length;
  return bobSessions(run, POP3).some(({ s, login }) => {
    const counted = dialogue(run, s)
      .slice(login)
      .flatMap((e) => e.replies)
      .map((r) => /^\+OK (?:.*: )?(\d+) (?:messages?\b|\d+$)/.exec(r)?.[1])
      .find((n) => n !== undefined);
    return counted !== undefined && now < Number(counted);
  });
}

/** A DELE accepted after Bob's login, then a QUIT accepted after it: the UPDATE state (RFC 1939 §6). */
function quitAfterDele(run: RunResult): boolean {
  return bobSessions(run, POP3).some(({ s, login }) => {
    const dele = accepted(run, s, /^DELE\s+\d+\s*$/i, login);
    return dele !== null && accepted(run, s, /^QUIT\s*$/i, dele.index + 1) !== null;
  });
}

export const ACCESS_MISSIONS: Mission[] = [
  {
    id: 'mission-imap-read',
    title: 'Bob reads it over IMAP',
    goal: 'As Bob, log in to mail.example.org over IMAP with TLS (port 993), open the INBOX and read a message from Alice.',
    start: { host: 'mail.example.org', port: 993 },
    items: [
      item('login', 'Logged in as bob@example.org over TLS', (run) => bobSessions(run, IMAP).length > 0),
      item('select', 'Opened the INBOX (SELECT … OK)', bobDid(IMAP, /^\S+\s+SELECT\s+"?INBOX"?\s*$/i)),
      item('fetch', 'Fetched the text of a message from Alice', fetchedFromAlice),
      item('seen', 'That message is now marked \\Seen on the server', (run) => messages(run.world, BOB).some((m) => fromAlice(m) && m.flags.has('\\Seen')) && fetchedFromAlice(run)),
    ],
    hints: [
      'Every IMAP command starts with a tag of your choice (a, b, c …); the tagged reply tells you how it went, and LOGOUT ends the session.',
      'Bob\'s password is "builder". The Server state panel lists the commands allowed before and after login.',
      'FETCH takes a message number and the parts you want; the Mailboxes panel shows which messages are from Alice, and the explanation panel reads the reply.',
    ],
    learned: 'IMAP keeps mail on the server: fetching a body sets \\Seen there, so every device sees the message as read (RFC 9051 §6.4.5, §2.3.2).',
  },
  {
    id: 'mission-imap-organise',
    title: 'Flag it and file it',
    goal: 'As Bob on mail.example.org over IMAP, flag a message as important, create a folder, and move a message into it.',
    start: { host: 'mail.example.org', port: 993 },
    items: [
      item('flagged', 'A message carries the \\Flagged flag (STORE)', (run) =>
        bobSessions(run, IMAP).some(({ s, login }) => answeredWith(run, s, /^\S+\s+(?:UID\s+)?STORE\b/i, /\bFLAGS \([^)]*\\Flagged/i, login) >= 0)),
      item('created', 'Created a new mailbox (CREATE … OK)', (run) => created(run).some((name) => run.world.store.mailbox(BOB, name) !== undefined)),
      item('moved', 'Moved or copied a message into it', (run) => created(run).some((name) => (run.world.store.mailbox(BOB, name)?.messages.length ?? 0) > 0)),
    ],
    hints: [
      'STORE changes flags; its reply shows the message\'s flags after the change.',
      'The Mailboxes panel shows Bob\'s folders as the server keeps them.',
      'MOVE (RFC 6851) and COPY both take message numbers and the name of the target mailbox; /help and the state panel list them.',
    ],
    learned: 'Flags and folders live on the IMAP server, so every client sees the same state (RFC 9051 §2.3.2, §6.3.4, RFC 6851 §3).',
  },
  {
    id: 'mission-pop3-read',
    title: 'Download with POP3',
    goal: 'As Bob, log in to mail.example.org over POP3 with TLS (port 995), list the messages, download one and sign off.',
    start: { host: 'mail.example.org', port: 995 },
    items: [
      item('login', 'Logged in as bob@example.org over TLS (USER, PASS)', (run) => bobSessions(run, POP3).length > 0),
      item('list', 'Listed the maildrop (STAT or LIST)', bobDid(POP3, /^(?:STAT|LIST)\b/i)),
      item('retr', 'Downloaded a message (RETR)', bobDid(POP3, /^RETR\s+\d+\s*$/i)),
      item('quit', 'Signed off with QUIT', bobDid(POP3, /^QUIT\s*$/i)),
    ],
    hints: [
      'POP3 replies start with +OK or -ERR; the state panel shows POP3\'s three states.',
      'Logging in takes two commands here: the user name, then the password.',
      'Messages are numbered from 1 in each session; the explanation panel reads the list for you.',
    ],
    learned: 'POP3 downloads: messages are numbered per session, and there are no folders and no flags beyond "delete" (RFC 1939 §3, §5).',
  },
  {
    id: 'mission-pop3-delete',
    title: 'Delete over POP3',
    goal: 'As Bob over POP3 with TLS, delete one message from mail.example.org so that it is really gone.',
    start: { host: 'mail.example.org', port: 995 },
    items: [
      item('dele', 'Marked a message for deletion (DELE, +OK)', bobDid(POP3, /^DELE\s+\d+\s*$/i)),
      item('quit', 'Ended the session with QUIT after DELE (the UPDATE state)', quitAfterDele),
      item('gone', 'Bob\'s INBOX holds fewer messages than at login', (run) => quitAfterDele(run) && fewerThanAtLogin(run)),
    ],
    hints: [
      'DELE only marks a message; the state panel\'s diagram shows the state in which the server really deletes.',
      'Changed your mind? One POP3 command removes every mark of the session.',
      'Closing the connection with /disconnect is not the same as signing off: try it with the Mailboxes panel open.',
    ],
    learned: 'DELE only marks; a QUIT in the TRANSACTION state moves to UPDATE, and only then are the messages removed. A dropped connection deletes nothing (RFC 1939 §6).',
  },
  {
    id: 'mission-pop3-stls',
    title: 'POP3 on 110: why is USER refused?',
    goal: 'On mail.example.org port 110, find out why the server refuses Bob\'s user name, then log in as Bob without changing port.',
    start: { host: 'mail.example.org', port: 110 },
    items: [
      item('refused', 'USER before TLS was refused with -ERR [AUTH]', onSome(ORG, [110], (r, s) => answeredWith(r, s, /^USER\b/i, /^-ERR \[AUTH\]/) >= 0)),
      item('stls', 'Upgraded the connection with STLS (+OK)', onSome(ORG, [110], (r, s) => tlsFrom(r, s) > 0)),
      item('login', 'Logged in as bob@example.org inside TLS', onSome(ORG, [110], (r, s) => loginOverTls(r, s, BOB) >= 0)),
    ],
    hints: [
      'Read the whole -ERR line: the word in brackets is a response code, and the text names two ways out.',
      'CAPA lists what the server offers on this port; compare it with port 995. The explanation panel reads each capability.',
      'It works like STARTTLS on 587, with POP3\'s own spelling of the command.',
    ],
    learned: 'Port 110 starts in plaintext; the server refuses passwords until STLS, and port 995 is TLS from the first byte (RFC 2595 §4, RFC 2449 §8, RFC 8314 §3.1).',
  },
  {
    id: 'mission-imap-143',
    title: 'Diagnose why a client can\'t log in on 143',
    goal: 'Alice\'s mail client says "login failed" on mail.example.com port 143. Reproduce it by hand, find the reason in the server\'s own words, and log in as Alice without changing port.',
    start: { host: 'mail.example.com', port: 143 },
    items: [
      item('capability', 'Asked for CAPABILITY and saw LOGINDISABLED', onSome(COM, IMAP, (r, s) => answeredWith(r, s, /^\S+\s+CAPABILITY\s*$/i, /\bLOGINDISABLED\b/) >= 0)),
      item('refused', 'LOGIN was refused with NO [PRIVACYREQUIRED]', onSome(COM, [143], (r, s) => answeredWith(r, s, /^\S+\s+LOGIN\b/i, /^\S+ NO \[PRIVACYREQUIRED\]/i) >= 0)),
      item('starttls', 'Upgraded the connection with STARTTLS (OK)', onSome(COM, [143], (r, s) => tlsFrom(r, s) > 0)),
      item('login', 'Logged in as alice@example.com on 143, inside TLS', onSome(COM, [143], (r, s) => loginOverTls(r, s, ALICE) >= 0)),
    ],
    hints: [
      'Do what the client does: connect, ask what the server can do, then log in the way you did as Bob.',
      'Each capability is explained in the explanation panel; the refusal\'s response code is in brackets.',
      'The refusal names two fixes; one of them keeps port 143. Ask for CAPABILITY again afterwards and compare.',
    ],
    learned: 'Before TLS an IMAP server advertises LOGINDISABLED and refuses LOGIN with [PRIVACYREQUIRED]: the fix is STARTTLS on 143 or TLS from the start on 993 (RFC 9051 §6.2.3, RFC 5530 §3, RFC 8314 §3.2).',
  },
];
