/** /compare/: POP3 and IMAP side by side, driven through the guided walk-through. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

async function open(page: Page): Promise<void> {
  await page.goto('/compare/');
  await expect(page.locator('.mw-compare[data-status="ready"]')).toBeVisible();
  await focusStart(page);
}

const walk = (page: Page): Locator => page.locator('.mw-cmp-walk');

/** Presses Enter on Next (which keeps the focus from step to step) and waits until the step has run. */
async function nextStep(page: Page): Promise<string> {
  const done = Number(await walk(page).getAttribute('data-step'));
  await expect(page.locator('.mw-cmp-walk-nav .mw-cmp-primary')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(walk(page)).toHaveAttribute('data-step', String(done + 1));
  await expect(page.locator('.mw-compare')).toHaveAttribute('aria-busy', 'false');
  await scrollSettled(page);
  return (await walk(page).getAttribute('data-step-id')) ?? '';
}

/**
 * Waits until the page holds still: after a step it may scroll the cards the step changed into
 * view, smoothly (follow-changes.ts), and a click aimed while the page moves may miss its button
 * (the likely cause of one CI failure: Back, clicked right after a step, left the walk-through
 * where it was, with no page error before the wait ran out).
 */
async function scrollSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((done) => {
        const y = window.scrollY;
        const frames = (n: number): void => void requestAnimationFrame(() => (n > 1 ? frames(n - 1) : done(window.scrollY === y)));
        frames(4);
      }),
  );
}

/** Runs the walk-through up to and including the step with this id (the Scenario's step ids). */
async function stepTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 20; i++) if ((await nextStep(page)) === id) return;
  throw new Error(`the walk-through has no step ${id}`);
}

/** Runs the rest of the walk-through. */
async function finish(page: Page): Promise<void> {
  while ((await page.locator('.mw-cmp-walk-nav .mw-cmp-primary').count()) > 0) await nextStep(page);
}

/** Tabs to the walk-through's first button, as a keyboard user would. */
async function focusStart(page: Page): Promise<void> {
  const start = page.getByRole('button', { name: 'Start the walk-through' });
  for (let i = 0; i < 40 && !(await start.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
}

function cell(page: Page, fact: string, side: 'pop3' | 'imap'): Locator {
  return page.locator(`td[data-fact="${fact}"][data-side="${side}"]`);
}

test('the guided walk-through shows POP3 emptying the phone and IMAP keeping read state in step', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await open(page);
  await expect(page.getByRole('heading', { level: 2, name: 'POP3' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'IMAP' })).toBeVisible();

  await stepTo(page, 'new-mail');
  await expect(page.locator('.mw-cmp-server[data-server="pop3"]')).toHaveAttribute('data-messages', '4');
  await expect(page.locator('.mw-cmp-server[data-server="imap"]')).toHaveAttribute('data-messages', '4');

  await stepTo(page, 'laptop-checks');
  await expect(cell(page, 'server', 'pop3')).toHaveAttribute('data-value', '0');
  await expect(cell(page, 'laptop', 'pop3')).toHaveAttribute('data-value', '4');

  // The POP3 laptop keeps no copy: the phone that checks after it finds nothing.
  await stepTo(page, 'phone-checks');
  await expect(cell(page, 'phone', 'pop3')).toHaveAttribute('data-value', '0');
  await expect(cell(page, 'phone', 'pop3')).toContainText('0 messages on the phone');
  await expect(cell(page, 'phone', 'imap')).toHaveAttribute('data-value', '4');
  await expect(page.locator('[data-device="pop3-phone"]')).toContainText('No mail on this device.');

  await stepTo(page, 'read-on-phone');
  await expect(cell(page, 'read-state', 'imap')).toHaveAttribute('data-value', 'true');
  await expect(cell(page, 'read-state', 'imap')).toContainText('the same read state on both devices');
  // The message read on the phone shows as read on the laptop too (pushed during IDLE).
  const read = page.locator('[data-device="imap-phone"] li[data-seen="true"]').last();
  const key = await read.getAttribute('data-key');
  await expect(page.locator(`[data-device="imap-laptop"] li[data-key="${key}"]`)).toHaveAttribute('data-seen', 'true');

  // Both devices at once: the POP3 phone meets the laptop's maildrop lock.
  await stepTo(page, 'both-at-once');
  await expect(walk(page).locator('li[data-side="pop3"]')).toContainText('[IN-USE]');
  await finish(page);
  await expect(page.getByRole('button', { name: 'Start over' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Step (\d+) of \1:/ })).toBeFocused();

  // Final facts: POP3 leaves mail only on the laptop; IMAP loses nothing and agrees on read state.
  await expect(cell(page, 'lose-laptop', 'pop3')).toContainText('would be lost with it');
  await expect(cell(page, 'lose-laptop', 'imap')).toContainText('nothing is lost');
  await expect(cell(page, 'read-state', 'imap')).toHaveAttribute('data-value', 'true');
  await expect(cell(page, 'folders', 'imap')).toHaveAttribute('data-value', 'true');

  // A verdict cell opens the transcript and highlights the line behind it.
  const link = cell(page, 'server', 'pop3').locator('a');
  const ref = await link.getAttribute('data-ref');
  expect(ref).toMatch(/^pop3-(laptop|phone):\d+$/);
  await link.click();
  const line = page.locator(`#tl-${ref!.replace(':', '-')}`);
  await expect(line).toBeVisible();
  await expect(line).toHaveClass(/is-target/);
  await expect(line).toBeFocused();

  expect(errors).toEqual([]);
});

test('Back replays the walk-through up to the step before', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await open(page);
  await stepTo(page, 'phone-checks');
  const at = Number(await walk(page).getAttribute('data-step'));
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(walk(page)).toHaveAttribute('data-step', String(at - 1));
  await expect(walk(page)).toHaveAttribute('data-step-id', 'laptop-checks');
  await expect(page.locator('.mw-compare')).toHaveAttribute('aria-busy', 'false');
  await expect(cell(page, 'laptop', 'pop3')).toHaveAttribute('data-value', '4');
  await expect(cell(page, 'phone', 'imap')).toHaveAttribute('data-value', '0');
  expect(errors).toEqual([]);
});

