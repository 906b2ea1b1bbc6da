import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { box, expectInViewport, SIZES } from './geometry.ts';
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

for (const [size, use] of Object.entries(SIZES)) {
  test.describe(`${size}: the connect picker`, () => {
    test.use(use);
    test('shows every host and port it offers whole, with Connect in the viewport', async ({ page }) => {
      await openLab(page);
      const picker = page.getByRole('form', { name: 'Connect the terminal in use' });
      for (const name of ['Host', 'Port']) {
        const select = picker.getByLabel(name);
        for (const label of await select.locator('option').allTextContents()) {
          await select.selectOption({ label });
          // What it needs: a select styled like it, holding only this option, at its natural width.
          const [has, needs] = await select.evaluate((el: HTMLSelectElement, text) => {
            const probe = document.createElement('select');
            const style = getComputedStyle(el);
            probe.style.cssText = `position:absolute;visibility:hidden;width:max-content;font:${style.font};padding:${style.padding};border:${style.border}`;
            probe.append(new Option(text));
            document.body.append(probe);
            const needed = probe.getBoundingClientRect().width;
            probe.remove();
            return [el.getBoundingClientRect().width, needed];
          }, label);
          expect(has, `${name} "${label}": ${has} px wide, needs ${needs}`).toBeGreaterThanOrEqual(needs - 0.5);
          expectInViewport(await box(select), page);
        }
      }
      await picker.getByRole('button', { name: 'Connect' }).scrollIntoViewIfNeeded();
      expectInViewport(await box(picker.getByRole('button', { name: 'Connect' })), page);
    });
  });
}
