/**
 * The home page shows the path — tutorials → missions → Compare → Ports → See the wire — as an
 * ordered list whose cards fit the screen, and links every interactive page; the first tutorial
 * (whichever the Learn group of the sidebar puts first) has no "Previous".
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 860 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

/** The first page of the sidebar's Learn group, as its path. */
async function firstTutorial(page: Page): Promise<string> {
  const learn = page.locator('nav[aria-label="Main"] details, #starlight__sidebar details').filter({ has: page.locator('summary', { hasText: /^\s*Learn\s*$/ }) }).first();
  const href = await learn.locator('a[href]').first().getAttribute('href');
  if (!href) throw new Error('the sidebar has no Learn group with a link');
  return new URL(href, 'http://site').pathname;
}

for (const { name, viewport } of SIZES) {
  test.describe(`home at ${name} size`, () => {
    test.use({ viewport });

    test('shows the path in order, each step a card inside the viewport with its link', async ({ page }) => {
      await page.goto('/');
      const steps = page.locator('ol.mw-path__steps > li');
      await expect(steps).toHaveCount(5);
      await expect(steps.locator('h3')).toHaveText(['Tutorials', 'Missions', 'Compare POP3 and IMAP', 'Ports explorer', 'See the wire']);
      const hrefs = await steps.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs.slice(1)).toEqual(['/lab/#missions', '/compare/', '/ports/', '/wire/']);
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      for (let i = 0; i < 5; i++) {
        const step = steps.nth(i);
        await step.scrollIntoViewIfNeeded();
        const box = await step.boundingBox();
        if (!box) throw new Error(`step ${i + 1} has no box`);
        expect(box.x, `step ${i + 1} left`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `step ${i + 1} right`).toBeLessThanOrEqual(width);
        const link = await step.locator('a').boundingBox();
        if (!link) throw new Error(`step ${i + 1}'s link has no box`);
        expect(link.x + link.width, `step ${i + 1}'s link inside its card`).toBeLessThanOrEqual(box.x + box.width);
        expect(link.y + link.height, `step ${i + 1}'s link inside its card`).toBeLessThanOrEqual(box.y + box.height);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.locator('.mw-path').screenshot({ path: test.info().outputPath(`path-${name}.png`) });
    });
  });
}

test('links every interactive page, and the path starts at the first tutorial', async ({ page }) => {
  await page.goto('/learn/smtp/');
  const first = await firstTutorial(page);
  await page.goto('/');
  const main = page.locator('main');
  const hrefs = new Set(await main.locator('a[href]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash)));
  for (const path of ['/lab/', '/lab/#missions', '/compare/', '/ports/', '/wire/', '/live/', first]) {
    expect([...hrefs], `home links ${path}`).toContain(path);
  }
  await expect(page.locator('ol.mw-path__steps > li').first().locator('a')).toHaveAttribute('href', first);
});

test('the first tutorial has no Previous; the second one\'s Previous is the first', async ({ page }) => {
  await page.goto('/learn/smtp/');
  const first = await firstTutorial(page);
  await page.goto(first);
  await expect(page.locator('.pagination-links a[rel="prev"]')).toHaveCount(0);
  const next = page.locator('.pagination-links a[rel="next"]');
  await expect(next).toHaveCount(1);
  const second = new URL((await next.getAttribute('href')) ?? '', 'http://site').pathname;
  await page.goto(second);
  await expect(page.locator('.pagination-links a[rel="prev"]')).toHaveAttribute('href', first);
});

for (const theme of ['light', 'dark']) {
  test(`the home page has no axe violations in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
