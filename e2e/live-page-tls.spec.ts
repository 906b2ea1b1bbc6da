/**
 * Live mode with TLS in the browser (issue 18): the built lab, through the fixture's relay, to
 * Dovecot's implicit-TLS IMAP port. The page runs TLS 1.3 itself (its code loads only now), checks
 * the certificate against the relay's --ca roots, and the relay forwards ciphertext only: its
 * capture of the whole session holds no password.
 */
import type { Page } from '@playwright/test';
import { box, expectInside, expectInViewport, SIZES } from './geometry.ts';
import { expect, test } from './live-fixture.ts';
import { enter, openLab, screenText } from './terminal.ts';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

async function expectFlat(page: Page, pattern: RegExp): Promise<void> {
  await expect.poll(async () => (await screenText(page)).replace(/\n/g, ''), { timeout: 15_000 }).toMatch(pattern);
}

test.describe('desktop', () => {
test.use(SIZES.desktop);
test('IMAP over TLS 1.3 run by the page: LOGIN through a relay that sees only ciphertext', async ({ page, liveLab }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await openLab(page);
  // The TLS code and the root store are not part of the lab's load.
  expect(scripts.filter((s) => s.includes('browser-tls'))).toEqual([]);

  await enter(page, `/relay ${liveLab.relayUrl}`);
  await expectFlat(page, /Live connections now go through ws:\/\/127\.0\.0\.1:\d+\/relay\./);
  liveLab.relayCapture.length = 0;
  await enter(page, `/connect --live --tls localhost ${liveLab.servers.ports.imaps}`);
  await expectFlat(page, /TLS is on: TLSv1\.3, TLS_\w+; certificate CN=localhost issued by CN=Mailwire Test CA, valid \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; name matches localhost\./);
  await expectFlat(page, /TLS runs in this page, end to end with the server: the relay passes on ciphertext only\./);
  await expectFlat(page, /\* OK .*Dovecot.* ready\./);
  expect(scripts.filter((s) => s.includes('browser-tls'))).toHaveLength(1);
  expect(await screenText(page)).not.toMatch(/Go on anyway/);

  await enter(page, 'a1 LOGIN alice wonderland');
  await expectFlat(page, /a1 OK .*Logged in/);
  await enter(page, 'a2 LOGOUT');
  await expectFlat(page, /a2 OK Logout completed/);

  const seen = Buffer.concat(liveLab.relayCapture).toString('latin1');
  expect(seen.length).toBeGreaterThan(1000); // the handshake and the records went through it
  expect(seen).not.toContain('wonderland');
  expect(seen).not.toContain('LOGIN');
  expect(seen).not.toContain('Dovecot');

  // The line saying where TLS runs is on screen, inside the terminal and the viewport.
  const row = page.locator('.mw-terminal .xterm-rows > div', { hasText: 'TLS runs in this page' }).first();
  const terminal = await box(page.locator('.mw-terminal .xterm-screen'));
  const line = await box(row);
  expectInside(line, terminal, 'the "TLS runs in this page" row');
  expectInViewport(line, page);
  await page.screenshot({ path: test.info().outputPath('live-page-tls.png') });
});
});

test.describe('phone', () => {
  test.use(SIZES.phone);
  test('the TLS lines wrap inside the terminal on a phone', async ({ page, liveLab }) => {
    await openLab(page);
    await enter(page, `/relay ${liveLab.relayUrl}`);
    await enter(page, `/connect --live --tls localhost ${liveLab.servers.ports.imaps}`);
    await expectFlat(page, /TLS runs in this page, end to end with the server: the relay passes on ciphertext only\./);
    await expectFlat(page, /\* OK .*Dovecot.* ready\./);
    const terminal = await box(page.locator('.mw-terminal .xterm-screen'));
    expectInViewport(terminal, page);
    for (const text of ['TLS is on: TLSv1.3', 'TLS runs in this page']) {
      expectInside(await box(page.locator('.mw-terminal .xterm-rows > div', { hasText: text }).first()), terminal, `the row "${text}"`);
    }
    await page.screenshot({ path: test.info().outputPath('live-page-tls-phone.png') });
  });
});
