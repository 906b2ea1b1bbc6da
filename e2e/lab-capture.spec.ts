/**
 * "Download capture (pcapng)" in the lab's lines panel: at desktop and phone sizes the button
 * sits inside the viewport and its panel, and the file it saves is pcapng (magic, byte order,
 * a raw-IPv4 interface, packets) holding the session's own bytes both ways.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { box, expectInside, viewportBox, SIZES } from './geometry.ts';
import { enter, expectScreen, openLab } from './terminal.ts';
import { readEnhancedPacket, readIpv4Tcp, readPcapng } from '../simulator/capture/pcapng-reader.test-helper.ts';

async function captureAt(page: Page, name: keyof typeof SIZES): Promise<void> {
  await page.setViewportSize(SIZES[name].viewport);
  await openLab(page);
  await enter(page, '/connect mail.example.org 110');
  await expectScreen(page, /\+OK mail\.example\.org/);
  await enter(page, 'USER bob');
  await expectScreen(page, /-ERR \[AUTH\]/);
  if (name === 'phone') await page.getByRole('tab', { name: 'Lines' }).click();
  const panel = page.locator('[data-panel="wire"]');
  const button = panel.getByRole('button', { name: 'Download capture (pcapng)' });
  await button.scrollIntoViewIfNeeded();
  const b = await box(button);
  expectInside(b, viewportBox(page), `${name}: button`);
  expectInside(b, await box(panel), `${name}: button in its panel`);
  await page.screenshot({ path: `test-results/lab-capture-${name}.png` });

  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^mail\.example\.org-110-\d+\.pcapng$/);
  const file = new Uint8Array(readFileSync((await download.path())!));
  // Section Header Block type 0x0A0D0D0A, then (little-endian) the byte-order magic 0x1A2B3C4D.
  expect([...file.subarray(0, 4)]).toEqual([0x0a, 0x0d, 0x0d, 0x0a]);
  expect([...file.subarray(8, 12)]).toEqual([0x4d, 0x3c, 0x2b, 0x1a]);
  const read = readPcapng(file);
  const types = read.blocks.map((b) => b.type);
  expect(types[0]).toBe(0x0a0d0d0a);
  expect(types[1]).toBe(1);
  expect(read.blocks[1]!.body.getUint16(0, true), 'LINKTYPE_RAW').toBe(101);
  const packets = read.blocks.filter((x) => x.type === 6).map((x) => readIpv4Tcp(readEnhancedPacket(x.body, true).data));
  expect(packets.length).toBeGreaterThanOrEqual(5);
  expect(packets.every((p) => p.ipChecksumOk && p.tcpChecksumOk)).toBe(true);
  const sent = (fromServer: boolean) => new TextDecoder().decode(Uint8Array.from(packets.filter((p) => (p.srcPort === 110) === fromServer).flatMap((p) => [...p.payload])));
  expect(sent(false)).toBe('USER bob\r\n');
  expect(sent(true)).toMatch(/^\+OK mail\.example\.org[^\r]*\r\n-ERR \[AUTH\]/);
}

test('desktop: the lines panel downloads the session as pcapng', async ({ page }) => {
  await captureAt(page, 'desktop');
});

test('phone: the Lines tab downloads the session as pcapng', async ({ page }) => {
  await captureAt(page, 'phone');
});

test('desktop: a lab session on 993 is captured as TLS records with its key log, never the password in the clear', async ({ page }) => {
  await page.setViewportSize(SIZES.desktop.viewport);
  await openLab(page);
  await enter(page, '/connect mail.example.com 993');
  await expectScreen(page, /\* OK/);
  await enter(page, 'a1 LOGIN alice wonderland');
  await expectScreen(page, /a1 OK/);
  // The lines panel explains the dialogue from each record's plaintext, as before.
  await expect(page.locator('[data-panel="wire"]')).toContainText('a1 LOGIN alice wonderland');
  const button = page.locator('[data-panel="wire"]').getByRole('button', { name: 'Download capture (pcapng)' });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^mail\.example\.com-993-\d+\.pcapng$/);
  const read = readPcapng(new Uint8Array(readFileSync((await download.path())!)));
  // A Decryption Secrets Block (type 0x0000000A) holding the TLS key log (0x544c534b, "TLSK").
  const dsb = read.blocks.find((b) => b.type === 0x0a);
  expect(dsb, 'a Decryption Secrets Block').toBeDefined();
  expect(dsb!.body.getUint32(0, true)).toBe(0x544c534b);
  expect(new TextDecoder().decode(new Uint8Array(dsb!.body.buffer, dsb!.body.byteOffset + 8, dsb!.body.getUint32(4, true)))).toMatch(/^CLIENT_HANDSHAKE_TRAFFIC_SECRET [0-9a-f]{64} [0-9a-f]{64}$/m);
  const packets = read.blocks.filter((x) => x.type === 6).map((x) => readIpv4Tcp(readEnhancedPacket(x.body, true).data));
  const toServer = Uint8Array.from(packets.filter((p) => p.dstPort === 993).flatMap((p) => [...p.payload]));
  // TLS records: a handshake record (22) first, TLS 1.0 legacy version in the ClientHello's record (RFC 8446 §5.1).
  expect([...toServer.subarray(0, 3)]).toEqual([22, 3, 1]);
  expect(new TextDecoder('latin1').decode(toServer)).not.toContain('wonderland');
});
