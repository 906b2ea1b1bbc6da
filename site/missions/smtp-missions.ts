/**
 * Missions 1–6: SMTP, from a first EHLO to a message Alice submits on 587 that the MTA relays to
 * mail.example.org. Each uses only what the ones before it taught.
 */
import { headerText, messages } from '../exercises/checks.ts';
import type { RunResult, SessionRun } from '../exercises/types.ts';
import type { World } from '../../simulator/world/world.ts';
import { accepted, answeredWith, dialogue, greeted, loginOverTls, queuedIds, sessionsTo, tlsFrom } from './facts.ts';
import { item, onSome } from './item.ts';
import type { Mission } from './types.ts';

const COM = 'mail.example.com';
const ORG = 'mail.example.org';
const ALICE = 'alice@example.com';
const BOB = 'bob@example.org';

const RCPT_BOB = /^RCPT TO:\s*<bob@example\.org>/i;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `address`'s INBOX holds the message `host` accepted under queue id `id`: its Received line
 * (RFC 5321 §4.4: "by" the host, "id" the queue id) travels with the message to the mailbox.
 */
function stored(world: World, address: string, host: string, id: string): boolean {
  const stamp = new RegExp(`\\bby ${escape(host)} \\(Mailwire\\) with \\S+ id ${escape(id)}\\b`);
  return messages(world, address).some((m) => stamp.test(headerText(m)));
}

/** Queue ids of messages for Bob that Alice submitted on 587 after STARTTLS and AUTH. */
function submittedByAlice(run: RunResult): string[] {
  return sessionsTo(run, COM, [587]).flatMap((s) => {
    const login = loginOverTls(run, s, ALICE);
    if (login < 0 || !accepted(run, s, RCPT_BOB, login)) return [];
    return queuedIds(run, s).filter((q) => q.index > login).map((q) => q.id);
  });
}

/** The EHLO answered inside TLS lists AUTH (RFC 4954 §3 via RFC 3207 §4.2: the list is asked again). */
function ehloAgainOffersAuth(run: RunResult, s: SessionRun): boolean {
  const tls = tlsFrom(run, s);
  if (tls <= 0) return false;
  return dialogue(run, s).slice(tls).some((e) => /^EHLO\s+\S/i.test(e.command) && e.replies.some((r) => /^250[ -]AUTH\b/i.test(r)));
}

