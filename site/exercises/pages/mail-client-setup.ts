/**
 * Page 11, setting up a mail client: exercises done in the page's account dialog. Each solution
 * is what a learner fills in; the check reads the sessions the virtual mail program made.
 */
import type { AccountSettings } from '../../components/setup/account-settings.ts';
import { fail, pass } from '../checks.ts';
import type { Exercise, GoalCheck, SessionRun, SetupExercise, Snippet } from '../types.ts';

export const exercises: Exercise[] = [];
export const snippets: Snippet[] = [];

const ALICE = { user: 'alice@example.com', password: 'wonderland' };
const account = (protocol: AccountSettings['protocol'], server: string, port: number, security: AccountSettings['security']): AccountSettings => ({ protocol, server, port, security, ...ALICE });

/** The first server line after the client line matching `command`. */
function replyTo(session: SessionRun, command: RegExp): string | undefined {
  const i = session.lines.findIndex((l) => l.from === 'C' && command.test(l.text));
  return i < 0 ? undefined : session.lines.slice(i + 1).find((l) => l.from === 'S')?.text;
}

/** TLS from the first byte (RFC 8314 §3), or a STARTTLS/STLS the server agreed to. */
function overTls(session: SessionRun): boolean {
  if ([465, 993, 995].includes(session.port)) return true;
  const answer = replyTo(session, /^(?:\S+ )?(?:STARTTLS|STLS)$/i);
  return answer !== undefined && /^(?:220 |\+OK|\S+ OK\b)/.test(answer);
}

const sessionWhere = (what: string, test: (s: SessionRun) => boolean): GoalCheck => (run) =>
  run.sessions.some(test) ? pass(`Done: ${what}.`) : fail(`Not yet: ${what}. Press "Test account" with other settings.`);

export const setupExercises: SetupExercise[] = [
  {
    id: 'setup-outgoing',
    start: 'default',
    title: 'Outgoing mail that goes through',
    goal: 'Set up Alice\'s outgoing server (SMTP) so that the test message goes through, over TLS.',
    hints: ['Sending is submission: 465 or 587 (the ports page).', 'Each port has one security setting that fits it: the table above.', 'The user name is the whole address.'],
    solution: account('smtp', 'mail.example.com', 465, 'tls'),
    wrong: account('smtp', 'mail.example.com', 25, 'none'),
    check: sessionWhere('a test message was accepted after a login over TLS', (s) =>
      [465, 587].includes(s.port) && overTls(s) && /^235 /.test(replyTo(s, /^AUTH /i) ?? '') && /^250 /.test(replyTo(s, /^\.$/) ?? '')),
  },
  {
    id: 'setup-incoming',
    start: 'default',
    title: 'Incoming mail over IMAP',
    goal: 'Set up Alice\'s incoming server with IMAP so that the login works, over TLS.',
    hints: ['IMAP has two ports: one with TLS from the start, one that upgrades.', 'The security setting must match the port, or the first bytes do not make sense to the server.'],
    solution: account('imap', 'mail.example.com', 993, 'tls'),
    wrong: account('imap', 'mail.example.com', 143, 'none'),
    check: sessionWhere('Alice logged in over IMAP with TLS', (s) => [143, 993].includes(s.port) && overTls(s) && /^\S+ OK/.test(replyTo(s, /^\S+ LOGIN /i) ?? '')),
  },
  {
    id: 'setup-530',
    start: 'default',
    title: 'Why "None" fails on 587',
    goal: 'Set the outgoing server to port 587 with security "None" and read why the server refuses the login.',
    hints: ['Port 587 offers STARTTLS; "None" never sends it.', 'Look at the reply to AUTH in the transcript.'],
    solution: account('smtp', 'mail.example.com', 587, 'none'),
    wrong: account('smtp', 'mail.example.com', 587, 'starttls'),
    check: sessionWhere('AUTH before STARTTLS was refused with 530', (s) => s.port === 587 && /^530 /.test(replyTo(s, /^AUTH /i) ?? '')),
  },
  {
    id: 'setup-certificate',
    start: 'default',
    title: 'A certificate for another name',
    goal: 'Point the incoming server at the address 192.0.2.10 instead of the name mail.example.com, with TLS, and read why the connection fails.',
    hints: ['The certificate names mail.example.com (RFC 7817 §3): the program checks it against what you typed.', 'The address is the same machine; only the name in the settings changes.'],
    solution: account('imap', '192.0.2.10', 993, 'tls'),
    wrong: account('imap', 'mail.example.com', 993, 'tls'),
    check: sessionWhere('the TLS handshake failed on the certificate\'s name', (s) => s.errors.some((e) => /bad_certificate/.test(e))),
  },
  {
    id: 'setup-port-26',
    start: 'default',
    title: 'Port 26 from a hosting company\'s guide',
    goal: 'Some hosting guides say to send on port 26. Try it for the outgoing server here and read what happens.',
    hints: ['No IANA registration makes 26 a mail port (the ports page).', 'Which security you pick does not matter here.'],
    solution: account('smtp', 'mail.example.com', 26, 'starttls'),
    wrong: account('smtp', 'mail.example.com', 587, 'starttls'),
    check: sessionWhere('the connection to port 26 was refused', (s) => s.port === 26 && s.errors.some((e) => e.startsWith('REFUSED'))),
  },
];
