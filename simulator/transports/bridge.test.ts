import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeConnector } from './bridge.ts';
import { startFakeServer, type FakeServer } from './relay/fake-mail-server.ts';
import { startRelay, type RelayHandle } from './relay/server.ts';
import { makeTestPki } from './relay/test-pki.ts';
import type { Transport, TransportEvent } from '../transport.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';

let fake: FakeServer;
let relay: RelayHandle;

beforeAll(async () => {
  const pki = makeTestPki();
  fake = await startFakeServer(pki.cert, pki.key);
  relay = await startRelay({ port: 0, origins: [], allowPorts: [fake.port], allowPrivate: true, ca: pki.caCert }, { log: () => undefined });
});

afterAll(async () => {
  await relay.close();
  await fake.close();
});

/** Resolves on the transport event after which `test` holds (at once if it already does): no clock. */
function when(transport: Transport, test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test()) return resolve();
    const off = transport.on(() => {
      if (!test()) return;
      off();
      resolve();
    });
  });
}

describe('bridge transport (browser side of the relay)', () => {
  it('opens, carries bytes, upgrades with STARTTLS and reports the certificate', async () => {
    const transport = new BridgeConnector(relay.url).connect('localhost', fake.port);
    const events: TransportEvent[] = [];
    let text = '';
    transport.on((e) => {
      events.push(e);
      if (e.type === 'data') text += utf8Text(e.bytes);
    });
    await when(transport, () => text.includes('220 fake.test'));
    expect(events[0]).toMatchObject({ type: 'open', port: fake.port });
    transport.send(utf8Bytes('STARTTLS\r\n'));
    await when(transport, () => text.includes('220 Ready'));
    transport.startTls();
    await when(transport, () => transport.tls !== null);
    expect(transport.tls).toMatchObject({ authorized: true, serverName: 'localhost', certificate: { issuer: expect.stringContaining('Mailwire Test CA') } });
    transport.send(utf8Bytes('NOOP\r\n'));
    await when(transport, () => text.includes('secure echo NOOP'));
    transport.close();
    await when(transport, () => events.some((e) => e.type === 'closed'));
  });

  it('says how to start a relay when none answers', async () => {
    const transport = new BridgeConnector('ws://127.0.0.1:1/relay').connect('mail.example.com', 25);
    const events: TransportEvent[] = [];
    transport.on((e) => events.push(e));
    await when(transport, () => events.some((e) => e.type === 'closed'));
    expect(events.find((e) => e.type === 'error')).toMatchObject({ code: 'REFUSED', message: expect.stringContaining('npm run relay') });
  });

  it('passes on a policy refusal in words', async () => {
    const transport = new BridgeConnector(relay.url).connect('localhost', 25);
    const events: TransportEvent[] = [];
    transport.on((e) => events.push(e));
    await when(transport, () => events.some((e) => e.type === 'closed'));
    expect(events.find((e) => e.type === 'error')).toMatchObject({ code: 'POLICY', message: expect.stringContaining('port 25') });
  });
});
