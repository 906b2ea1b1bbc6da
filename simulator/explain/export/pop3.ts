/**
 * A POP3 session as curl (one run per command: curl logs in, sends it and QUITs) and openssl.
 * swaks speaks SMTP only.
 */
import { pop3UserPass, saslCredentials } from './credentials.ts';
import { opensslExport } from './openssl.ts';
import { hostPort, shellLine } from './shell.ts';
import { readSteps, type Step } from './steps.ts';
import { typedLines, type Login } from './typed.ts';
import { PASSWORD_PLACEHOLDER, type ExportOptions, type ExportSession, type ToolCommand, type ToolExport } from './types.ts';

/** Commands whose reply is one line: curl must not wait for a multi-line body (-I, "no body"). */
const SINGLE_LINE = new Set(['DELE', 'STAT', 'NOOP']);

function login(steps: readonly Step[]): Login | null {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.verb === 'AUTH' && s.ok) {
      const credentials = saslCredentials(s);
      return credentials.mechanism === 'OTHER' ? null : { credentials, steps: [s] };
    }
    const pass = steps[i + 1];
    if (s.verb === 'USER' && pass?.verb === 'PASS' && pass.ok) return { credentials: pop3UserPass(s, pass), steps: [pass] };
  }
  return null;
}

function curlCommands(session: ExportSession, steps: readonly Step[], user: Login | null, options: ExportOptions, password: string, notes: string[]): ToolCommand[] {
  const scheme = session.tls === 'implicit' ? 'pop3s' : 'pop3';
  const root = `${scheme}://${hostPort(options.host, options.port)}/`;
  const auth = user ? ['--user', `${user.credentials.user}:${password}`] : [];
  const tls = session.tls === 'starttls' ? ['--ssl-reqd'] : [];
  // RFC 1939 §6: DELE marks take effect only at QUIT, and RSET unmarks them; every curl run QUITs.
  const quit = steps.findLastIndex((s) => s.verb === 'QUIT' && s.ok);
  const lastRset = steps.findLastIndex((s) => s.verb === 'RSET' && s.ok);
  const commands: ToolCommand[] = [];
  // RFC 1939 §6: in the session a deleted message keeps its number until QUIT; each curl run sees
  // the mailbox after the runs before it, so later numbers move down past the deleted ones.
  const deleted: number[] = [];
  const renumber = (n: number): number => n - deleted.filter((d) => d < n).length;
  steps.forEach((s, i) => {
    const number = /^(\d+)(.*)$/.exec(s.args.trim());
    const arg = number ? `${renumber(Number(number[1]))}${number[2]}` : s.args.trim();
    const line = arg === '' ? s.verb : `${s.verb} ${arg}`;
    if (['USER', 'PASS', 'AUTH', 'APOP', 'STLS', 'QUIT', 'CAPA', 'RSET'].includes(s.verb)) return;
    if (!s.ok) {
      notes.push(`\`${s.line}\` was refused (${s.reply ?? 'no reply'}); left out.`);
      return;
    }
    if (s.verb === 'DELE' && (i < lastRset || quit < 0 || i > quit)) {
      notes.push(`\`${s.line}\`: the session ${i < lastRset ? 'undid it with RSET' : 'never QUIT, so the mark was dropped (RFC 1939 §6)'}; a curl run QUITs and would delete for good, so it is left out.`);
      return;
    }
    let argv: string[];
    if (s.verb === 'RETR' && /^\d+$/.test(arg)) argv = ['curl', `${root}${arg}`];
    else if (s.verb === 'LIST' && arg === '') argv = ['curl', root];
    else argv = ['curl', root, '-X', line, ...(SINGLE_LINE.has(s.verb) || (arg !== '' && ['LIST', 'UIDL'].includes(s.verb)) ? ['-I'] : [])];
    argv.push(...tls, ...auth);
    if (line !== s.line.trim()) notes.push(`\`${s.line.trim()}\` becomes \`${line}\`: the message deleted by an earlier curl run is gone, so the numbers after it move down.`);
    if (s.verb === 'DELE' && number) deleted.push(Number(number[1]));
    commands.push({ title: line, argv, shell: shellLine(argv) });
  });
  if (steps.some((s) => s.verb === 'RSET' && s.ok)) notes.push('RSET has no curl equivalent: each curl run is its own session, so there is nothing to reset.');
  if (steps.some((s) => s.verb === 'APOP')) notes.push('APOP: curl can log in with it (--login-options AUTH=+APOP) but the password cannot be read back from the digest.');
  return commands;
}

export function exportPop3(session: ExportSession, options: ExportOptions): ToolExport[] {
  const steps = readSteps('pop3', session.lines);
  const user = login(steps);
  const password = options.includePassword ? (user?.credentials.password ?? PASSWORD_PLACEHOLDER) : PASSWORD_PLACEHOLDER;
  const passwordNote = user && !options.includePassword ? [`Replace ${PASSWORD_PLACEHOLDER} with the password.`] : [];
  const startAt = session.tls === 'starttls' ? steps.findIndex((s) => s.verb === 'STLS' && s.ok) + 1 : 0;
  const curlNotes: string[] = [];
  const commands = curlCommands(session, steps, user, options, password, curlNotes);
  return [
    { tool: 'swaks', commands: [], notes: ['swaks speaks SMTP only; it has nothing for POP3.'] },
    opensslExport('pop3', session.tls, options.host, options.port, typedLines(steps.slice(startAt), user, password), passwordNote),
    {
      tool: 'curl',
      commands,
      notes: [
        'Each curl run is a session of its own: it logs in, sends one command and QUITs, so a DELE is final when that run ends.',
        'pop3://host/N is RETR N; -X sends another command; -I tells curl the reply is a single line.',
        ...(session.tls !== 'none' ? ['curl checks the certificate: your server\'s real certificate needs no extra flag (only a self-signed test server needs -k).'] : []),
        ...passwordNote, ...curlNotes,
      ],
    },
  ];
}
