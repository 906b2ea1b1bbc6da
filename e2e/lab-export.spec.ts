import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { box, expectInside, viewportBox } from './geometry.ts';
import { enter, expectScreen, openLab } from './terminal.ts';

/** Types a line and waits for a new server line matching `reply` in the wire panel. */
async function say(page: Page, line: string, reply: RegExp): Promise<void> {
  const count = async (): Promise<number> =>
    (await page.locator('[data-panel="wire"] .lab-wire__line--server').allInnerTexts()).map((l) => l.replace(/^S:\s*/, '')).filter((l) => reply.test(l)).length;
  const before = await count();
  await enter(page, line);
  await expect.poll(count, { timeout: 20_000 }).toBeGreaterThan(before);
}

test('an SMTP session exports as swaks, openssl and curl; the host is editable; the dialog fits desktop and phone', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 860 });
  await openLab(page);
  await enter(page, '/connect mail.example.com 587');
  await expectScreen(page, /220 mail\.example\.com/);
  await say(page, 'EHLO laptop.example', /^250 /);
  await say(page, 'STARTTLS', /^220 /);
  await say(page, 'EHLO laptop.example', /^250 /);
  await say(page, 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', /^235 /);
  await say(page, 'MAIL FROM:<alice@example.com>', /^250 /);
  await say(page, 'RCPT TO:<bob@example.org>', /^250 /);
  await say(page, 'DATA', /^354 /);
  await enter(page, 'Subject: Exported');
  await enter(page, '');
  await enter(page, 'Hello Bob.');
  await say(page, '.', /^250 /);

  await page.getByRole('button', { name: 'Export as commands' }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  const swaks = dialog.getByTestId('export-swaks');
  await expect(swaks).toContainText('swaks --server mail.example.com:587 --tls --ehlo laptop.example --auth PLAIN --auth-user alice --auth-password PASSWORD');
  await expect(swaks).toContainText('--from alice@example.com --to bob@example.org --data -');
  await expect(swaks).toContainText('Subject: Exported');
  await expect(dialog.getByTestId('export-openssl')).toContainText('openssl s_client -connect mail.example.com:587 -starttls smtp');
  await expect(dialog.getByTestId('export-curl')).toContainText('--mail-from alice@example.com --mail-rcpt bob@example.org');
  await expect(dialog).not.toContainText('wonderland');

  await dialog.getByTestId('export-host').fill('smtp.my-server.test');
  await dialog.getByTestId('export-port').fill('2525');
  await expect(swaks).toContainText('swaks --server smtp.my-server.test:2525 --tls');
  await expect(dialog.getByTestId('export-curl')).toContainText('curl smtp://smtp.my-server.test:2525/laptop.example --ssl-reqd');
  await dialog.getByLabel('include my password').check();
  await expect(swaks).toContainText('--auth-password wonderland');

  const copies = dialog.getByRole('button', { name: /^Copy the / });
  expect(await copies.count()).toBeGreaterThanOrEqual(4);
  await expect(copies.first()).toBeVisible();

  for (const size of [{ width: 1366, height: 860 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    // Below 1100 px the lab's panels become tabs: the dialog stays open, its panel the tab shown.
    await expect(dialog).toBeVisible();
    const d = await box(dialog);
    expectInside(d, viewportBox(page), 'dialog');
    expectInside(await box(swaks), d, 'swaks command');
    expectInside(await box(copies.first()), d, 'copy button');
    await page.screenshot({ path: `test-results/lab-export-${size.width}.png` });
  }
  const results = await new AxeBuilder({ page }).include('[data-testid="export-dialog"]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
