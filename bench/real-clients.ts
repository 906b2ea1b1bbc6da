/**
 * Real clients side by side: Python's imaplib, smtplib and poplib (bench/real_clients.py), one
 * command at a time as they work, against `npm run serve -- --plaintext-auth` and against Dovecot
 * (mdbox) and Postfix on the same loopback in the same run. Each step runs on one server, then at
 * once on the other, so both meet the same machine load; the read-only steps are repeated
 * (`rounds`, alternating) and their median shown. Each row: both times and the ratio, and the CPU
 * time each server's processes spent in that step (every thread, from /proc on Linux): on a
 * machine others load, wall-clock time moves with the load, the work a server does much less.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_MAILBOX, referenceUnavailable, startReferenceServers } from './reference-servers.ts';
import { startServeProcess } from './serve-process.ts';

const SCRIPT = fileURLToPath(new URL('real_clients.py', import.meta.url));
export const SMTP_COUNT = 1000;

export interface RealClientOptions {
  /** Messages APPENDed by imaplib (the figures use 10,000). */
  imapCount: number;
  /** Times the read-only workloads run on each server, alternating; the median is shown. */
  rounds: number;
}

export interface ComparisonRow {
  workload: string;
  mailwire: number;
  /** Seconds on Dovecot or Postfix; null when they could not run. */
  reference: number | null;
  /** CPU seconds the server's processes spent in the step (median over rounds); null where unknown. */
  mailwireCpu: number | null;
  referenceCpu: number | null;
  referenceName: string;
  note: string;
}

type Timings = Record<string, number>;

/** Runs one workload; with `serverPid`, the script also reports the server's CPU per step (`<step>_cpu`). */
function python(args: readonly (string | number)[], serverPid: number | null): Promise<Timings> {
  const env = serverPid === null ? process.env : { ...process.env, BENCH_SERVER_PID: String(serverPid) };
  return new Promise((ok, fail) => {
    execFile('python3', [SCRIPT, ...args.map(String)], { maxBuffer: 1 << 26, timeout: 1_800_000, env }, (error, stdout, stderr) => {
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
  /** The main process of the server behind the SMTP port and of the one behind IMAP and POP3 (Linux), for CPU time. */
  pids: { smtp: number | null; mail: number | null };
}

/** A daemon's pid from its pid file (Dovecot's master.pid, Postfix's); null when it cannot be read. */
function pidFile(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The same step on each server in turn, so both see the same moment's machine load. */
async function both(targets: readonly Target[], server: 'smtp' | 'mail', step: (t: Target) => (string | number)[]): Promise<Timings[]> {
  const out: Timings[] = [];
  for (const t of targets) out.push(await python(step(t), t.pids[server]));
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per key, the median over rounds (counts are the same in every round). */
function medians(rounds: readonly Timings[]): Timings {
  const out: Timings = {};
  for (const key of Object.keys(rounds[0] ?? {})) out[key] = median(rounds.map((r) => r[key]!));
  return out;
}

async function runAll(targets: readonly Target[], o: RealClientOptions): Promise<Timings[]> {
  const smtp = await both(targets, 'smtp', (t) => ['smtp', t.host, t.smtp, 'sender@example.net', t.rcpt, SMTP_COUNT]);
  const append = await both(targets, 'mail', (t) => ['imap-append', t.host, t.imap, t.user, t.password, BENCH_MAILBOX, o.imapCount]);
  const reads: Timings[][] = targets.map(() => []);
  for (let round = 0; round < o.rounds; round++) {
    const pop3 = await both(targets, 'mail', (t) => ['pop3', t.host, t.pop3, t.user, t.password, SMTP_COUNT + t.inboxBefore]);
    const imap = await both(targets, 'mail', (t) => ['imap-read', t.host, t.imap, t.user, t.password, BENCH_MAILBOX]);
    targets.forEach((_, i) => reads[i]!.push({ ...pop3[i], ...imap[i] }));
  }
  return targets.map((_, i) => ({ ...smtp[i], ...append[i], ...medians(reads[i]!) }));
}

export async function benchRealClients(options: RealClientOptions): Promise<{ rows: ComparisonRow[]; skipped?: string }> {
  const serve = await startServeProcess();
  const why = referenceUnavailable();
  const live = why ? null : await startReferenceServers();
  let ours: Timings;
  let ref: Timings | null = null;
  try {
    const targets: Target[] = [{ host: '127.0.0.1', ...serve.ports, user: 'bench', password: 'bench', rcpt: 'bench@example.com', inboxBefore: 0, pids: { smtp: serve.pid, mail: serve.pid } }];
    if (live) {
      const { ports, user, dir } = live;
      const pids = { smtp: pidFile(join(dir, 'spool/pid/master.pid')), mail: pidFile(join(dir, 'run/master.pid')) };
      targets.push({ host: '127.0.0.1', smtp: ports.smtp, pop3: ports.pop3, imap: ports.imap, user: user.login, password: user.password, rcpt: user.address, inboxBefore: 1, pids });
    }
    const results = await runAll(targets, options);
    ours = results[0]!;
    ref = results[1] ?? null;
  } finally {
    await serve.stop();
    live?.stop();
  }
  const n = options.imapCount.toLocaleString('en-US');
  const row = (workload: string, key: string, referenceName: string, note = ''): ComparisonRow => ({
    workload,
    mailwire: ours[key]!,
    reference: ref ? ref[key]! : null,
    mailwireCpu: ours[`${key}_cpu`] ?? null,
    referenceCpu: ref?.[`${key}_cpu`] ?? null,
    referenceName,
    note,
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
  return why ? { rows, skipped: why } : { rows };
}

/**
 * The rows as a Markdown table. "server CPU" is what each server's processes spent in the step:
 * for Postfix only what it did while smtplib was sending (it delivers after), so a floor.
 */
export function comparisonTable(rows: readonly ComparisonRow[]): string {
  const head = ['workload', 'Dovecot / Postfix', 'Mailwire', 'ratio', 'server CPU (theirs / ours)', 'note'];
  const s = (seconds: number): string => (seconds < 0.1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(2)} s`);
  const cpu = (seconds: number | null): string => (seconds === null ? 'n/a' : s(seconds));
  const body = rows.map((r) => [
    r.workload,
    r.reference === null ? 'n/a' : `${s(r.reference)} (${r.referenceName})`,
    s(r.mailwire),
    r.reference === null ? '' : (r.mailwire / r.reference).toFixed(2),
    r.mailwireCpu === null && r.referenceCpu === null ? '' : `${cpu(r.referenceCpu)} / ${cpu(r.mailwireCpu)}`,
    r.note,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
