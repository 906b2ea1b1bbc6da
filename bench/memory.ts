/**
 * Memory: a mailbox of many ~2 KB messages APPENDed (LITERAL+, RFC 7888) to `npm run serve` in
 * its own process, then that process's resident set size next to the raw message octets.
 * The goal (issue 15): under 2x the raw octets.
 */
import { benchMessage } from './messages.ts';
import { startServeProcess } from './serve-process.ts';
import { WireClient } from './wire-client.ts';

const BATCH = 500;

export interface MemoryFigures {
  messages: number;
  rawBytes: number;
  /** RSS of the idle server before the APPENDs (Node, tsx, the engines). */
  baseline: number;
  rss: number;
  /** RSS again after FETCH 1:* (FLAGS ENVELOPE) and SEARCH SUBJECT, which fill the per-message caches. */
  rssAfterReads: number;
  /** And after FETCH 1:* (BODYSTRUCTURE) and SEARCH BODY, which parse every message's MIME structure. */
  rssAfterBodies: number;
  seconds: number;
}

export async function benchMemory(count: number): Promise<MemoryFigures> {
  const serve = await startServeProcess();
  try {
    const client = await WireClient.open(serve.ports.imap);
    await client.line();
    let n = 0;
    const tagged = async (text: string): Promise<void> => {
      const tag = `m${++n}`;
      client.send(`${tag} ${text}\r\n`);
      const { status, data } = await client.tagged(tag);
      if (status !== 'OK') throw new Error(`${text}: ${data.subarray(-200).toString('latin1')}`);
    };
    await tagged('LOGIN bench bench');
    const baseline = serve.rss() ?? 0;
    let rawBytes = 0;
    const start = performance.now();
    for (let i = 0; i < count; i += BATCH) {
      const parts: Buffer[] = [];
      let last = '';
      for (let j = i; j < Math.min(count, i + BATCH); j++) {
        const body = benchMessage({ index: j, size: 2048, subject: `Memory ${j}` });
        rawBytes += body.length;
        last = `a${j}`;
        parts.push(Buffer.from(`${last} APPEND INBOX {${body.length}+}\r\n`), body, Buffer.from('\r\n'));
      }
      client.send(Buffer.concat(parts));
      const { status, data } = await client.tagged(last);
      if (status !== 'OK') throw new Error(`APPEND: ${data.subarray(-200).toString('latin1')}`);
    }
    const seconds = (performance.now() - start) / 1000;
    await tagged('SELECT INBOX');
    // Let the collector catch up with the garbage of the APPENDs before reading RSS.
    await new Promise((ok) => setTimeout(ok, 2000));
    const rss = serve.rss() ?? 0;
    // What a client reading the mailbox adds: the ENVELOPE and header caches (imap/message-cache.ts).
    await tagged('FETCH 1:* (FLAGS ENVELOPE)');
    await tagged('SEARCH SUBJECT nothing-matches');
    await new Promise((ok) => setTimeout(ok, 2000));
    const rssAfterReads = serve.rss() ?? 0;
    await tagged('FETCH 1:* (BODYSTRUCTURE)');
    await tagged('SEARCH BODY nothing-matches');
    await new Promise((ok) => setTimeout(ok, 2000));
    const rssAfterBodies = serve.rss() ?? 0;
    client.send('z LOGOUT\r\n');
    client.close();
    return { messages: count, rawBytes, baseline, rss, rssAfterReads, rssAfterBodies, seconds };
  } finally {
    await serve.stop();
  }
}

export function memoryReport(f: MemoryFigures): string {
  const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`;
  return [
    `Memory: ${f.messages.toLocaleString('en-US')} messages APPENDed to npm run serve in ${f.seconds.toFixed(1)} s (LITERAL+), ${mb(f.rawBytes)} of raw message octets`,
    `  server RSS ${mb(f.rss)} = ${(f.rss / f.rawBytes).toFixed(2)}x the raw octets (goal: under 2x); idle before: ${mb(f.baseline)}; growth ${(((f.rss - f.baseline) / f.rawBytes)).toFixed(2)}x`,
    `  after FETCH 1:* (FLAGS ENVELOPE) and SEARCH SUBJECT: RSS ${mb(f.rssAfterReads)} = ${(f.rssAfterReads / f.rawBytes).toFixed(2)}x`,
    `  then after FETCH 1:* (BODYSTRUCTURE) and SEARCH BODY: RSS ${mb(f.rssAfterBodies)} = ${(f.rssAfterBodies / f.rawBytes).toFixed(2)}x`,
  ].join('\n');
}
