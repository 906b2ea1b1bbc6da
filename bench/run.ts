/**
 * `npm run bench`: throughput of the engines over real TCP on loopback (and SMTP in-process), the
 * bridge relay's overhead and its memory under 500 slow sessions, Python's real clients against
 * `npm run serve` beside Dovecot and Postfix, and the memory of a large mailbox. Not a test. A part that cannot run says why.
 *
 *   npm run bench -- [--count N] [--rounds N] [--memory-messages N] [--only smtp,pop3,imap,relay,relay-load,real,memory]
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { benchImap } from './imap.ts';
import { benchMemory, memoryReport } from './memory.ts';
import { benchPop3 } from './pop3.ts';
import { benchRealClients, comparisonTable } from './real-clients.ts';
import { benchRelay } from './relay.ts';
import { benchRelayLoad } from './relay-load.ts';
import { table, type Row } from './report.ts';
import { benchSmtp } from './smtp.ts';

interface BenchArgs {
  /** Messages imaplib APPENDs in the real-client part (the README's figures use 10,000). */
  count: number;
  /** Messages in the mailbox whose memory is measured. */
  memoryMessages: number;
  /** Rounds of the read-only real-client steps. */
  rounds: number;
  only: Set<string> | null;
}

const PARTS = ['smtp', 'pop3', 'imap', 'relay', 'relay-load', 'real', 'memory'];

/** The flags through node:util parseArgs, strict, like `npm run serve` and `npm run relay`. */
function benchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { count: { type: 'string' }, rounds: { type: 'string' }, 'memory-messages': { type: 'string' }, only: { type: 'string' } },
  });
  const only = values.only === undefined ? null : new Set(values.only.split(','));
  const unknown = [...(only ?? [])].filter((part) => !PARTS.includes(part));
  if (unknown.length) throw new Error(`--only: no part named ${unknown.join(', ')} (parts: ${PARTS.join(', ')})`);
  return {
    count: positive('--count', values.count ?? '10000'),
    memoryMessages: positive('--memory-messages', values['memory-messages'] ?? '100000'),
    rounds: positive('--rounds', values.rounds ?? '5'),
    only,
  };
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${flag}: "${value}" is not a positive whole number`);
  return n;
}

function failure(part: string, error: unknown): string {
  return `${part}: failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}

/**
 * The real software some parts measure against (websockify for the relay, Python's clients, Dovecot
 * and Postfix), installed when missing by the script `npm test` uses; a part still says why it
 * cannot run if this fails (not root, not Debian).
 */
function ensureTools(): void {
  const script = new URL('../simulator/transports/node/conformance-tools.sh', import.meta.url).pathname;
  const r = spawnSync('bash', [script], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) console.error(`bench: ${script} exited with ${r.status ?? r.signal}; parts that need those tools may be skipped`);
}

async function main(): Promise<void> {
  const args = benchArgs(process.argv.slice(2));
  const wanted = (part: string): boolean => !args.only || args.only.has(part);
  if (wanted('relay') || wanted('real')) ensureTools();
  const rows: Row[] = [];
  for (const [name, part] of [['smtp', benchSmtp], ['pop3', benchPop3], ['imap', benchImap], ['relay', benchRelay], ['relay-load', benchRelayLoad]] as const) {
    if (!wanted(name)) continue;
    try {
      rows.push(...(await part()));
    } catch (error) {
      rows.push({ part: name.toUpperCase(), operation: 'failed', messages: 0, ms: 0, bytes: 0, note: failure(name, error) });
    }
  }
  console.log(`Mailwire benchmark, Node ${process.version}, ${new Date().toISOString()}`);
  if (rows.length) console.log(table(rows));
  if (wanted('real')) {
    console.log(`\nReal clients (Python imaplib, smtplib, poplib), one command at a time; read-only rows: median of ${args.rounds} alternating rounds; ratio = Mailwire / Dovecot or Postfix, the median of the rounds' ratios (their range):`);
    try {
      const real = await benchRealClients({ imapCount: args.count, rounds: args.rounds });
      console.log(comparisonTable(real.rows));
      console.log(real.pinning);
      if (real.skipped) console.log(`Dovecot/Postfix not run: ${real.skipped}`);
    } catch (error) {
      console.log(failure('real clients', error));
    }
  }
  if (wanted('memory')) {
    try {
      console.log(`\n${memoryReport(await benchMemory(args.memoryMessages))}`);
    } catch (error) {
      console.log(failure('memory', error));
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
