/**
 * /compare/ as geometry, at 1366x860 and 390x844: after every Next the step card and the first
 * card the step changed are both in the viewport (the step card stays in view, the page brings the
 * change under it), and what changed is marked ("changed" badge, marked messages).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SIZES, box, inside } from './geometry.ts';

const walk = (page: Page): Locator => page.locator('.mw-cmp-walk');

/** The changed card whose top is highest on screen (what the page brings into view). */
async function firstChanged(page: Page): Promise<Locator> {
  const cards = page.locator('.mw-cmp-card[data-changed="true"]');
  const tops = await cards.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  return cards.nth(tops.indexOf(Math.min(...tops)));
}

for (const [name, use] of Object.entries(SIZES)) {
  test.describe(name, () => {
    test.use({ ...use, reducedMotion: 'reduce' });

    test('after each Next the step card and what the step changed are in view, and marked', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/compare/');
      await expect(page.locator('.mw-compare[data-status="ready"]')).toBeVisible();
      const v = page.viewportSize()!;
      await page.getByRole('button', { name: 'Start the walk-through' }).click();
      for (let step = 1; ; step++) {
        await expect(walk(page)).toHaveAttribute('data-step', String(step));
        await expect(page.locator('.mw-compare')).toHaveAttribute('aria-busy', 'false');
        const id = await walk(page).getAttribute('data-step-id');
        await expect(page.locator('.mw-cmp-card[data-changed="true"]').first(), `step ${id} marks a card`).toBeVisible();
        const card = await firstChanged(page);
        const mark = card.locator('.mw-cmp-changed-mark');
        await expect(mark).toContainText('changed');
        // The step card is whole on screen, and the changed card's heading and mark are too, below it.
        await expect.poll(async () => inside(await box(walk(page)), v), `step ${id}: step card in view`).toBe(true);
        await expect.poll(async () => inside(await box(mark), v), `step ${id}: changed mark in view`).toBe(true);
        const [w, m] = [await box(walk(page)), await box(mark)];
        expect(m.y, `step ${id}: the mark is not under the step card`).toBeGreaterThanOrEqual(w.y + w.height);
        if (id === 'read-on-phone') {
          // The message read on the IMAP phone is marked on the phone, the server and the laptop.
          for (const where of ['[data-device="imap-phone"]', '[data-server="imap"]', '[data-device="imap-laptop"]']) {
            await expect(page.locator(`${where} li[data-changed="updated"]`)).toHaveCount(1);
          }
          // POP3 has nothing to read on its phone, said in one sentence.
          await expect(walk(page).locator('li[data-side="pop3"]')).toContainText('the phone has no message “Message 1 from Carol”');
          await page.screenshot({ path: test.info().outputPath(`compare-read-${name}.png`) });
        }
        if (step === 2) await page.screenshot({ path: test.info().outputPath(`compare-step2-${name}.png`) });
        const next = page.locator('.mw-cmp-walk-nav .mw-cmp-primary');
        if ((await next.count()) === 0) break;
        await next.click();
      }
    });
  });
}

for (const [name, use] of Object.entries(SIZES)) {
  test(`${name}: the verdict's caption spans its table (one line, not a word a line)`, async ({ browser }) => {
    const context = await browser.newContext(use);
    const page = await context.newPage();
    await page.goto('/compare/');
    await expect(page.locator('.mw-compare[data-status="ready"]')).toBeVisible();
    const caption = page.locator('.mw-cmp-verdict caption');
    await expect(caption).toHaveText('The verdict so far');
    const [c, t] = [await box(caption), await box(page.locator('.mw-cmp-verdict'))];
    expect(Math.abs(c.width - t.width), `caption ${c.width} px wide in a ${t.width} px table`).toBeLessThan(1);
    const line = await caption.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(c.height, 'one line').toBeLessThan(2 * line);
    await context.close();
  });
}

test('the ring around a changed card does not move under prefers-reduced-motion', async ({ browser }) => {
  for (const reducedMotion of ['reduce', 'no-preference'] as const) {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await page.goto('/compare/');
    await expect(page.locator('.mw-compare[data-status="ready"]')).toBeVisible();
    await page.getByRole('button', { name: 'Start the walk-through' }).click();
    const ring = page.locator('[data-server="pop3"] .mw-cmp-flash');
    await expect(ring).toHaveCount(1);
    expect(await ring.evaluate((el) => getComputedStyle(el).animationName)).toBe(reducedMotion === 'reduce' ? 'none' : 'mw-cmp-ring');
    await context.close();
  }
});

test.describe('phone axe', () => {
  test.use(SIZES.phone);
  test('the sticky step card and the change marks have no serious accessibility violations, in both themes', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/compare/');
    await expect(page.locator('.mw-compare[data-status="ready"]')).toBeVisible();
    await page.getByRole('button', { name: 'Start the walk-through' }).click();
    for (let i = 0; i < 3; i++) {
      await expect(page.locator('.mw-compare')).toHaveAttribute('aria-busy', 'false');
      await page.locator('.mw-cmp-walk-nav .mw-cmp-primary').click();
    }
    await expect(walk(page)).toHaveAttribute('data-step', '4');
    await expect(page.locator('.mw-cmp-changed-mark').first()).toBeVisible();
    for (const theme of ['dark', 'light']) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      const results = await new AxeBuilder({ page }).include('main').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
});
