/**
 * A delivery view people can read (issue 13 item 6): after Alice submits on 587 (STARTTLS, then
 * AUTH PLAIN), the sequence diagram starts with her own submission, its text is at least 12 px,
 * it fits its panel (scrolling, never cut), the message travels hop by hop unless reduced motion
 * is asked for, and the message viewer shows the body.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { box } from './geometry.ts';
import { enter, expectScreen, openLab } from './terminal.ts';

async function submit(page: Page): Promise<void> {
  await openLab(page);
  await enter(page, '/connect mail.example.com 587');
  await expectScreen(page, /220 mail\.example\.com/);
  for (const [line, reply] of [
    ['EHLO laptop.example', /^250 HELP/m],
    ['STARTTLS', /TLS is on/],
    ['EHLO laptop.example', /^250 HELP[\s\S]*250 HELP/m],
    ['AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', /^235 /m],
    ['MAIL FROM:<alice@example.com>', /^250 2\.1\.0/m],
    ['RCPT TO:<bob@example.org>', /^250 2\.1\.5/m],
    ['DATA', /^354 /m],
  ] as const) {
    await enter(page, line);
    await expectScreen(page, reply);
  }
  await enter(page, 'Subject: Readable hops');
  await enter(page, '');
  await enter(page, 'Hello Bob, this is the body.');
  await enter(page, '.');
  await expectScreen(page, /^250 2\.0\.0 /m);
}

/** On a phone the panels are tabs: open one (a no-op on the desktop, where they all stand). */
async function show(page: Page, tab: string): Promise<void> {
  const t = page.getByRole('tab', { name: tab });
  if ((await t.count()) > 0) await t.click();
}

async function checkDiagram(page: Page): Promise<void> {
  await show(page, 'Delivery');
  const view = page.getByTestId('delivery-view');
  await expect(view).toContainText('stored for bob@example.org');
  const svg = view.locator('svg[role="img"]');
  await expect(svg).toBeVisible();
  // Text at its own size: the computed size is at least 12 px and nothing scales the picture down.
  const sizes = await svg.locator('text').evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  const scale = await svg.evaluate((el) => el.getBoundingClientRect().width / (el as SVGSVGElement).viewBox.baseVal.width);
  expect(scale).toBeCloseTo(1, 2);
  // The box it scrolls in fits inside the panel; what is wider scrolls instead of being cut.
  const panel = await box(page.locator('[data-panel="delivery"]'));
  const frame = view.locator('.lab-delivery__svg');
  const f = await box(frame);
  expect(f.x).toBeGreaterThanOrEqual(panel.x);
  expect(f.x + f.width).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
  const { scrollWidth, clientWidth, overflowX } = await frame.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
  if (scrollWidth > clientWidth) expect(overflowX).toBe('auto');
  // It starts with the learner's own submission: the laptop's lane is drawn.
  const hops = await view.locator('.lab-delivery__hops li').allTextContents();
  expect(hops[0]).toMatch(/^mail\.example\.com → laptop: 220 /);
  expect(hops[1]).toBe('laptop → mail.example.com: EHLO laptop.example');
  expect(hops.findIndex((h) => h.includes('MX? example.org'))).toBeGreaterThan(hops.findIndex((h) => h.includes('(message:')));
}

/** axe over the lab with the delivery view (or, on a phone, the tab in front) and the viewer open. */
async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.lab-workspace').analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

async function checkViewer(page: Page): Promise<void> {
  await show(page, 'Mailboxes');
  const inspector = page.getByTestId('mailbox-inspector');
  await inspector.getByLabel('Account').selectOption('bob@example.org');
  await inspector.getByRole('button', { name: /Readable hops/ }).click();
  const viewer = page.getByTestId('message-viewer');
  await expect(viewer.getByTestId('message-body')).toHaveText('Hello Bob, this is the body.\n');
  // Each explanation toggle sits in its own header field's row, and opens there.
  const row = viewer.locator('.lab-headers__row[data-header="Return-Path"]');
  const toggle = row.getByRole('button', { name: /What is this\? \(Return-Path\)/ });
  const r = await box(row);
  const t = await box(toggle);
  expect(t.y).toBeGreaterThanOrEqual(r.y);
  expect(t.y + t.height).toBeLessThanOrEqual(r.y + r.height);
  await toggle.click();
  await expect(row.locator('.lab-headers__explain')).toContainText('the envelope sender');
}

for (const [size, viewport] of [['desktop 1366x860', { width: 1366, height: 860 }], ['phone 390x844', { width: 390, height: 844 }]] as const) {
  test.describe(size, () => {
    test.use({ viewport });

    test('the delivery view is readable, fits its panel and starts with the submission; the viewer shows the body', async ({ page }) => {
      test.setTimeout(120_000);
      await submit(page);
      await checkDiagram(page);
      await checkViewer(page);
      await expectAxeClean(page);
    });
  });
}

test('the message moves hop by hop, and stands still under prefers-reduced-motion (dark theme, axe)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await submit(page);
  await expectAxeClean(page);
  const hop = page.locator('[data-testid="delivery-view"] .seq-hop').first();
  await expect(hop).toHaveCSS('animation-name', 'seq-hop-in');
  await expect(page.locator('[data-testid="delivery-view"] .seq-dot').first()).toHaveCSS('animation-name', 'seq-dot-travel');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(hop).toHaveCSS('animation-name', 'none');
  await expect(hop).toHaveCSS('opacity', '1');
  await expect(page.locator('[data-testid="delivery-view"] .seq-dot').first()).toBeHidden();
});
