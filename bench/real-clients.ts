/**
 * Real clients side by side: Python's imaplib, smtplib and poplib (bench/real_clients.py), one
 * command at a time as they work, against `npm run serve -- --plaintext-auth` and against Dovecot
 * (mdbox) and Postfix on the same loopback in the same run. Each row: both times and the ratio.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BENCH_MAILBOX, referenceUnavailable, startReferenceServers } from './reference-servers.ts';
import { startServeProcess } from './serve-process.ts';

const SCRIPT = fileURLToPath(new URL('real_clients.py', import.meta.url));
export const SMTP_COUNT = 1000;

export interface RealClientOptions {
  /** Messages APPENDed by imaplib (the figures use 10,000). */
  imapCount: number;
}

export interface ComparisonRow {
  workload: string;
  mailwire: number;
  /** Seconds on Dovecot or Postfix; null when they could not run. */
  reference: number | null;
  referenceName: string;
  note: string;
}

type Timings = Record<string, number>;

function python(args: readonly (string | number)[]): Promise<Timings> {
  return new Promise((ok, fail) => {
    execFile('python3', [SCRIPT, ...args.map(String)], { maxBuffer: 1 << 26, timeout: 900_000 }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`real_clients.py ${args.slice(0, 3).join(' ')}: ${stderr || error.message}`));
      ok(JSON.parse(stdout.trim().split('\n').at(-1)!) as Timings);
    });
  });
}

interface Target {
  host: string;
  smtp: number;
  pop3: number;
  imap: number;
  user: string;
  password: string;
  rcpt: string;
  /** Messages already in INBOX before the SMTP row (Dovecot's welcome message). */
  inboxBefore: number;
}

async function runAll(t: Target, imapCount: number): Promise<Timings> {
  const smtp = await python(['smtp', t.host, t.smtp, 'sender@example.net', t.rcpt, SMTP_COUNT]);
  const pop3 = await python(['pop3', t.host, t.pop3, t.user, t.password, SMTP_COUNT + t.inboxBefore]);
  const imap = await python(['imap', t.host, t.imap, t.user, t.password, BENCH_MAILBOX, imapCount]);
  return { ...smtp, ...pop3, ...imap };
}

async function mailwire(imapCount: number): Promise<Timings> {
  const serve = await startServeProcess();
  try {
    return await runAll({ host: '127.0.0.1', ...serve.ports, user: 'bench', password: 'bench', rcpt: 'bench@example.com', inboxBefore: 0 }, imapCount);
  } finally {
    await serve.stop();
  }
}

async function reference(imapCount: number): Promise<Timings | string> {
  const why = referenceUnavailable();
  if (why) return why;
  const live = await startReferenceServers();
  try {
    const { ports, user } = live;
    return await runAll({ host: '127.0.0.1', smtp: ports.smtp, pop3: ports.pop3, imap: ports.imap, user: user.login, password: user.password, rcpt: user.address, inboxBefore: 1 }, imapCount);
  } finally {
    live.stop();
  }
}

export async function benchRealClients(options: RealClientOptions): Promise<{ rows: ComparisonRow[]; skipped?: string }> {
  const n = options.imapCount.toLocaleString('en-US');
  const ours = await mailwire(options.imapCount);
  const theirs = await reference(options.imapCount);
  const ref = typeof theirs === 'string' ? null : theirs;
  const row = (workload: string, key: string, referenceName: string, note = ''): ComparisonRow => ({
    workload, mailwire: ours[key]!, reference: ref ? ref[key]! : null, referenceName, note,
  });
  const rows = [
    row(`imaplib APPEND x${n} (synchronizing literal)`, 'imap_append', 'Dovecot'),
    row('SELECT + FETCH 1:* (FLAGS ENVELOPE)', 'imap_fetch_envelope', 'Dovecot', `${ours.imap_envelopes} messages`),
    row('UID FETCH 1:* (BODY.PEEK[])', 'imap_uid_fetch_body', 'Dovecot', `${ours.imap_bodies} bodies`),
    row('SEARCH SUBJECT xylophone', 'imap_search_subject', 'Dovecot', `${ours.imap_subject_hits} hits`),
    row('SEARCH BODY needle', 'imap_search_body', 'Dovecot', `${ours.imap_body_hits} hits`),
    row(`smtplib, ${SMTP_COUNT.toLocaleString('en-US')} messages, one connection`, 'smtp_send', 'Postfix'),
    row(`poplib RETR of all ${SMTP_COUNT.toLocaleString('en-US')}`, 'pop3_retr', 'Dovecot', `${ours.pop3_messages} messages`),
  ];
  return typeof theirs === 'string' ? { rows, skipped: theirs } : { rows };
}

export function comparisonTable(rows: readonly ComparisonRow[]): string {
  const head = ['workload', 'Dovecot / Postfix', 'Mailwire', 'ratio', 'note'];
  const s = (seconds: number): string => (seconds < 0.1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(2)} s`);
  const body = rows.map((r) => [
    r.workload,
    r.reference === null ? 'n/a' : `${s(r.reference)} (${r.referenceName})`,
    s(r.mailwire),
    r.reference === null ? '' : (r.mailwire / r.reference).toFixed(2),
    r.note,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
