/**
 * /capture in the terminal: the last live session (bridge.ts with TLS 1.3 in the "page", through a
 * real relay to a Node TLS server on an implicit-TLS port) saved as pcapng with the page's key log.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeConnector } from '../../simulator/transports/bridge.ts';
import { startFakeServer, type FakeServer } from '../../simulator/transports/relay/fake-mail-server.ts';
import { startRelay, type RelayHandle } from '../../simulator/transports/relay/server.ts';
import { makeTestPki, type TestPki } from '../../simulator/transports/relay/test-pki.ts';
import { readPcapng } from '../../simulator/capture/pcapng-reader.test-helper.ts';
import { makeHarness } from './testing/harness.ts';

let pki: TestPki;
let server: FakeServer;
let relay: RelayHandle;

beforeAll(async () => {
  pki = makeTestPki();
  server = await startFakeServer(pki.cert, pki.key, { implicitTls: true });
  relay = await startRelay({ port: 0, origins: [], allowPrivate: true, allowPorts: [server.port], ca: pki.caCert }, { log: () => undefined });
});

afterAll(async () => {
  await relay?.close();
  await server?.close();
  rmSync(pki.dir, { recursive: true, force: true });
});

describe('/capture', () => {
  it('says there is no live session before one', async () => {
    const h = makeHarness({ cols: 200 });
    h.enter('/capture');
    await h.shows(/^No live session to capture yet: \/connect --live HOST PORT first/);
    expect(h.files).toEqual([]);
  });

  it('saves the last live session as pcapng with the page\'s key log, also after it closed', async () => {
    const h = makeHarness({ cols: 200, liveConnector: (url) => new BridgeConnector(url) });
    h.enter(`/relay ${relay.url}`);
    h.enter(`/connect --live --tls localhost ${server.port}`);
    await h.shows(/220 fake\.test/, 10_000);
    h.enter('NOOP hidden-word');
    await h.shows(/250 secure echo NOOP hidden-word/, 10_000);
    h.enter('/disconnect');
    await h.shows(/closed/i, 10_000);
    h.enter('/capture');
    await h.shows(/^Saved the capture as localhost-\d+-live-\d{8}T\d{6}Z\.pcapng with 5 key log lines: Wireshark decrypts its TLS\.$/, 10_000);
    expect(h.files).toHaveLength(1);
    const file = readPcapng(h.files[0]!.bytes);
    const dsb = file.blocks.find((b) => b.type === 0x0000000a)!;
    const keyLog = new TextDecoder().decode(new Uint8Array(dsb.body.buffer, dsb.body.byteOffset + 8, dsb.body.getUint32(4, file.littleEndian)));
    expect(keyLog).toMatch(/^CLIENT_TRAFFIC_SECRET_0 [0-9a-f]{64} [0-9a-f]+$/m);
    expect(file.blocks.filter((b) => b.type === 6).length).toBeGreaterThan(6);
    expect(Buffer.from(h.files[0]!.bytes).toString('latin1')).not.toContain('hidden-word');
  });
});
