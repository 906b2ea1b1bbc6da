/**
 * IMAP: a 10,000-message mailbox of ~2 KB messages over one TCP connection: APPEND them all,
 * SELECT, FETCH 1:* (FLAGS ENVELOPE), SEARCH SUBJECT, SEARCH BODY, UID FETCH 1:* (BODY.PEEK[]).
 */
import { loadEngine } from '../simulator/transports/node/engines.ts';
import { startServers } from '../simulator/transports/node/servers.ts';
import { benchMessage } from './messages.ts';
import { timed, type Row } from './report.ts';
import { WireClient } from './wire-client.ts';

const COUNT = 10_000;
const BATCH = 250;

class Tagger {
  private n = 0;
  next(): string {
    return `T${++this.n}`;
  }
}

async function command(client: WireClient, tags: Tagger, text: string): Promise<Buffer> {
  const tag = tags.next();
  client.send(`${tag} ${text}\r\n`);
  const { data, status } = await client.tagged(tag);
  if (status !== 'OK') throw new Error(`${text}: ${data.subarray(-300).toString('latin1')}`);
  return data;
}

/** LITERAL+ (RFC 7888): the whole batch goes out without waiting for continuations. */
async function appendAll(client: WireClient, tags: Tagger, bodies: Buffer[], literalPlus: boolean): Promise<void> {
  for (let i = 0; i < bodies.length; i += BATCH) {
    const batch = bodies.slice(i, i + BATCH);
    if (literalPlus) {
      const parts: Buffer[] = [];
      let last = '';
      for (const body of batch) {
        last = tags.next();
        parts.push(Buffer.from(`${last} APPEND INBOX {${body.length}+}\r\n`), body, Buffer.from('\r\n'));
      }
      client.send(Buffer.concat(parts));
      const { status, data } = await client.tagged(last);
      if (status !== 'OK') throw new Error(`APPEND: ${data.toString('latin1')}`);
    } else {
      for (const body of batch) {
        const tag = tags.next();
        client.send(`${tag} APPEND INBOX {${body.length}}\r\n`);
        await client.until('\r\n');
        client.send(Buffer.concat([body, Buffer.from('\r\n')]));
        await client.tagged(tag);
      }
    }
  }
}

function searchHits(data: Buffer): number {
  const line = /^\* SEARCH([^\r]*)/m.exec(data.toString('latin1'));
  return line ? line[1]!.trim().split(/\s+/).filter(Boolean).length : 0;
}

export async function benchImap(): Promise<Row[]> {
  const engine = await loadEngine('imap');
  if (!engine.ok) return [{ part: 'IMAP', operation: 'skipped', messages: 0, ms: 0, bytes: 0, note: engine.reason }];
  const servers = await startServers({ ports: { imap: 0 }, users: [{ name: 'bench', password: 'bench' }], plaintextAuth: true });
  try {
    const bodies = Array.from({ length: COUNT }, (_, i) =>
      benchMessage({ index: i, size: 2048, subject: i % 10 === 0 ? `Report ${i} xylophone` : `Report ${i}`, bodyWord: i % 7 === 0 ? 'needle' : undefined }),
    );
    const total = bodies.reduce((n, b) => n + b.length, 0);
    const client = await WireClient.open(servers.ports.imap!);
    const tags = new Tagger();
    await client.line();
    await command(client, tags, 'LOGIN bench bench');
    const caps = (await command(client, tags, 'CAPABILITY')).toString('latin1');
    const literalPlus = /\bLITERAL\+/.test(caps);
    const rows: Row[] = [];
    const append = await timed(() => appendAll(client, tags, bodies, literalPlus));
    rows.push({ part: 'IMAP', operation: `APPEND x${COUNT}${literalPlus ? ' (LITERAL+)' : ' (sync literals)'}`, messages: COUNT, ms: append.ms, bytes: total });
    const select = await timed(() => command(client, tags, 'SELECT INBOX'));
    rows.push({ part: 'IMAP', operation: 'SELECT INBOX', messages: COUNT, ms: select.ms, bytes: 0, rate: false });
    const envelopes = await timed(() => command(client, tags, 'FETCH 1:* (FLAGS ENVELOPE)'));
    rows.push({ part: 'IMAP', operation: 'FETCH 1:* (FLAGS ENVELOPE)', messages: COUNT, ms: envelopes.ms, bytes: envelopes.value.length });
    const subject = await timed(() => command(client, tags, 'SEARCH SUBJECT xylophone'));
    rows.push({ part: 'IMAP', operation: 'SEARCH SUBJECT xylophone', messages: COUNT, ms: subject.ms, bytes: 0, note: `${searchHits(subject.value)} hits` });
    const body = await timed(() => command(client, tags, 'SEARCH BODY needle'));
    rows.push({ part: 'IMAP', operation: 'SEARCH BODY needle', messages: COUNT, ms: body.ms, bytes: 0, note: `${searchHits(body.value)} hits` });
    const full = await timed(() => command(client, tags, 'UID FETCH 1:* (BODY.PEEK[])'));
    rows.push({ part: 'IMAP', operation: 'UID FETCH 1:* (BODY.PEEK[])', messages: COUNT, ms: full.ms, bytes: full.value.length });
    client.send('T0 LOGOUT\r\n');
    client.close();
    return rows;
  } finally {
    await servers.close();
  }
}
