/**
 * SMTP: 1,000 messages of ~2 KB by one client over one TCP connection, pipelined (RFC 2920:
 * MAIL, RCPT and DATA go out together; the message and the next envelope after the 354), and the
 * same bytes through the engine in-process, without sockets.
 */
import { loadEngine } from '../simulator/transports/node/engines.ts';
import { serverContext } from '../simulator/net/server-context.ts';
import { prepareWorld } from '../simulator/transports/node/serve-world.ts';
import { startServers } from '../simulator/transports/node/servers.ts';
import { benchMessage } from './messages.ts';
import { timed, type Row } from './report.ts';
import { WireClient } from './wire-client.ts';

const COUNT = 1000;
const RCPT = 'bench@example.com';
const envelope = `MAIL FROM:<sender@example.net>\r\nRCPT TO:<${RCPT}>\r\nDATA\r\n`;

function messages(): Buffer[] {
  return Array.from({ length: COUNT }, (_, i) => Buffer.concat([benchMessage({ index: i, size: 2048, subject: `Bench ${i}` }), Buffer.from('.\r\n')]));
}

export async function benchSmtp(): Promise<Row[]> {
  const engine = await loadEngine('smtp');
  if (!engine.ok) return [{ part: 'SMTP', operation: 'skipped', messages: 0, ms: 0, bytes: 0, note: engine.reason }];
  const bodies = messages();
  const bytes = bodies.reduce((n, b) => n + b.length, 0);
  await inProcess(bodies.slice(0, 200)); // warm the JIT up, so the first row is not penalised
  return [
    { part: 'SMTP', operation: 'TCP, DATA, pipelined', messages: COUNT, bytes, ...(await overTcp(bodies)) },
    { part: 'SMTP', operation: 'TCP, BDAT LAST, all in one write', messages: COUNT, bytes, ...(await overTcpChunking()) },
    { part: 'SMTP', operation: 'engine in-process (DATA)', messages: COUNT, bytes, ...(await inProcess(bodies)) },
  ];
}

/**
 * RFC 3030 CHUNKING: BDAT carries its own length, so MAIL, RCPT and BDAT of every message can
 * go out in one write without waiting for any reply (RFC 2920 §3.1 allows BDAT anywhere in a group).
 */
async function overTcpChunking(): Promise<{ ms: number; note: string }> {
  const servers = await startServers({ ports: { smtp: 0 }, users: [{ name: 'bench', password: 'bench' }] });
  try {
    const client = await WireClient.open(servers.ports.smtp!);
    await client.line();
    client.send('EHLO bench.example.net\r\n');
    const ehlo = (await client.until('\r\n250 ')).toString() + (await client.line());
    if (!/CHUNKING/.test(ehlo)) return { ms: 0, note: 'CHUNKING not offered' };
    const parts: Buffer[] = [];
    for (let i = 0; i < COUNT; i++) {
      const body = benchMessage({ index: i, size: 2048, subject: `Bench ${i}` });
      parts.push(Buffer.from(`MAIL FROM:<sender@example.net>\r\nRCPT TO:<${RCPT}>\r\nBDAT ${body.length} LAST\r\n`), body);
    }
    parts.push(Buffer.from('QUIT\r\n'));
    const wire = Buffer.concat(parts);
    const { ms } = await timed(async () => {
      client.send(wire);
      await client.until('221 ');
    });
    client.close();
    return { ms, note: `${servers.world.store.mailbox(RCPT, 'INBOX')!.messages.length} delivered` };
  } finally {
    await servers.close();
  }
}

async function overTcp(bodies: Buffer[]): Promise<{ ms: number; note: string }> {
  const servers = await startServers({ ports: { smtp: 0 }, users: [{ name: 'bench', password: 'bench' }] });
  try {
    const client = await WireClient.open(servers.ports.smtp!);
    await client.line();
    client.send('EHLO bench.example.net\r\n');
    await client.until('\r\n250 ');
    await client.line();
    const { ms } = await timed(async () => {
      client.send(envelope);
      for (let i = 0; i < bodies.length; i++) {
        await client.until('354 ');
        await client.line();
        client.send(i + 1 < bodies.length ? Buffer.concat([bodies[i]!, Buffer.from(envelope)]) : Buffer.concat([bodies[i]!, Buffer.from('QUIT\r\n')]));
      }
      await client.until('221 ');
    });
    client.close();
    return { ms, note: `${servers.world.store.mailbox(RCPT, 'INBOX')!.messages.length} delivered` };
  } finally {
    await servers.close();
  }
}

async function inProcess(bodies: Buffer[]): Promise<{ ms: number; note: string }> {
  const lookup = await loadEngine('smtp');
  if (!lookup.ok) throw new Error(lookup.reason);
  const { world, host } = prepareWorld({ users: [{ name: 'bench', password: 'bench' }], now: Date.now() });
  const engine = lookup.factory(serverContext(world, host, { address: '192.0.2.99', localPort: 25, implicitTls: false }, 'bench'));
  const enc = new TextEncoder();
  let writes = 0;
  const count = (outs: ReturnType<typeof engine.feed>): void => {
    for (const o of outs) if (o.type === 'write') writes++;
  };
  const env = enc.encode(envelope);
  const { ms } = await timed(async () => {
    let now = Date.now();
    count(engine.start(now));
    count(engine.feed(enc.encode('EHLO bench.example.net\r\n'), now));
    for (const body of bodies) {
      now = Date.now();
      count(engine.feed(env, now));
      count(engine.feed(new Uint8Array(body.buffer, body.byteOffset, body.length), now));
    }
    count(engine.feed(enc.encode('QUIT\r\n'), now));
  });
  return { ms, note: `${world.store.mailbox(RCPT, 'INBOX')!.messages.length} delivered` };
}
