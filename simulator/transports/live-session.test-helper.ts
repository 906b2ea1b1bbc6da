/**
 * For the tests of a live session's recording: bridge.ts (TLS 1.3 in the "page", here Node)
 * through a real relay to a Node TLS line server, STARTTLS after an EHLO, one line inside TLS,
 * QUIT; returns what the page recorded and what the relay forwarded each way.
 */
import { rmSync } from 'node:fs';
import { BridgeConnector } from './bridge.ts';
import type { LiveSessionSnapshot } from './live-recording.ts';
import { startFakeServer } from './relay/fake-mail-server.ts';
import { LineSession } from './relay/line-session.ts';
import { startRelay } from './relay/server.ts';
import { makeTestPki } from './relay/test-pki.ts';

export interface RecordedLiveSession {
  session: LiveSessionSnapshot;
  /** The server's (random) port on loopback. */
  serverPort: number;
  /** What the relay forwarded: up = towards the server. */
  relaySaw: { up: Buffer[]; down: Buffer[] };
}

export async function recordLiveStartTls(): Promise<RecordedLiveSession> {
  const pki = makeTestPki();
  const server = await startFakeServer(pki.cert, pki.key);
  const relaySaw = { up: [] as Buffer[], down: [] as Buffer[] };
  const relay = await startRelay(
    { port: 0, origins: [], allowPrivate: true, allowPorts: [server.port], ca: pki.caCert },
    { log: () => undefined, tap: (direction, bytes) => relaySaw[direction].push(Buffer.from(bytes)) },
  );
  try {
    const transport = new BridgeConnector(relay.url).connect('localhost', server.port);
    const s = new LineSession(transport);
    await s.expect(/^220 fake\.test.*\r\n/);
    s.send('EHLO laptop');
    await s.expect(/250 plain echo EHLO laptop\r\n/);
    s.send('STARTTLS');
    await s.expect(/220 Ready to start TLS\r\n/);
    transport.startTls();
    await s.tls();
    s.send('NOOP secret-word');
    await s.expect(/250 secure echo NOOP secret-word\r\n/);
    s.send('QUIT');
    await s.expect(/221 Bye\r\n/);
    for (let i = 0; i < 200 && !s.events.some((e) => e.type === 'closed'); i++) await new Promise((ok) => setTimeout(ok, 10));
    return { session: transport.recording(), serverPort: server.port, relaySaw };
  } finally {
    await relay.close();
    await server.close();
    rmSync(pki.dir, { recursive: true, force: true });
  }
}
