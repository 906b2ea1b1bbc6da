/**
 * An SMTP session as swaks, openssl s_client and curl: the greeting name, STARTTLS or implicit
 * TLS, the login, and each message that was accepted (envelope and DATA).
 */
import { saslCredentials } from './credentials.ts';
import { opensslExport } from './openssl.ts';
import { hostPort, shellLine, withHereDoc } from './shell.ts';
import { readSteps, unstuff, type Step } from './steps.ts';
import { typedLines, type Login } from './typed.ts';
import { PASSWORD_PLACEHOLDER, type ExportOptions, type ExportSession, type ToolCommand, type ToolExport } from './types.ts';

export interface SmtpMessage {
  from: string;
  to: string[];
  /** The message as the client meant it: the DATA lines without dot-stuffing. */
  body: string[];
}

export interface SmtpSummary {
  ehlo: string | null;
  helo: boolean;
  login: Login | null;
  messages: SmtpMessage[];
  /** Steps swaks and curl cannot carry, as notes. */
  notes: string[];
  steps: Step[];
}

/** RFC 5321 §4.1.2: the path inside <…>; parameters after it are the extensions' (SIZE=, BODY=). */
function path(args: string): { address: string; params: string } {
  const m = /^(?:FROM|TO):\s*<([^>]*)>\s*(.*)$/i.exec(args.trim());
  return m ? { address: m[1]!, params: m[2]! } : { address: args.replace(/^(FROM|TO):/i, '').trim(), params: '' };
}

export function summarizeSmtp(session: ExportSession): SmtpSummary {
  const steps = readSteps('smtp', session.lines);
  const summary: SmtpSummary = { ehlo: null, helo: false, login: null, messages: [], notes: [], steps };
  let current: SmtpMessage | null = null;
  for (const step of steps) {
    const replied = step.reply ?? '(no reply)';
    if (!step.ok && !['QUIT'].includes(step.verb)) {
      if (step.verb) summary.notes.push(`\`${step.line}\` was refused (${replied}); the exported commands leave it out.`);
      continue;
    }
    switch (step.verb) {
      case 'EHLO':
      case 'HELO':
        summary.ehlo = step.args.trim() || null;
        summary.helo = step.verb === 'HELO';
        current = null;
        break;
      case 'AUTH': {
        const credentials = saslCredentials(step);
        if (credentials.mechanism === 'OTHER') summary.notes.push(`AUTH ${credentials.name}: the export carries PLAIN and LOGIN logins only.`);
        else summary.login = { credentials, steps: [step] };
        break;
      }
      case 'MAIL': {
        const { address, params } = path(step.args);
        current = { from: address, to: [], body: [] };
        if (params) summary.notes.push(`MAIL FROM parameters \`${params}\`: swaks and curl choose their own (they send none or SIZE), so these are not carried.`);
        break;
      }
      case 'RCPT':
        current?.to.push(path(step.args).address);
        break;
      case 'DATA':
        if (current) summary.messages.push({ ...current, body: (step.data ?? []).map(unstuff) });
        current = null;
        break;
      case 'RSET':
        current = null;
        break;
      case 'BDAT':
        summary.notes.push('BDAT (RFC 3030 CHUNKING): neither swaks nor curl can send chunks; they send the message with DATA, and this export does not carry BDAT chunks — type them with openssl.');
        break;
      case 'STARTTLS':
      case 'QUIT':
        break;
      default:
        summary.notes.push(`\`${step.line}\`: swaks and curl have no option for ${step.verb}; type it with openssl s_client.`);
    }
  }
  if (summary.helo) summary.notes.push('The session greeted with HELO; swaks and curl greet with EHLO (and fall back to HELO only if EHLO is refused).');
  return summary;
}

