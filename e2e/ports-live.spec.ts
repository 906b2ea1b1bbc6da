/**
 * The ports explorer's Live switch: Open on a row connects the console to Dovecot on loopback
 * through the relay (e2e/live-fixture.ts); STARTTLS upgrades the live connection.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './live-fixture.ts';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

async function openPorts(page: Page, relayUrl: string): Promise<void> {
  await page.goto('/ports/');
  await page.evaluate((url) => localStorage.setItem('mailwire:relay-url', url), relayUrl);
  // Type only once the island has hydrated (Astro drops the ssr attribute then), or React resets the fields.
  await page.getByTestId('live-switch').scrollIntoViewIfNeeded();
  await page.locator('astro-island:not([ssr])').filter({ has: page.getByTestId('ports-explorer') }).waitFor();
  await expect(page.getByTestId('ports-explorer')).toHaveAttribute('data-ready', 'true');
}

test('Live on: Open connects to Dovecot at the typed port, and STARTTLS upgrades it', async ({ page, liveLab }) => {
  await openPorts(page, liveLab.relayUrl);
  const live = page.getByTestId('live-switch');
  await expect(live).toContainText('Try all stays on the virtual servers');
  await live.getByRole('switch', { name: 'Live' }).check();
  await live.getByLabel('Host').fill('localhost');
  await live.getByLabel('Port').fill(String(liveLab.servers.ports.imap));
  await page.getByRole('button', { name: 'Open a console on port 143' }).click();
  const section = page.getByTestId('ports-console');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText(`Port ${liveLab.servers.ports.imap} on localhost (live, as port 143)`);
  const console = section.getByTestId('client-console');
  await expect(console).toHaveAttribute('data-live', 'true');
  await expect(console.getByText(/^\* OK \[CAPABILITY [^\]]*STARTTLS[^\]]*\] Dovecot.* ready\./)).toBeVisible({ timeout: 15_000 });
  const input = console.getByLabel('Command to send');
  await input.fill('a STARTTLS');
  await input.press('Enter');
  await expect(console.getByText('a OK Begin TLS negotiation now.')).toBeVisible();
  await expect(
    console.getByText(
      /^TLS is on: TLSv1\.[23], \w+; certificate CN=localhost issued by CN=Mailwire Test CA, valid \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; name matches localhost\.$/,
    ),
  ).toBeVisible({ timeout: 15_000 });
  // The same connection, now inside TLS.
  await expect(input).toBeEnabled();
  await input.fill('a2 LOGIN alice wonderland');
  await input.press('Enter');
  await expect(console.getByText(/^a2 OK .*Logged in/)).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath('ports-live.png'), fullPage: false });
  for (const theme of ['dark', 'light']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const results = await new AxeBuilder({ page }).include('main').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('Live on with implicit TLS: the 993 row at the typed port starts TLS with the first byte', async ({ page, liveLab }) => {
  await openPorts(page, liveLab.relayUrl);
  const live = page.getByTestId('live-switch');
  await live.getByRole('switch', { name: 'Live' }).check();
  await live.getByLabel('Host').fill('localhost');
  await live.getByLabel('Port').fill(String(liveLab.servers.ports.imaps));
  await page.getByRole('button', { name: 'Open a console on port 993' }).click();
  const console = page.getByTestId('ports-console').getByTestId('client-console');
  await expect(console.getByText(/^TLS is on: TLSv1\.[23], .*name matches localhost\.$/)).toBeVisible({ timeout: 15_000 });
  await expect(console.getByText(/^\* OK .*Dovecot.* ready\./)).toBeVisible();
});

test('Live on without a host asks for one; without a relay the console says how to start one', async ({ page }) => {
  await openPorts(page, 'ws://127.0.0.1:9/relay');
  const live = page.getByTestId('live-switch');
  await live.getByRole('switch', { name: 'Live' }).check();
  await page.getByRole('button', { name: 'Open a console on port 143' }).click();
  await expect(page.getByRole('status')).toHaveText(/type the live host first/);
  await expect(live.getByLabel('Host')).toBeFocused();
  await expect(page.getByTestId('ports-console')).toHaveCount(0);
  await live.getByLabel('Host').fill('localhost');
  await page.getByRole('button', { name: 'Open a console on port 143' }).click();
  const console = page.getByTestId('ports-console').getByTestId('client-console');
  await expect(console.getByText(/no relay answers at ws:\/\/127\.0\.0\.1:9\/relay: start one with "npm run relay" \(npm start runs one too\)/)).toBeVisible();
  await expect(console).toHaveAttribute('data-open', 'false');
});
