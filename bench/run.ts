/**
 * `npm run bench`: throughput of the engines over real TCP on loopback (and SMTP in-process), and
 * the bridge relay's overhead against direct TCP and websockify, and its memory under 500 slow sessions.
 * Not a test. A part whose engine is missing is reported as skipped.
 */
import { benchImap } from './imap.ts';
import { benchPop3 } from './pop3.ts';
import { benchRelay } from './relay.ts';
import { benchRelayLoad } from './relay-load.ts';
import { table, type Row } from './report.ts';
import { benchSmtp } from './smtp.ts';

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const part of [benchSmtp, benchPop3, benchImap, benchRelay, benchRelayLoad]) {
    try {
      rows.push(...(await part()));
    } catch (error) {
      rows.push({ part: part.name.replace('bench', '').toUpperCase(), operation: 'failed', messages: 0, ms: 0, bytes: 0, note: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    }
  }
  console.log(`Mailwire benchmark, Node ${process.version}, ${new Date().toISOString()}`);
  console.log(table(rows));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
