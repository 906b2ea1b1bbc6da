/**
 * The RFC reader: a citation in a tutorial or in the lab's explanations opens its section in a
 * drawer beside the text (a bottom sheet on a phone), with the network blocked; Esc closes it and
 * focus goes back to the citation; the reader pages hold every section.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { enter, expectScreen, openLab } from './terminal.ts';

const VIEWPORTS = {
  desktop: { width: 1366, height: 860 },
  phone: { width: 390, height: 844 },
} as const;

/** Nothing leaves the machine: every request to a host other than the preview server fails. */
async function offline(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  await page.route(
    (url) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1',
    (route) => {
      blocked.push(route.request().url());
      return route.abort();
    },
  );
  return blocked;
}

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b, 'element has a box').not.toBeNull();
  return b!;
}

/** The element's top part is on screen: inside the viewport horizontally, its top edge visible. */
async function expectInViewport(page: Page, l: Locator): Promise<void> {
  const b = await box(l);
  const v = page.viewportSize()!;
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(v.width + 0.5);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.y + Math.min(b.height, 40)).toBeLessThanOrEqual(v.height);
}

async function expectInside(inner: Locator, outer: Locator): Promise<void> {
  const i = await box(inner);
  const o = await box(outer);
  expect(i.x).toBeGreaterThanOrEqual(o.x - 0.5);
  expect(i.x + i.width).toBeLessThanOrEqual(o.x + o.width + 0.5);
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(name, () => {
    test.use({ viewport });

    test(`a tutorial's citation opens its section beside the text, offline; Esc closes it (${name})`, async ({ page }) => {
      const blocked = await offline(page);
      await page.goto('/learn/smtp/');
      const cite = page.locator('main a[href="/rfc/5321/#section-3.3"]').first();
      await cite.scrollIntoViewIfNeeded();
      await cite.click();

      const drawer = page.getByRole('dialog', { name: 'RFC 5321 §3.3' });
      await expect(drawer).toBeVisible();
      const cited = drawer.locator('.rfc-section--cited');
      await expect(cited.getByRole('heading', { level: 3 })).toHaveText('3.3. Mail Transactions');
      await expect(cited.locator('.rfc-section__body')).toContainText('There are three steps to SMTP mail transactions.');
      await expect(drawer.getByRole('link', { name: 'At the RFC Editor' })).toHaveAttribute('href', 'https://www.rfc-editor.org/rfc/rfc5321#section-3.3');
      await expect(drawer.getByRole('link', { name: 'Open in the RFC reader' })).toHaveAttribute('href', '/rfc/5321/#section-3.3');
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);

      await expectInViewport(page, drawer);
      await expectInViewport(page, cited);
      await expectInside(cited, drawer);
      const d = await box(drawer);
      if (name === 'phone') {
        // A bottom sheet: full width, along the bottom edge, the page still showing above it.
        expect(d.width).toBeGreaterThanOrEqual(viewport.width - 1);
        expect(d.y + d.height).toBeGreaterThanOrEqual(viewport.height - 1);
        expect(d.y).toBeGreaterThan(viewport.height * 0.15);
      } else {
        // Beside the text: on the right, the left half of the page still showing.
        expect(d.x + d.width).toBeGreaterThanOrEqual(viewport.width - 1);
        expect(d.x).toBeGreaterThan(viewport.width * 0.4);
      }
      await page.screenshot({ path: `test-results/rfc-drawer-${name}.png` });

      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();
      await expect(cite).toBeFocused();
      expect(blocked.filter((u) => /rfc/.test(u))).toEqual([]);
    });

    test(`the reader page for RFC 5321 shows section 4.5.3.1 (${name})`, async ({ page }) => {
      await offline(page);
      await page.goto('/rfc/5321/#section-4.5.3.1');
      const section = page.locator('#section-4\\.5\\.3\\.1');
      await expect(section.getByRole('heading', { level: 5 })).toHaveText('4.5.3.1. Size Limits and Minimums');
      await expect(section.locator('.rfc-section__body')).toContainText('There are several objects that have required minimum/maximum sizes.');
      await expect(page.locator('#section-4\\.5\\.3\\.1\\.4')).toContainText('The maximum total length of a command line including the command word');
      await expectInViewport(page, section);
      const v = page.viewportSize()!;
      const b = await box(section);
      expect(b.width).toBeLessThanOrEqual(v.width);
      // No sideways scrolling: the 72-column text wraps on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(v.width);
      await page.screenshot({ path: `test-results/rfc-reader-${name}.png` });
    });
  });
}

test.describe('desktop only', () => {
  test.use({ viewport: VIEWPORTS.desktop });

  test("a lab explanation's citation opens the drawer too", async ({ page }) => {
    await offline(page);
    await openLab(page);
    await enter(page, '/connect mail.example.com 25');
    await expectScreen(page, /220 mail\.example\.com/);
    await enter(page, 'EHLO laptop.example');
    await expectScreen(page, /250 /);
    const wire = page.locator('[data-panel="wire"]');
    await wire.locator('.lab-tok-button', { hasText: 'PIPELINING' }).first().focus();
    const cite = wire.getByTestId('explanation').getByRole('link', { name: /^RFC 2920/ });
    const name = (await cite.textContent())!;
    await cite.click();
    const drawer = page.getByRole('dialog', { name });
    await expect(drawer).toBeVisible();
    await expect(drawer.locator('.rfc-section--cited .rfc-section__body')).toContainText('pipelin');
    await expectInViewport(page, drawer.locator('.rfc-section--cited'));
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  test('the drawer moves to the previous and next section, and the reader link leaves for the page', async ({ page }) => {
    await offline(page);
    await page.goto('/rfc/');
    await page.locator('main a[href="/rfc/5321/#section-4.5.3.1"]').click();
    const drawer = page.locator('dialog.rfc-drawer');
    await expect(drawer.locator('.rfc-section--cited h3')).toHaveText('4.5.3.1. Size Limits and Minimums');
    // The subsections come with it.
    await expect(drawer.locator('.rfc-section h4').first()).toHaveText('4.5.3.1.1. Local-part');
    await drawer.getByRole('link', { name: 'Next section →' }).click();
    await expect(drawer.locator('.rfc-section--cited h3')).toHaveText('4.5.3.2. Timeouts');
    await drawer.getByRole('link', { name: 'Open in the RFC reader' }).click();
    await expect(page).toHaveURL(/\/rfc\/5321\/#section-4\.5\.3\.2$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('RFC 5321: Simple Mail Transfer Protocol');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe: the open drawer and the reader page (${theme})`, async ({ page }) => {
      test.setTimeout(120_000); // three scans, one of a whole tutorial page
      await offline(page);
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto('/learn/smtp/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.locator('main a[href^="/rfc/5321/#section-"]').first().click();
      await expect(page.locator('.rfc-drawer .rfc-section--cited')).toBeVisible();
      await page.screenshot({ path: `test-results/rfc-drawer-${theme}.png` });
      for (const scan of [() => new AxeBuilder({ page }).include('.rfc-drawer'), () => new AxeBuilder({ page })]) {
        const results = await scan().analyze();
        const bad = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(bad).toEqual([]);
      }
      // A whole reader page, a short RFC's (axe on RFC 5321's 10,000 lines outlasts the timeout).
      await page.goto('/rfc/2920/#section-3');
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad).toEqual([]);
    });
  }
});
