import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openLab } from './terminal.ts';

async function typeIn(page: Page, terminal: string, line: string): Promise<void> {
  await page.locator(`[data-terminal="${terminal}"] .xterm`).click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/**
 * An SMTP 250 reply line. Not the string '250 ': Playwright trims the expected text, so '250 '
 * also matched the digits of the POP3 greeting's APOP timestamp (`<...1796225039...@host>`).
 */
const SMTP_OK = /(?<![0-9])250[ -]/;

function screen(page: Page, terminal: string) {
  return page.locator(`[data-terminal="${terminal}"] .xterm-rows`);
}

test('two terminals side by side are two sessions; the panels follow the one in use', async ({ page }) => {
  // A clock whose milliseconds hold "250", so the POP3 greeting's timestamp does too.
  await page.clock.install({ time: 1_796_225_039_000 });
  await page.clock.resume();
  await openLab(page);
  await page.getByRole('button', { name: 'Side by side' }).click();
  await expect(page.locator('[data-terminal="lab-2"][data-status="ready"]')).toBeVisible();
  await expect(page.locator('[data-terminal="lab"]')).toBeVisible();

  await typeIn(page, 'lab', '/connect mail.example.com 25');
  await expect(screen(page, 'lab')).toContainText('220 mail.example.com');
  await typeIn(page, 'lab-2', '/connect mail.example.com 110');
  await expect(screen(page, 'lab-2')).toContainText('+OK');
  await expect(page.getByTestId('current-state')).toHaveText('AUTHORIZATION');
  await typeIn(page, 'lab', 'EHLO laptop.example');
  await expect(screen(page, 'lab')).toContainText(SMTP_OK);
  await expect(page.getByTestId('current-state')).toHaveText('ready');
  await expect(screen(page, 'lab-2')).not.toContainText(SMTP_OK);

  await page.getByRole('button', { name: 'Side by side' }).click();
  await expect(page.locator('[data-terminal="lab-2"]')).toBeHidden();
  await page.getByRole('tab', { name: 'Terminal 2' }).click();
  await expect(page.locator('[data-terminal="lab-2"]')).toBeVisible();
  await expect(screen(page, 'lab-2')).toContainText('+OK');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the lab's panels (${theme})`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await openLab(page);
    await page.keyboard.type('/connect mail.example.com 25');
    await page.keyboard.press('Enter');
    await page.keyboard.type('RCPT TO:<bob@example.org>');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('rule-broken')).toBeVisible();
    await page.locator('[data-panel="world"] > summary').click();
    await page.getByTestId('mailbox-inspector').getByRole('button', { name: /Open message 1/ }).click();
    await page.getByRole('button', { name: 'Side by side' }).click();
    await expect(page.locator('[data-terminal="lab-2"][data-status="ready"]')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  });
}
