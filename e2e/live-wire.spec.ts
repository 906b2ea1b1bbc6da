/**
 * The wire of a live session (issue 18, "See it"): on /ports/ with Live on, the console to the
 * fixture's Dovecot on its implicit-TLS port shows, below it, what crossed the relay record by
 * record — the observer's view beside the handshake the page decrypted (the Certificate, in
 * words) — and the key schedule from the page's key log; "Download capture (pcapng)" saves the
 * session with that key log in a Decryption Secrets Block. Desktop and phone, as geometry.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { readEnhancedPacket, readIpv4Tcp, readPcapng } from '../simulator/capture/pcapng-reader.test-helper.ts';
import { box, expectInside, expectInViewport, SIZES } from './geometry.ts';
import { expect, test, type LiveLab } from './live-fixture.ts';
import { enter, openLab, screenText } from './terminal.ts';
import { stlsWireSession } from './wire-page.ts';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

/** Opens the live console on the 993 row pointed at Dovecot, logs in; returns the console. */
async function liveSession(page: Page, liveLab: LiveLab): Promise<Locator> {
  await page.goto('/ports/');
  await page.evaluate((url) => localStorage.setItem('mailwire:relay-url', url), liveLab.relayUrl);
  await page.getByTestId('live-switch').scrollIntoViewIfNeeded();
  await page.locator('astro-island:not([ssr])').filter({ has: page.getByTestId('ports-explorer') }).waitFor();
  await expect(page.getByTestId('ports-explorer')).toHaveAttribute('data-ready', 'true');
  const live = page.getByTestId('live-switch');
  await live.getByRole('switch', { name: 'Live' }).check();
  await live.getByLabel('Host').fill('localhost');
  await live.getByLabel('Port').fill(String(liveLab.servers.ports.imaps));
  liveLab.relayCapture.length = 0;
  await page.getByRole('button', { name: 'Open a console on port 993' }).click();
  const console = page.getByTestId('ports-console').getByTestId('client-console');
  await expect(console.getByText(/^TLS is on: TLSv1\.3, .*name matches localhost\.$/)).toBeVisible({ timeout: 15_000 });
  await expect(console.getByText(/^\* OK .*Dovecot.* ready\./)).toBeVisible();
  const input = console.getByLabel('Command to send');
  await input.fill('a1 LOGIN alice wonderland');
  await input.press('Enter');
  await expect(console.getByText(/^a1 OK .*Logged in/)).toBeVisible({ timeout: 15_000 });
  return console;
}

/** Opens the packet whose decrypted message names `message`, and checks where it lies. */
async function decryptedShown(page: Page, wire: Locator, message: string, what: string): Promise<Locator> {
  const packet = wire.getByTestId('wire-packet').filter({ has: page.locator(`[data-testid="wire-decrypted"][data-message*="${message}"]`) }).first();
  await packet.locator('summary').click();
  const decrypted = packet.getByTestId('wire-decrypted');
  await expect(decrypted).toBeVisible();
  const title = decrypted.locator('.mw-wire__learns-title');
  await title.scrollIntoViewIfNeeded();
  expectInViewport(await box(title), page);
  expectInside(await box(decrypted), await box(wire), what);
  return packet;
}