export const SMTP_MISSIONS: Mission[] = [
  {
    id: 'mission-hello',
    title: 'Say hello to a mail server',
    goal: 'Open a connection to mail.example.org on port 25, where servers hand mail to each other, introduce yourself with EHLO and say goodbye.',
    start: { host: 'mail.example.org', port: 25 },
    items: [
      item('connected', 'Connected to mail.example.org on port 25 and got its 220 greeting', onSome(ORG, [25], (_, s) => greeted(s))),
      item('ehlo', 'Said EHLO and got the server\'s list of extensions (250)', onSome(ORG, [25], (r, s) => accepted(r, s, /^EHLO\s+\S/i) !== null)),
      item('quit', 'Said goodbye with QUIT (221)', onSome(ORG, [25], (r, s) => answeredWith(r, s, /^QUIT$/i, /^221 /) >= 0)),
    ],
    hints: [
      'Type /hosts in the terminal to see which servers exist and which ports they listen on.',
      'Type /help: one of the terminal\'s commands opens a connection to a host and port.',
      'EHLO wants a name for your side: any domain name will do. Click a line in "The lines, explained" to read what the server said.',
    ],
    learned: 'The server speaks first (220), EHLO gets the extensions it offers, and QUIT closes politely (RFC 5321 §4.1.1.1, §4.1.1.10).',
  },
  {
    id: 'mission-deliver',
    title: 'Deliver a message by hand',
    goal: 'Be the sending server: on mail.example.org port 25, deliver a message from alice@example.com to bob@example.org, and see it land in Bob\'s INBOX.',
    start: { host: 'mail.example.org', port: 25 },
    items: [
      item('sender', 'The server accepted the sender (MAIL FROM, 250)', onSome(ORG, [25], (r, s) => accepted(r, s, /^MAIL FROM:/i) !== null)),
      item('recipient', 'The server accepted bob@example.org as the recipient (RCPT TO, 250)', onSome(ORG, [25], (r, s) => accepted(r, s, RCPT_BOB) !== null)),
      item('data', 'The message text ended with a lone "." and was queued (250 … queued as)', onSome(ORG, [25], (r, s) => queuedIds(r, s).length > 0)),
      item('stored', 'The message is in Bob\'s INBOX', (run) => sessionsTo(run, ORG, [25]).some((s) => queuedIds(run, s).some((q) => stored(run.world, BOB, ORG, q.id)))),
    ],
    hints: [
      'The Server state panel lists the commands allowed in the state you are in; a click puts one on the prompt.',
      'The envelope comes before the message: first who it is from, then who it is for.',
      'After DATA the server waits for the message itself, headers first, and a line holding only a dot ends it. The Mailboxes panel shows Bob\'s INBOX.',
    ],
    learned: 'The envelope (MAIL FROM, RCPT TO) travels apart from the message; port 25 takes mail for the server\'s own domains without a login, and each server adds a Received: line (RFC 5321 §3.3, §4.4).',
  },
  {
    id: 'mission-relay-denied',
    title: 'Ask a stranger to relay',
    goal: 'On mail.example.org port 25, try to send mail to someone at example.com, find out why the server says no, and check that it still takes mail for its own domain.',
    start: { host: 'mail.example.org', port: 25 },
    items: [
      item('refused', 'A recipient outside example.org was refused (550 5.7.1)', onSome(ORG, [25], (r, s) => answeredWith(r, s, /^RCPT TO:\s*<[^>]*@(?!example\.org>)[^>]*>/i, /^550 5\.7\.1 /) >= 0)),
      item('own', 'In the same session, a recipient at example.org was accepted (250)', onSome(ORG, [25], (r, s) => answeredWith(r, s, /^RCPT TO:/i, /^550 5\.7\.1 /) >= 0 && accepted(r, s, /^RCPT TO:\s*<[^>]*@example\.org>/i) !== null)),
    ],
    hints: [
      '/hosts shows which domains each server is responsible for.',
      'Start a transaction as in the last mission, but choose a recipient at example.com.',
      'The state panel explains a refusal with the RFC rule behind it. A refused recipient does not end the transaction.',
    ],
    learned: 'An MX accepts mail for its own domains only; relaying for anyone would make it an open relay. Mail for other domains goes through a submission server, after a login (RFC 5321 §3.6.2, RFC 6409 §3).',
  },
  {
    id: 'mission-auth',
    title: 'Prove you are Alice',
    goal: 'On mail.example.com port 465, where TLS starts with the first byte, log in as alice@example.com with AUTH PLAIN.',
    start: { host: 'mail.example.com', port: 465 },
    items: [
      item('connected', 'Connected to mail.example.com on port 465 (encrypted from the start)', onSome(COM, [465], (_, s) => greeted(s))),
      item('offered', 'EHLO listed AUTH with the PLAIN mechanism', onSome(COM, [465], (r, s) => answeredWith(r, s, /^EHLO\s+\S/i, /^250[ -]AUTH\b.*\bPLAIN\b/i) >= 0)),
      item('auth', 'Logged in as alice@example.com (235)', onSome(COM, [465], (r, s) => loginOverTls(r, s, ALICE) >= 0)),
    ],
    hints: [
      'AUTH PLAIN takes one Base64 string made of three parts: an empty name, a NUL byte, the user, a NUL byte, the password.',
      'The terminal has a /base64 command; /help shows how to write the NUL byte in it.',
      'Alice\'s password is "wonderland" (the lab\'s world: alice@example.com, bob@example.org, carol@example.com). Use /base64 -d to read what you made.',
    ],
    learned: 'Base64 is an encoding, not a cipher: anyone who sees AUTH PLAIN can read the password, so it belongs inside TLS (RFC 4616 §2, RFC 4954 §4, RFC 8314 §3.3).',
  },
  {
    id: 'mission-starttls',
    title: 'Upgrade the connection',
    goal: 'On mail.example.com port 587, see AUTH refused in plaintext, upgrade to TLS with STARTTLS, and log in as Alice.',
    start: { host: 'mail.example.com', port: 587 },
    items: [
      item('connected', 'Connected to mail.example.com on port 587', onSome(COM, [587], (_, s) => greeted(s))),
      item('ehlo', 'Said EHLO', onSome(COM, [587], (r, s) => accepted(r, s, /^EHLO\s+\S/i) !== null)),
      item('refused', 'AUTH before TLS was refused (530)', onSome(COM, [587], (r, s) => answeredWith(r, s, /^AUTH\b/i, /^530 /) >= 0)),
      item('starttls', 'Upgraded the connection with STARTTLS (220)', onSome(COM, [587], (r, s) => tlsFrom(r, s) > 0)),
      item('ehlo-again', 'Said EHLO again inside TLS, and AUTH appeared in the list', onSome(COM, [587], ehloAgainOffersAuth)),
      item('auth', 'Logged in as alice@example.com inside TLS (235)', onSome(COM, [587], (r, s) => loginOverTls(r, s, ALICE) >= 0)),
    ],
    hints: [
      'Compare the EHLO list on 587 with the one you saw on 465: what is missing, and what is there instead?',
      'The state panel explains the refusal and names the command the server wants first.',
      'After TLS starts, the server forgets what it knew about you; the explanation of the 220 reply says what to do next.',
    ],
    learned: 'Port 587 starts in plaintext and STARTTLS upgrades it; after the handshake the server forgets everything, so EHLO again, and only then AUTH (RFC 3207 §4.2, RFC 6409 §4.3).',
  },
  {
    id: 'mission-submit',
    title: 'Send as Alice',
    goal: 'As Alice\'s mail program, send a message to bob@example.org on mail.example.com port 587 with STARTTLS and AUTH, and follow it to mail.example.org.',
    start: { host: 'mail.example.com', port: 587 },
    items: [
      item('login', 'On 587: STARTTLS, then logged in as alice@example.com', onSome(COM, [587], (r, s) => loginOverTls(r, s, ALICE) >= 0)),
      item('sent', 'Sent a message to bob@example.org as Alice on 587 with STARTTLS and AUTH (250 … queued as)', (run) => submittedByAlice(run).length > 0),
      item('relayed', 'The message was relayed to mail.example.org and is in Bob\'s INBOX', (run) => submittedByAlice(run).some((id) => stored(run.world, BOB, COM, id))),
    ],
    hints: [
      'This mission is the last one, then the envelope and DATA of "Deliver a message by hand".',
      'The Delivery panel draws every hop your message takes: the MX lookup, the relay on port 25, the mailbox.',
      'If the message waits in a queue, the Delivery panel says why.',
    ],
    learned: 'Submission needs TLS and a login; then the submission server\'s MTA looks up example.org\'s MX record and relays the message over port 25 (RFC 6409 §3, RFC 5321 §5.1).',
  },
];
