/**
 * Real clients side by side: Python's imaplib, smtplib and poplib (bench/real_clients.py), one
 * command at a time as they work, against `npm run serve -- --plaintext-auth` and against Dovecot
 * (mdbox) and Postfix on the same loopback in the same run. Each step runs on one server, then at
 * once on the other, so both meet the same machine load; the read-only steps are repeated
 * (`rounds`, the first server of a round alternating) and their median shown. The ratio is
 * paired: the median of each round's Mailwire ÷ Dovecot, so a moment the whole machine was slow
 * counts against both. Servers and clients run on CPUs of their own (cpu-pinning.ts). Each row:
 * both times and the ratio, and the CPU time each server's processes spent in that step (every
 * thread, from /proc on Linux): on a machine others load, wall-clock time moves with the load,
 * the work a server does much less.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuPinning, onClientCpus, pinProcessTree, type Pinning } from './cpu-pinning.ts';
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

/** A row's Mailwire ÷ reference: the median of the rounds' ratios, and their least and greatest. */
export interface Ratio {
  median: number;
  low: number;
  high: number;
}

export interface ComparisonRow {
  workload: string;
  mailwire: number;
  /** Seconds on Dovecot or Postfix; null when they could not run. */
  reference: number | null;
  /** CPU seconds the server's processes spent in the step (median over rounds); null where unknown. */
  mailwireCpu: number | null;
  referenceCpu: number | null;
  /**
   * Seconds the client spent waiting in the step (its wall time less its own CPU time), median over
   * rounds: what the server adds to a client that is busy parsing; the reference's is null without one.
   */
  mailwireWait: number;
  referenceWait: number | null;
  referenceName: string;
  /** null without a reference; a row run once has low = high = median. */
  ratio: Ratio | null;
  note: string;
}

type Timings = Record<string, number>;