for (const [size, sizes] of Object.entries(SIZES)) {
  test.describe(size, () => {
    test.use(sizes);
    test(`the live handshake decoded, the key schedule and the capture (${size})`, async ({ page, liveLab }) => {
      await liveSession(page, liveLab);
      const wire = page.getByTestId('ports-console').getByTestId('live-wire');
      await expect(wire.getByRole('heading', { name: 'Your live session on the wire' })).toBeVisible();
      // What the observer (and the relay) sees: the ClientHello in the clear, then application_data records.
      await expect(wire.getByTestId('wire-summary')).toContainText('the ClientHello names localhost (SNI)');
      await expect(wire.getByTestId('wire-packet').first()).toContainText('handshake: ClientHello');

      const cert = await decryptedShown(page, wire, 'Certificate', `${size}: the decrypted Certificate`);
      await expect(cert.locator('summary')).toContainText('application_data (encrypted)');
      await expect(cert.getByTestId('wire-decrypted-fields')).toContainText('CN=localhost');
      await expect(cert.getByTestId('wire-decrypted')).toContainText('The observer sees only an application_data record');
      await page.screenshot({ path: test.info().outputPath(`live-wire-certificate-${size}.png`) });
      await decryptedShown(page, wire, 'ServerHello', `${size}: the ServerHello`);

      const keys = wire.getByTestId('key-schedule');
      await expect(keys.getByTestId('key-schedule-secret')).toHaveCount(5);
      for (const name of ['client_handshake_traffic_secret', 'server_handshake_traffic_secret', 'client_application_traffic_secret_0', 'server_application_traffic_secret_0']) {
        await expect(keys).toContainText(name);
      }
      await expect(keys.locator('[data-label="CLIENT_TRAFFIC_SECRET_0"]')).toContainText('user name and password');
      const item = keys.locator('[data-label="SERVER_HANDSHAKE_TRAFFIC_SECRET"]');
      await item.scrollIntoViewIfNeeded();
      expectInViewport(await box(item), page);
      expectInside(await box(item), await box(wire), `${size}: a key schedule secret`);
      await page.screenshot({ path: test.info().outputPath(`live-wire-keys-${size}.png`) });

      const button = wire.getByRole('button', { name: 'Download capture (pcapng)' });
      await button.scrollIntoViewIfNeeded();
      expectInViewport(await box(button), page);
      expectInside(await box(button), await box(wire), `${size}: the download button`);
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^localhost-${liveLab.servers.ports.imaps}-live-\\d{8}T\\d{6}Z\\.pcapng$`));
      // Kept beside the screenshots, to open in Wireshark by hand.
      await download.saveAs(test.info().outputPath(`live-${size}.pcapng`));
      const file = new Uint8Array(readFileSync((await download.path())!));
      // Section Header Block, then (little-endian) the byte-order magic.
      expect([...file.subarray(0, 4)]).toEqual([0x0a, 0x0d, 0x0d, 0x0a]);
      expect([...file.subarray(8, 12)]).toEqual([0x4d, 0x3c, 0x2b, 0x1a]);
      const read = readPcapng(file);
      const dsb = read.blocks.find((b) => b.type === 0x0000000a)!;
      expect(dsb, 'a Decryption Secrets Block').toBeTruthy();
      expect(dsb.body.getUint32(0, true), 'secrets type TLSK').toBe(0x544c534b);
      const keyLog = new TextDecoder().decode(new Uint8Array(dsb.body.buffer, dsb.body.byteOffset + 8, dsb.body.getUint32(4, true)));
      expect(keyLog).toMatch(/^CLIENT_HANDSHAKE_TRAFFIC_SECRET [0-9a-f]{64} [0-9a-f]+$/m);
      expect(keyLog).toMatch(/^SERVER_TRAFFIC_SECRET_0 [0-9a-f]{64} [0-9a-f]+$/m);
      // Every chunk the relay forwarded is in the capture's TCP payload, and no password is.
      const segments = read.blocks.filter((b) => b.type === 6).map((b) => readIpv4Tcp(readEnhancedPacket(b.body, true).data));
      expect(segments.every((s) => ['127.0.0.1', '127.0.0.2'].includes(s.src))).toBe(true);
      const stream = (port: number) => Buffer.concat(segments.filter((s) => s.dstPort === port).map((s) => s.payload));
      const up = stream(liveLab.servers.ports.imaps);
      const down = Buffer.concat(segments.filter((s) => s.srcPort === liveLab.servers.ports.imaps).map((s) => s.payload));
      expect(liveLab.relayCapture.length).toBeGreaterThan(3);
      for (const chunk of liveLab.relayCapture) expect(up.includes(chunk) || down.includes(chunk)).toBe(true);
      expect(Buffer.concat([up, down]).toString('latin1')).not.toContain('wonderland');
    });
  });
}

for (const [size, sizes] of Object.entries(SIZES)) {
  test(`a virtual session's key schedule on /wire/, from its client's key log (${size})`, async ({ page }) => {
    await page.setViewportSize(sizes.viewport);
    const wire = await stlsWireSession(page);
    const keys = wire.getByTestId('key-schedule');
    await expect(keys.getByTestId('key-schedule-secret')).toHaveCount(5);
    await expect(keys.locator('[data-label="SERVER_TRAFFIC_SECRET_0"]')).toContainText('server_application_traffic_secret_0');
    await expect(keys.locator('[data-label="SERVER_TRAFFIC_SECRET_0"]')).toContainText(/Protects everything the server sends/);
    const item = keys.locator('[data-label="CLIENT_HANDSHAKE_TRAFFIC_SECRET"]');
    await item.scrollIntoViewIfNeeded();
    expectInViewport(await box(item), page);
    expectInside(await box(keys), await box(wire), `${size}: the key schedule in the wire view`);
    await page.screenshot({ path: test.info().outputPath(`wire-keys-${size}.png`) });
  });
}

test('the lab terminal: /capture saves the live session as pcapng with the key log (desktop)', async ({ page, liveLab }) => {
  await page.setViewportSize(SIZES.desktop.viewport);
  await openLab(page);
  const flat = async (pattern: RegExp) => expect.poll(async () => (await screenText(page)).replace(/\n/g, ''), { timeout: 15_000 }).toMatch(pattern);
  await enter(page, `/relay ${liveLab.relayUrl}`);
  await flat(/Live connections now go through/);
  await enter(page, `/connect --live --tls localhost ${liveLab.servers.ports.imaps}`);
  await flat(/\* OK .*Dovecot.* ready\./);
  await enter(page, 'a1 LOGIN alice wonderland');
  await flat(/a1 OK .*Logged in/);
  const [download] = await Promise.all([page.waitForEvent('download'), enter(page, '/capture')]);
  await flat(/Saved the capture as localhost-\d+-live-\d{8}T\d{6}Z\.pcapng with 5 key log lines: Wireshark decrypts its TLS\./);
  expect(download.suggestedFilename()).toMatch(/^localhost-\d+-live-\d{8}T\d{6}Z\.pcapng$/);
  const file = new Uint8Array(readFileSync((await download.path())!));
  expect([...file.subarray(0, 4)]).toEqual([0x0a, 0x0d, 0x0d, 0x0a]);
  const read = readPcapng(file);
  const dsb = read.blocks.find((b) => b.type === 0x0000000a)!;
  expect(new TextDecoder().decode(new Uint8Array(dsb.body.buffer, dsb.body.byteOffset + 8, dsb.body.getUint32(4, true)))).toMatch(/^SERVER_HANDSHAKE_TRAFFIC_SECRET [0-9a-f]{64} /m);
  expect(Buffer.from(file).toString('latin1')).not.toContain('wonderland');
  const row = page.locator('.mw-terminal .xterm-rows > div', { hasText: 'Saved the capture as' }).first();
  const terminal = await box(page.locator('.mw-terminal .xterm-screen'));
  expectInside(await box(row), terminal, 'the "Saved the capture" row');
  expectInViewport(await box(row), page);
});
