/** POP3: STAT, UIDL and RETR of every one of 1,000 messages of ~2.5 KB over one TCP connection. */
import { loadEngine } from '../simulator/transports/node/engines.ts';
import { startServers } from '../simulator/transports/node/servers.ts';
import { benchMessage } from './messages.ts';
import { timed, type Row } from './report.ts';
import { WireClient } from './wire-client.ts';

const COUNT = 1000;

export async function benchPop3(): Promise<Row[]> {
  const engine = await loadEngine('pop3');
  if (!engine.ok) return [{ part: 'POP3', operation: 'skipped', messages: 0, ms: 0, bytes: 0, note: engine.reason }];
  // Plaintext USER/PASS (a host setting) keeps TLS out of the figures.
  const servers = await startServers({ ports: { pop3: 0 }, users: [{ name: 'bench', password: 'bench' }], plaintextAuth: true });
  try {
    for (let i = 0; i < COUNT; i++) {
      const raw = benchMessage({ index: i, size: 2560, subject: `Bench ${i}` });
      servers.world.store.append('bench@example.com', 'INBOX', raw, { internalDate: Date.now() });
    }
    const client = await WireClient.open(servers.ports.pop3!);
    await client.line();
    client.send('USER bench\r\nPASS bench\r\n');
    await client.line();
    const pass = await client.line();
    if (!pass.startsWith('+OK')) throw new Error(`POP3 login failed: ${pass}`);
    const stat = await timed(async () => {
      client.send('STAT\r\n');
      return client.line();
    });
    const uidl = await timed(async () => {
      client.send('UIDL\r\n');
      return (await client.until('\r\n.\r\n')).length;
    });
    const retr = await timed(async () => {
      const before = client.received;
      let commands = '';
      for (let i = 1; i <= COUNT; i++) commands += `RETR ${i}\r\n`;
      client.send(commands);
      for (let i = 1; i <= COUNT; i++) await client.until('\r\n.\r\n');
      return client.received - before;
    });
    client.send('QUIT\r\n');
    await client.line();
    client.close();
    return [
      { part: 'POP3', operation: 'STAT', messages: COUNT, ms: stat.ms, bytes: 0, note: stat.value, rate: false },
      { part: 'POP3', operation: 'UIDL (all)', messages: COUNT, ms: uidl.ms, bytes: uidl.value },
      { part: 'POP3', operation: 'RETR 1..1000, pipelined', messages: COUNT, ms: retr.ms, bytes: retr.value },
    ];
  } finally {
    await servers.close();
  }
}