/** Runs one workload; with `serverPid`, the script also reports the server's CPU per step (`<step>_cpu`). */
function python(args: readonly (string | number)[], serverPid: number | null, pinning: Pinning | null): Promise<Timings> {
  const env = serverPid === null ? process.env : { ...process.env, BENCH_SERVER_PID: String(serverPid) };
  const [command, argv] = onClientCpus(pinning, 'python3', [SCRIPT, ...args.map(String)]);
  return new Promise((ok, fail) => {
    execFile(command, argv, { maxBuffer: 1 << 26, timeout: 1_800_000, env }, (error, stdout, stderr) => {
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

/**
 * The same step on each server in turn, so both see the same moment's machine load; `reversed`
 * runs the last target first (rounds alternate which server goes first). Results in target order.
 */
async function both(targets: readonly Target[], server: 'smtp' | 'mail', pinning: Pinning | null, step: (t: Target) => (string | number)[], reversed = false): Promise<Timings[]> {
  const out: Timings[] = new Array(targets.length);
  const order = targets.map((_, i) => i);
  if (reversed) order.reverse();
  for (const i of order) out[i] = await python(step(targets[i]!), targets[i]!.pids[server], pinning);
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Per key, the median over rounds (counts are the same in every round), and for each timed step
 * `<step>_wait`: the median of its rounds' wall time less the client's CPU time.
 */
function medians(rounds: readonly Timings[]): Timings {
  const out: Timings = {};
  for (const key of Object.keys(rounds[0] ?? {})) {
    out[key] = median(rounds.map((r) => r[key]!));
    const step = key.endsWith('_client') ? key.slice(0, -'_client'.length) : null;
    if (step !== null) out[`${step}_wait`] = median(rounds.map((r) => Math.max(0, r[step]! - r[key]!)));
  }
  return out;
}

/** Each server's results per round: the steps run once (SMTP, APPEND) in every round's entry. */
type Rounds = Timings[][];

async function runAll(targets: readonly Target[], o: RealClientOptions, pinning: Pinning | null): Promise<Rounds> {
  const smtp = await both(targets, 'smtp', pinning, (t) => ['smtp', t.host, t.smtp, 'sender@example.net', t.rcpt, SMTP_COUNT]);
  const append = await both(targets, 'mail', pinning, (t) => ['imap-append', t.host, t.imap, t.user, t.password, BENCH_MAILBOX, o.imapCount]);
  const reads: Rounds = targets.map(() => []);
  for (let round = 0; round < o.rounds; round++) {
    const reversed = round % 2 === 1;
    const pop3 = await both(targets, 'mail', pinning, (t) => ['pop3', t.host, t.pop3, t.user, t.password, SMTP_COUNT + t.inboxBefore], reversed);
    const imap = await both(targets, 'mail', pinning, (t) => ['imap-read', t.host, t.imap, t.user, t.password, BENCH_MAILBOX], reversed);
    targets.forEach((_, i) => reads[i]!.push({ ...smtp[i], ...append[i], ...pop3[i], ...imap[i] }));
  }
  return reads;
}

/** The paired ratio of `key`: each round's ours ÷ theirs, then their median and range. */
function pairedRatio(ours: readonly Timings[], theirs: readonly Timings[], key: string): Ratio {
  const each = ours.map((r, i) => r[key]! / theirs[i]![key]!);
  return { median: median(each), low: Math.min(...each), high: Math.max(...each) };
}

export async function benchRealClients(options: RealClientOptions): Promise<{ rows: ComparisonRow[]; skipped?: string; pinning: string }> {
  const serve = await startServeProcess();
  const why = referenceUnavailable();
  const live = why ? null : await startReferenceServers();
  const pin = cpuPinning();
  let ours: Timings;
  let ref: Timings | null = null;
  let rounds: Rounds;
  try {
    const targets: Target[] = [{ host: '127.0.0.1', ...serve.ports, user: 'bench', password: 'bench', rcpt: 'bench@example.com', inboxBefore: 0, pids: { smtp: serve.pid, mail: serve.pid } }];
    if (live) {
      const { ports, user, dir } = live;
      const pids = { smtp: pidFile(join(dir, 'spool/pid/master.pid')), mail: pidFile(join(dir, 'run/master.pid')) };
      targets.push({ host: '127.0.0.1', smtp: ports.smtp, pop3: ports.pop3, imap: ports.imap, user: user.login, password: user.password, rcpt: user.address, inboxBefore: 1, pids });
    }
    if (pin.pinning) for (const pid of new Set(targets.flatMap((t) => [t.pids.smtp, t.pids.mail]))) if (pid !== null) pinProcessTree(pid, pin.pinning.server);
    rounds = await runAll(targets, options, pin.pinning);
    ours = medians(rounds[0]!);
    ref = rounds[1] ? medians(rounds[1]) : null;
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
    mailwireWait: ours[`${key}_wait`]!,
    referenceWait: ref ? ref[`${key}_wait`]! : null,
    referenceName,
    ratio: rounds[1] ? pairedRatio(rounds[0]!, rounds[1], key) : null,
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
  const pinning = pin.pinning ? `servers on CPU ${pin.pinning.server}, clients on CPU ${pin.pinning.client}` : `not pinned: ${pin.why}`;
  return why ? { rows, skipped: why, pinning } : { rows, pinning };
}

/**
 * The rows as a Markdown table. "server CPU" is what each server's processes spent in the step:
 * for Postfix only what it did while smtplib was sending (it delivers after), so a floor.
 * "client waited" is the client's wall time less its own CPU time: where a row's client is busy
 * parsing the whole time (FETCH of 10,000, RETR), the ratio moves with how fast the client runs
 * that round, and this is the part the server decides.
 */
export function comparisonTable(rows: readonly ComparisonRow[]): string {
  const head = ['workload', 'Dovecot / Postfix', 'Mailwire', 'ratio (rounds)', 'server CPU (theirs / ours)', 'client waited (theirs / ours)', 'note'];
  const s = (seconds: number): string => (seconds < 0.1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(2)} s`);
  const cpu = (seconds: number | null): string => (seconds === null ? 'n/a' : s(seconds));
  const body = rows.map((r) => [
    r.workload,
    r.reference === null ? 'n/a' : `${s(r.reference)} (${r.referenceName})`,
    s(r.mailwire),
    r.ratio === null ? '' : r.ratio.low === r.ratio.high ? r.ratio.median.toFixed(2) : `${r.ratio.median.toFixed(2)} (${r.ratio.low.toFixed(2)}-${r.ratio.high.toFixed(2)})`,
    r.mailwireCpu === null && r.referenceCpu === null ? '' : `${cpu(r.referenceCpu)} / ${cpu(r.mailwireCpu)}`,
    `${cpu(r.referenceWait)} / ${s(r.mailwireWait)}`,
    r.note,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
