/**
 * A virtual mail program's "Test account" button: given what a user types into an account
 * dialog (server, port, security, user name, password), it connects through the virtual network
 * with the real engines and does what a mail program does, reacting to every reply: greeting,
 * capabilities, STARTTLS when asked to, the login, and for outgoing mail a test message to
 * yourself. It types through the headless Replayer, so what it did is a RunResult that exercise
 * checks read like a learner's terminal session, and each failure is the server's own reply.
 */
import { encodeSaslPlain } from '../../../simulator/wire/sasl-plain.ts';
import { Replayer } from '../../exercises/replay.ts';
import type { RunResult, SessionRun } from '../../exercises/types.ts';
import type { AccountSettings } from './account-settings.ts';
import type { World } from '../../../simulator/world/world.ts';


/** Where the test stopped, and why, in the words a mail program would use. */
export interface AccountOutcome {
  ok: boolean;
  stage: 'connect' | 'greeting' | 'starttls' | 'login' | 'send' | 'done';
  text: string;
}

export interface AccountTest {
  settings: AccountSettings;
  outcome: AccountOutcome;
  run: RunResult;
}

const CLIENT_NAME = 'laptop.example.net';

/** Runs the account test on `world` (a fresh default world unless given). */
export async function testAccount(settings: AccountSettings, world?: World): Promise<AccountTest> {
  const r = new Replayer(world);
  const outcome = await runClient(r, settings);
  return { settings, outcome, run: r.result() };
}

async function runClient(r: Replayer, s: AccountSettings): Promise<AccountOutcome> {
  const connect = `/connect ${s.security === 'tls' ? '--tls' : '--plain'} ${s.server} ${s.port}`;
  const bad = r.notes.length;
  await r.type(connect);
  if (r.notes.length > bad) return { ok: false, stage: 'connect', text: r.notes.at(-1) ?? 'not a port number' };
  const session = r.sessions.at(-1);
  if (!session) return { ok: false, stage: 'connect', text: 'no connection was made' };
  const failed = transportFailure(session, 'connect');
  if (failed) return failed;
  const greeting = session.lines[0]?.text ?? '';
  const expected = { smtp: /^220 /, pop3: /^\+OK/, imap: /^\* (?:OK|PREAUTH) / }[s.protocol];
  if (!expected.test(greeting)) {
    return { ok: false, stage: 'greeting', text: `the server's first line is not a ${s.protocol.toUpperCase()} greeting: "${greeting}"` };
  }
  const steps = { smtp: smtpSteps, pop3: pop3Steps, imap: imapSteps }[s.protocol];
  return steps(r, session, s);
}

/** Sends one line and returns the server lines that answered it. */
async function ask(r: Replayer, session: SessionRun, line: string): Promise<string[]> {
  const before = session.lines.length;
  await r.type(line);
  return session.lines.slice(before).filter((l) => l.from === 'S').map((l) => l.text);
}

function transportFailure(session: SessionRun, stage: AccountOutcome['stage']): AccountOutcome | null {
  const error = session.errors[0];
  if (!error) return null;
  const [code] = error.split(':');
  const why = code === 'REFUSED' ? 'connection refused' : code === 'DNS' ? 'unknown host' : code === 'TLS' ? 'TLS failed' : 'connection failed';
  return { ok: false, stage, text: `${why}: ${error.slice(error.indexOf(':') + 1).trim()}` };
}

const last = (lines: string[]): string => lines.at(-1) ?? '(no reply)';