test('buttons: POP3 cannot move to a folder, and two POP3 devices at once meet [IN-USE]', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await open(page);
  const last = page.locator('.mw-cmp-last');
  await page.getByRole('button', { name: 'Laptop checks mail' }).click();
  await expect(last).toContainText('Laptop checks mail');
  await page.getByRole('button', { name: 'Move to Archive' }).click();
  await expect(last.locator('li[data-side="pop3"]')).toContainText('POP3 has no folders on the server');
  await expect(last.locator('li[data-side="pop3"]')).toHaveAttribute('data-ok', 'false');
  await expect(last.locator('li[data-side="imap"]')).toContainText('moved');
  await expect(page.locator('[data-server="imap"]')).toContainText('Archive');

  // Keep a copy on the laptop, so both POP3 devices find mail to fight over.
  await page.locator('[data-device="pop3-laptop"]').getByLabel('Leave a copy of messages on the server').check();
  await page.getByRole('button', { name: 'New mail arrives' }).click();
  await expect(last).toContainText('delivered');
  await page.getByRole('button', { name: 'Both devices at once' }).click();
  await expect(last).toContainText('[IN-USE]');
  await expect(page.locator('[data-device="imap-phone"]')).toContainText('Pushed to both devices');
  await expect(page.locator('[data-device="imap-laptop"]')).toContainText('Pushed to both devices');
  expect(errors).toEqual([]);
});

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations on /compare/ (${theme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await open(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // The end of the walk-through: every badge, verdict tone and result line on the page.
    await finish(page);
    expect(await seriousViolations(page)).toEqual([]);
    // Open transcripts with a highlighted line (short ones: axe's contrast pass is slow per line).
    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(page.locator('.mw-cmp-walk[data-step="0"]')).toBeVisible();
    await page.getByRole('button', { name: 'Laptop checks mail' }).click();
    await expect(page.locator('.mw-cmp-last')).toContainText('synced');
    await cell(page, 'laptop', 'pop3').locator('a').click();
    await expect(page.locator('.mw-cmp-transcript li.is-target')).toBeVisible();
    await page.locator('#tp-imap-laptop > summary').click();
    await page.locator('#tp-imap-laptop li[data-dir="S"] details summary').first().click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('on a phone the columns stack', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await open(page);
  const pop3 = await page.locator('.mw-cmp-column[data-side="pop3"]').boundingBox();
  const imap = await page.locator('.mw-cmp-column[data-side="imap"]').boundingBox();
  expect(pop3 && imap && imap.y >= pop3.y + pop3.height - 1).toBe(true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
