/**
 * The terminal fits its box: after /help has filled the screen, the prompt row (the last row
 * showing `mailwire>`) lies wholly inside the terminal's visible box and inside the viewport — in
 * the lab and in a tutorial, on a desktop and a phone, and again after the viewport is resized.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

const DESKTOP = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The screen's visible box: its padding box (overflow is clipped there), in viewport pixels. */
async function visibleBox(screen: Locator): Promise<Box> {
  return screen.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const top = parseFloat(s.borderTopWidth);
    const left = parseFloat(s.borderLeftWidth);
    return {
      x: r.x + left,
      y: r.y + top,
      width: r.width - left - parseFloat(s.borderRightWidth),
      height: r.height - top - parseFloat(s.borderBottomWidth),
    };
  });
}

/** The last xterm row that shows the prompt, as a box in viewport pixels. */
async function promptRow(terminal: Locator): Promise<Box> {
  const box = await terminal.locator('.xterm-rows').evaluate((rows) => {
    const all = [...rows.children].filter((row) => (row.textContent ?? '').includes('mailwire>'));
    const last = all.at(-1);
    if (!last) return null;
    const r = last.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  if (!box) throw new Error('no row shows the mailwire> prompt');
  return box;
}

function expectInside(inner: Box, outer: Box, what: string): void {
  const slack = 0.5; // sub-pixel rounding
  expect(inner.height, `${what}: the row has a height`).toBeGreaterThan(0);
  expect(inner.y, `${what}: top`).toBeGreaterThanOrEqual(outer.y - slack);
  expect(inner.y + inner.height, `${what}: bottom`).toBeLessThanOrEqual(outer.y + outer.height + slack);
  expect(inner.x, `${what}: left`).toBeGreaterThanOrEqual(outer.x - slack);
}

/** After /help, the prompt row is inside the screen and, once scrolled into view, the viewport. */
async function expectPromptFits(page: Page, terminal: Locator, label: string): Promise<void> {
  const screen = terminal.locator('.mw-terminal__screen');
  await screen.scrollIntoViewIfNeeded();
  // The fit runs on a ResizeObserver callback: give layout a frame to settle.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const row = await promptRow(terminal);
  const box = await visibleBox(screen);
  expectInside(row, box, `${label}: prompt row in the terminal`);
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  expectInside(row, { x: 0, y: 0, width: viewport.width, height: viewport.height }, `${label}: prompt row in the viewport`);
  // xterm's whole screen, not only this row, stays inside the box: no row hidden under the edge.
  const xtermScreen = await terminal.locator('.xterm-screen').boundingBox();
  if (!xtermScreen) throw new Error('no xterm screen');
  expect(xtermScreen.y + xtermScreen.height, `${label}: xterm screen bottom`).toBeLessThanOrEqual(box.y + box.height + 0.5);
}

/** The refit follows a resize by a frame or two (ResizeObserver, then xterm's render): retry briefly. */
async function settled(check: () => Promise<void>): Promise<void> {
  await expect(check).toPass({ timeout: 3_000 });
}

async function runHelp(page: Page, terminal: Locator): Promise<void> {
  await expect(terminal).toHaveAttribute('data-status', 'ready');
  await terminal.locator('.xterm').click();
  await expect(terminal.locator('.xterm-helper-textarea')).toBeFocused();
  // Twice, so the output is longer than any screen here and the prompt ends on the bottom row.
  for (let i = 0; i < 2; i++) {
    await page.keyboard.type('/help');
    await page.keyboard.press('Enter');
  }
  await expect.poll(async () => {
    const rows = await terminal.locator('.xterm-rows').evaluate((el) => [...el.children].map((row) => (row.textContent ?? '').trim()));
    return { last: rows.at(-1), full: rows.every((row) => row !== '') };
  }).toEqual({ last: 'mailwire>', full: true });
}

const PLACES = [
  { name: 'the lab', path: '/lab/', terminal: (page: Page) => page.locator('.mw-terminal[data-status="ready"]').first() },
  { name: 'a tutorial', path: '/learn/smtp/', terminal: (page: Page) => page.locator('[data-mw-terminal] .mw-terminal').first() },
];

for (const place of PLACES) {
  for (const [size, viewport, other] of [['desktop', DESKTOP, PHONE], ['phone', PHONE, DESKTOP]] as const) {
    test.describe(`${place.name} at ${size} size`, () => {
      test.use({ viewport, ...(size === 'phone' ? { hasTouch: true, isMobile: true } : {}) });

      test('the prompt row stays inside the terminal after /help and after a resize', async ({ page }) => {
        await page.goto(place.path);
        const terminal = place.terminal(page);
        await terminal.scrollIntoViewIfNeeded();
        await runHelp(page, terminal);
        await settled(() => expectPromptFits(page, terminal, `${place.name} ${size}`));
        await page.setViewportSize(other);
        await settled(() => expectPromptFits(page, terminal, `${place.name} ${size} → resized`));
        await page.setViewportSize(viewport);
        await settled(() => expectPromptFits(page, terminal, `${place.name} ${size} → back`));
        await page.screenshot({ path: test.info().outputPath(`${place.path.replace(/\W+/g, '-')}${size}.png`) });
      });
    });
  }
}

test('the prompt row stays inside after a theme switch', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('/learn/smtp/');
  const terminal = page.locator('[data-mw-terminal] .mw-terminal').first();
  await terminal.scrollIntoViewIfNeeded();
  await runHelp(page, terminal);
  const dark = await page.evaluate(() => document.documentElement.dataset['theme']);
  await page.evaluate((theme) => (document.documentElement.dataset['theme'] = theme), dark === 'light' ? 'dark' : 'light');
  await settled(() => expectPromptFits(page, terminal, 'after a theme switch'));
});