/** RFC 6409 submission: EHLO, STARTTLS and EHLO again when asked (RFC 3207 §4.2), AUTH PLAIN, a test message. */
async function smtpSteps(r: Replayer, session: SessionRun, s: AccountSettings): Promise<AccountOutcome> {
  const ehlo = await ask(r, session, `EHLO ${CLIENT_NAME}`);
  if (s.security === 'starttls') {
    if (!ehlo.some((l) => /^250[ -]STARTTLS\b/i.test(l))) return { ok: false, stage: 'starttls', text: 'the server does not offer STARTTLS, and the account requires it' };
    const reply = await ask(r, session, 'STARTTLS');
    if (!/^220 /.test(last(reply))) return { ok: false, stage: 'starttls', text: `STARTTLS refused: ${last(reply)}` };
    const failed = transportFailure(session, 'starttls');
    if (failed) return failed;
    await ask(r, session, `EHLO ${CLIENT_NAME}`);
  }
  const auth = await ask(r, session, `AUTH PLAIN ${encodeSaslPlain(s.user, s.password)}`);
  if (!/^235 /.test(last(auth))) return quit(r, session, 'QUIT', { ok: false, stage: 'login', text: `login refused: ${last(auth)}` });
  for (const line of [`MAIL FROM:<${s.user}>`, `RCPT TO:<${s.user}>`, 'DATA']) {
    const reply = await ask(r, session, line);
    if (!/^[23]\d\d /.test(last(reply))) return quit(r, session, 'QUIT', { ok: false, stage: 'send', text: `the test message was refused: ${last(reply)}` });
  }
  const sent = await askAll(r, session, [`From: <${s.user}>`, `To: <${s.user}>`, 'Subject: Mailwire account test', '', 'This message tests the outgoing server settings.', '.']);
  if (!/^250 /.test(last(sent))) return quit(r, session, 'QUIT', { ok: false, stage: 'send', text: `the test message was refused: ${last(sent)}` });
  return quit(r, session, 'QUIT', { ok: true, stage: 'done', text: `logged in and sent a test message to ${s.user}` });
}

/** RFC 1939 with STLS (RFC 2595 §4): USER and PASS, STAT, QUIT. */
async function pop3Steps(r: Replayer, session: SessionRun, s: AccountSettings): Promise<AccountOutcome> {
  if (s.security === 'starttls') {
    const reply = await ask(r, session, 'STLS');
    if (!/^\+OK/.test(last(reply))) return quit(r, session, 'QUIT', { ok: false, stage: 'starttls', text: `STLS refused: ${last(reply)}` });
    const failed = transportFailure(session, 'starttls');
    if (failed) return failed;
  }
  const user = await ask(r, session, `USER ${s.user}`);
  if (!/^\+OK/.test(last(user))) return quit(r, session, 'QUIT', { ok: false, stage: 'login', text: `login refused: ${last(user)}` });
  const pass = await ask(r, session, `PASS ${s.password}`);
  if (!/^\+OK/.test(last(pass))) return quit(r, session, 'QUIT', { ok: false, stage: 'login', text: `login refused: ${last(pass)}` });
  const stat = await ask(r, session, 'STAT');
  return quit(r, session, 'QUIT', { ok: true, stage: 'done', text: `logged in: ${last(stat).replace(/^\+OK\s*/, '')} (messages, octets)` });
}

/** RFC 9051: STARTTLS when asked (§6.2.1), LOGIN (§6.2.3), SELECT INBOX, LOGOUT. */
async function imapSteps(r: Replayer, session: SessionRun, s: AccountSettings): Promise<AccountOutcome> {
  if (s.security === 'starttls') {
    const reply = await ask(r, session, 'a STARTTLS');
    if (!/^a OK/.test(last(reply))) return quit(r, session, 'z LOGOUT', { ok: false, stage: 'starttls', text: `STARTTLS refused: ${last(reply)}` });
    const failed = transportFailure(session, 'starttls');
    if (failed) return failed;
  }
  const login = await ask(r, session, `b LOGIN ${imapString(s.user)} ${imapString(s.password)}`);
  if (!/^b OK/.test(last(login))) return quit(r, session, 'z LOGOUT', { ok: false, stage: 'login', text: `login refused: ${last(login)}` });
  const select = await ask(r, session, 'c SELECT INBOX');
  const exists = select.find((l) => /^\* \d+ EXISTS$/.test(l))?.match(/\d+/)?.[0] ?? '?';
  return quit(r, session, 'z LOGOUT', { ok: true, stage: 'done', text: `logged in: INBOX holds ${exists} messages` });
}

async function askAll(r: Replayer, session: SessionRun, lines: string[]): Promise<string[]> {
  let reply: string[] = [];
  for (const line of lines) reply = await ask(r, session, line);
  return reply;
}

async function quit(r: Replayer, session: SessionRun, command: string, outcome: AccountOutcome): Promise<AccountOutcome> {
  if (session.closedBy === null) await ask(r, session, command);
  return outcome;
}

/** RFC 9051 §4.3: a quoted string, its DQUOTE and backslash escaped (quoted-specials, §9). */
function imapString(text: string): string {
  return `"${text.replace(/(["\\])/g, '\\$1')}"`;
}