function swaksCommands(session: ExportSession, summary: SmtpSummary, options: ExportOptions, password: string): ToolCommand[] {
  const base = ['swaks', '--server', hostPort(options.host, options.port)];
  if (session.tls === 'starttls') base.push('--tls');
  if (session.tls === 'implicit') base.push('--tls-on-connect');
  if (summary.ehlo) base.push('--ehlo', summary.ehlo);
  const login = summary.login?.credentials;
  if (login) base.push('--auth', login.mechanism, '--auth-user', login.user, '--auth-password', password);
  if (summary.messages.length === 0) {
    // swaks always wants a recipient; --quit-after stops it where the session stopped.
    const argv = [...base, '--quit-after', login ? 'AUTH' : session.tls === 'none' ? 'HELO' : 'TLS'];
    return [{ title: 'Connect, greet and log in, then quit (the session sent no message)', argv, shell: shellLine(argv) }];
  }
  if (summary.messages.some((m) => m.body.some((l) => /%[A-Z_]+%|\\n/.test(l) || /^From /.test(m.body[0] ?? '')))) {
    summary.notes.push('swaks rewrites %TOKENS%, a literal \\n and a first line starting "From " in --data; this message has one of them, so check what arrived.');
  }
  return summary.messages.map((m, i) => {
    const argv = [...base, '--from', m.from, '--to', m.to.join(','), '--data', '-'];
    // swaks drops a final "." line (else it would add a blank line before its own).
    const stdin = [...m.body, '.'].join('\n') + '\n';
    return { title: `Send message ${i + 1} (${m.from || '<>'} → ${m.to.join(', ')})`, argv, stdin, shell: withHereDoc(argv, stdin) };
  });
}

function curlCommands(session: ExportSession, summary: SmtpSummary, options: ExportOptions, password: string): ToolCommand[] {
  const scheme = session.tls === 'implicit' ? 'smtps' : 'smtp';
  // curl's URL path is the name it greets with (EHLO name).
  const url = `${scheme}://${hostPort(options.host, options.port)}/${summary.ehlo ?? ''}`;
  const base = ['curl', url];
  if (session.tls === 'starttls') base.push('--ssl-reqd');
  const login = summary.login?.credentials;
  if (login) base.push('--user', `${login.user}:${password}`, '--login-options', `AUTH=${login.mechanism}`);
  return summary.messages.map((m, i) => {
    const argv = [...base, '--mail-from', m.from, ...m.to.flatMap((t) => ['--mail-rcpt', t]), '--upload-file', '-', '--crlf'];
    const stdin = m.body.join('\n') + '\n';
    return { title: `Send message ${i + 1} (${m.from || '<>'} → ${m.to.join(', ')})`, argv, stdin, shell: withHereDoc(argv, stdin) };
  });
}

export function exportSmtp(session: ExportSession, options: ExportOptions): ToolExport[] {
  const summary = summarizeSmtp(session);
  const real = summary.login?.credentials.password ?? PASSWORD_PLACEHOLDER;
  const password = options.includePassword ? real : PASSWORD_PLACEHOLDER;
  const several = summary.messages.length > 1 ? ['Each command sends one message on its own connection; the session sent them on one.'] : [];
  const passwordNote = summary.login && !options.includePassword ? [`Replace ${PASSWORD_PLACEHOLDER} with the password.`] : [];
  const startAt = session.tls === 'starttls' ? summary.steps.findIndex((s) => s.verb === 'STARTTLS' && s.ok) + 1 : 0;
  const typed = typedLines(summary.steps.slice(startAt), summary.login, password);
  return [
    {
      tool: 'swaks',
      commands: swaksCommands(session, summary, options, password),
      notes: [
        '--data - reads the whole message (headers, blank line, body, the final ".") from the here-document; swaks doubles leading dots itself.',
        ...(session.tls !== 'none' ? ['swaks does not check the server\'s certificate unless you add --tls-verify; a server with a real certificate passes it.'] : []),
        ...several, ...passwordNote, ...summary.notes,
      ],
    },
    opensslExport('smtp', session.tls, options.host, options.port, typed, passwordNote),
    {
      tool: 'curl',
      commands: curlCommands(session, summary, options, password),
      notes: [
        ...(summary.messages.length === 0 ? ['curl sends mail only: a session without a message has no curl equivalent.'] : []),
        '--upload-file - reads the message from the here-document; --crlf turns its line ends into CRLF; curl doubles leading dots itself.',
        ...(session.tls !== 'none' ? ['curl checks the certificate: your server\'s real certificate needs no extra flag (only a self-signed test server needs -k).'] : []),
        ...several, ...passwordNote, ...summary.notes,
      ],
    },
  ];
}
