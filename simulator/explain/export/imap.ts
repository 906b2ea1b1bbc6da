/**
 * An IMAP session as curl (one run per command on the mailbox the session selected) and openssl.
 * swaks speaks SMTP only.
 */
import { imapLoginCredentials, saslCredentials } from './credentials.ts';
import { imapAstrings } from './imap-args.ts';
import { opensslExport } from './openssl.ts';
import { hostPort, shellLine } from './shell.ts';
import { readSteps, type Step } from './steps.ts';
import { typedLines, type Login } from './typed.ts';
import { PASSWORD_PLACEHOLDER, type ExportOptions, type ExportSession, type ToolCommand, type ToolExport } from './types.ts';

/** Commands curl runs itself from the URL and --user, or that end its run. */
const IMPLIED = new Set(['LOGIN', 'AUTHENTICATE', 'STARTTLS', 'LOGOUT', 'CAPABILITY', 'SELECT', 'EXAMINE']);
/** RFC 9051 §6.4: these need a selected mailbox (curl SELECTs the URL's mailbox first). */
const SELECTED = /^(UID )?(FETCH|STORE|COPY|MOVE|SEARCH|EXPUNGE)$|^(CLOSE|UNSELECT|CHECK)$/;

function login(steps: readonly Step[]): Login | null {
  const s = steps.find((x) => x.ok && (x.verb === 'LOGIN' || x.verb === 'AUTHENTICATE'));
  if (!s) return null;
  const credentials = s.verb === 'LOGIN' ? imapLoginCredentials(s) : saslCredentials(s);
  return credentials.mechanism === 'OTHER' ? null : { credentials, steps: [s] };
}

/** RFC 5092 IMAP URL: the mailbox name percent-encoded, hierarchy "/" kept. */
function mailboxUrl(root: string, mailbox: string): string {
  return root + mailbox.split('/').map(encodeURIComponent).join('/');
}

function curlCommands(session: ExportSession, steps: readonly Step[], user: Login | null, options: ExportOptions, password: string, notes: string[]): ToolCommand[] {
  const scheme = session.tls === 'implicit' ? 'imaps' : 'imap';
  const root = `${scheme}://${hostPort(options.host, options.port)}/`;
  const extra = [...(session.tls === 'starttls' ? ['--ssl-reqd'] : []), ...(user ? ['--user', `${user.credentials.user}:${password}`] : [])];
  const commands: ToolCommand[] = [];
  let mailbox: string | null = null;
  let readOnly = false;
  for (const s of steps) {
    if ((s.verb === 'SELECT' || s.verb === 'EXAMINE') && s.ok) {
      mailbox = imapAstrings(s.args)[0] ?? null;
      readOnly = s.verb === 'EXAMINE';
    }
    if (s.verb === 'CLOSE' || s.verb === 'UNSELECT') mailbox = s.ok ? null : mailbox;
    if (IMPLIED.has(s.verb) || s.verb === '') continue;
    let command = `${s.verb} ${s.args}`.trim();
    // RFC 9051 §6.3.3: EXAMINE is read-only, so its FETCH BODY[] set no \Seen; curl SELECTs, so peek instead.
    if (readOnly && /FETCH$/.test(s.verb) && /BODY\[/i.test(s.args)) {
      command = command.replace(/BODY\[/gi, 'BODY.PEEK[');
      notes.push(`\`${s.line}\` ran in a mailbox opened with EXAMINE (read-only); curl SELECTs it, so the export fetches with BODY.PEEK[] to leave \\Seen alone.`);
    }
    if (!s.ok) {
      notes.push(`\`${s.line}\` was refused (${s.reply ?? 'no reply'}); left out.`);
      continue;
    }
    if (s.verb === 'IDLE') {
      notes.push('IDLE (RFC 2177): curl cannot wait for the server\'s news; type it with openssl s_client (DONE ends it).');
      continue;
    }
    if (s.literal) {
      notes.push(`\`${s.line}\` carries a literal (${s.verb === 'APPEND' ? 'the message' : 'a string sent after the line'}); this export does not turn literals into curl options — type it with openssl s_client.`);
      continue;
    }
    if (['NOOP', 'CHECK', 'ENABLE', 'ID'].includes(s.verb)) {
      notes.push(`\`${command}\` only changes the session it is sent in; a curl run is a session of its own, so it is left out.`);
      continue;
    }
    const needsMailbox = SELECTED.test(s.verb);
    if (needsMailbox && mailbox === null) {
      notes.push(`\`${s.line}\` ran with no mailbox selected; left out.`);
      continue;
    }
    const url = needsMailbox ? mailboxUrl(root, mailbox!) : root;
    const whole = readOnly ? null : /^(\d+) BODY\[\]$/i.exec(s.args.trim());
    const argv =
      whole && (s.verb === 'FETCH' || s.verb === 'UID FETCH')
        ? ['curl', `${url};${s.verb === 'FETCH' ? 'MAILINDEX' : 'UID'}=${whole[1]}`]
        : ['curl', url, '-X', command];
    argv.push(...extra);
    commands.push({ title: command, argv, shell: shellLine(argv) });
  }
  return commands;
}

export function exportImap(session: ExportSession, options: ExportOptions): ToolExport[] {
  const steps = readSteps('imap', session.lines);
  const user = login(steps);
  const password = options.includePassword ? (user?.credentials.password ?? PASSWORD_PLACEHOLDER) : PASSWORD_PLACEHOLDER;
  const passwordNote = user && !options.includePassword ? [`Replace ${PASSWORD_PLACEHOLDER} with the password.`] : [];
  const startAt = session.tls === 'starttls' ? steps.findIndex((s) => s.verb === 'STARTTLS' && s.ok) + 1 : 0;
  const curlNotes: string[] = [];
  const commands = curlCommands(session, steps, user, options, password, curlNotes);
  return [
    { tool: 'swaks', commands: [], notes: ['swaks speaks SMTP only; it has nothing for IMAP.'] },
    opensslExport('imap', session.tls, options.host, options.port, typedLines(steps.slice(startAt), user, password), passwordNote),
    {
      tool: 'curl',
      commands,
      notes: [
        'Each curl run is a session of its own: it logs in, SELECTs the mailbox in the URL, sends one command (-X) and logs out; flags and expunges it makes stay.',
        'imap://host/MAILBOX;UID=n fetches a whole message by UID (;MAILINDEX=n by sequence number).',
        ...(session.tls !== 'none' ? ['curl checks the certificate: your server\'s real certificate needs no extra flag (only a self-signed test server needs -k).'] : []),
        ...passwordNote, ...curlNotes,
      ],
    },
  ];
}
