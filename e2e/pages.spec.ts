import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PAGES = ['/', '/lab/', '/learn/how-email-travels/', '/learn/using-the-terminal/', '/reference/ports/', '/404.html'];

/** Collects console errors and uncaught exceptions while `visit` runs. */
async function errorsDuring(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await visit();
  return errors;
}

async function ready(page: Page, path: string): Promise<void> {
  await page.goto(path);
  if (path === '/lab/') await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  await page.waitForLoadState('networkidle');
}

for (const path of PAGES) {
  test(`no console errors on ${path}`, async ({ page }) => {
    expect(await errorsDuring(page, () => ready(page, path))).toEqual([]);
  });
}

test('the home page says what Mailwire is and reaches a working terminal in one click', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Mailwire teaches how email works')).toBeVisible();
  await page.getByRole('link', { name: 'Open the terminal' }).click();
  await expect(page).toHaveURL(/\/lab\/$/);
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
});

test('tutorials, lab and reference link to each other', async ({ page }) => {
  await page.goto('/learn/how-email-travels/');
  const sidebar = page.locator('nav[aria-label="Main"]');
  await expect(sidebar.getByRole('link', { name: 'Lab: the terminal' })).toHaveAttribute('href', '/lab/');
  await expect(sidebar.getByRole('link', { name: 'Mail ports' })).toHaveAttribute('href', '/reference/ports/');
  await sidebar.getByRole('link', { name: 'Using the terminal' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Using the terminal');
});

for (const theme of ['light', 'dark'] as const) {
  for (const path of ['/', '/lab/', '/learn/how-email-travels/']) {
    test(`axe finds no serious or critical violations on ${path} (${theme})`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await ready(page, path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad).toEqual([]);
    });
  }
}

test('/live/: "Run on both" cannot submit the form before its island has loaded (no native submit, no reload)', async ({ page, request }) => {
  // The island loads when it scrolls into view: what the server sent is what a quick click meets.
  const html = await (await request.get('/live/')).text();
  expect(html).toMatch(/<button type="submit" disabled="">Run on both<\/button>/);
  await page.goto('/live/');
  const run = page.getByRole('button', { name: 'Run on both' });
  await run.scrollIntoViewIfNeeded();
  await expect(run).toBeEnabled();
});
