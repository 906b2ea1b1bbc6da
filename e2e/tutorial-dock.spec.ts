/**
 * The tutorial's docked terminal, as geometry: at 1366x860 it stands beside the text, at 390x844
 * it is docked at the bottom; "Run in terminal" on a snippet low on the page leaves the page where
 * it is (scrollY unchanged), and the snippet, the terminal and the reply are all in the viewport.
 * "Run the steps before this" replays the earlier snippets' lines first.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { type Box, SIZES, box, expectInViewport } from './geometry.ts';

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const dock = (page: Page): Locator => page.locator('.mw-dock');
const rows = (page: Page): Locator => page.locator('[data-mw-terminal] .xterm-rows');

async function openSmtp(page: Page): Promise<void> {
  await page.goto('/learn/smtp/');
  // xterm.js loads lazily: on a busy machine that can take a while.
  await expect(page.locator('[data-mw-terminal] .mw-terminal[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
}

/** The xterm row showing `text`, which must be on screen (not only in the buffer). */
function row(page: Page, text: RegExp): Locator {
  return rows(page).locator(':scope > div').filter({ hasText: text }).last();
}

/** Scrolls so the snippet's Run button sits in the reading area (above a bottom dock). */
async function bringUp(page: Page, id: string): Promise<Locator> {
  const snippet = page.locator(`[data-snippet="${id}"]`);
  await snippet.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // Starlight's header (and on a phone, its "On this page" bar) cover the top: step back a little.
  await page.evaluate(() => window.scrollBy(0, -120));
  return snippet;
}

/** Scrolls so `button` sits just above the dock: what shows under it after a press starts under the dock. */
async function scrollJustAboveDock(page: Page, button: Locator): Promise<void> {
  const [b, top] = [await box(button), (await box(dock(page))).y];
  await page.evaluate((dy) => window.scrollBy(0, dy), b.y + b.height - (top - 4));
  expect((await box(button)).y + (await box(button)).height).toBeLessThanOrEqual(top);
}

/** `said` (a status under `button`) is on screen, off the dock, and `button` stays on screen. */
async function expectClearOfDock(page: Page, said: Locator, button: Locator, what: string): Promise<void> {
  const s = await box(said);
  expectInViewport(s, page);
  expect(overlaps(s, await box(dock(page))), what).toBe(false);
  expectInViewport(await box(button), page);
}

for (const [name, use] of Object.entries(SIZES)) {
  test.describe(`${name}`, () => {
    test.use(use);

    test('Run in terminal keeps the page still; snippet, terminal and reply are in view', async ({ page }) => {
      test.setTimeout(60_000);
      await openSmtp(page);
      const snippet = await bringUp(page, 'smtp-greeting');
      const before = await page.evaluate(() => window.scrollY);
      expect(before, 'the snippet is low on the page').toBeGreaterThan(300);
      await snippet.getByRole('button', { name: 'Run in terminal' }).click();
      await expect(snippet.getByRole('status')).toHaveText('On the prompt: press Enter.');
      await expect(page.locator('[data-mw-terminal] .xterm-helper-textarea')).toBeFocused();
      await page.keyboard.press('Enter');
      const reply = row(page, /220 mail\.example\.org ESMTP Mailwire/);
      await expect(reply).toBeVisible();
      expect(await page.evaluate(() => window.scrollY)).toBe(before);

      const [s, d, r] = [await box(snippet), await box(dock(page)), await box(reply)];
      expectInViewport(s, page);
      expectInViewport(d, page);
      expectInViewport(r, page);
      // The reply row is inside the terminal's screen, and the dock does not cover the snippet.
      const screen = await box(page.locator('[data-mw-terminal] .mw-terminal__screen'));
      expect(r.y).toBeGreaterThanOrEqual(screen.y);
      expect(r.y + r.height).toBeLessThanOrEqual(screen.y + screen.height + 0.5);
      expect(overlaps(await box(snippet.getByRole('button', { name: 'Run in terminal' })), d)).toBe(false);
      await page.screenshot({ path: test.info().outputPath(`smtp-run-${name}.png`) });
    });

    test('Run the steps before this replays the earlier snippets, then the snippet runs', async ({ page }) => {
      test.setTimeout(60_000);
      await openSmtp(page);
      const snippet = await bringUp(page, 'smtp-rcpt');
      await expect(snippet.locator('figcaption a')).toHaveCount(3);
      const before = await page.evaluate(() => window.scrollY);
      await snippet.getByRole('button', { name: 'Run the steps before this' }).click();
      await expect(snippet.getByRole('status')).toHaveText('Ran the 3 steps before this; on the prompt: press Enter.');
      await expect(row(page, /250 2\.1\.0 Sender OK/)).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(row(page, /250 2\.1\.5 Recipient OK/)).toBeVisible();
      expectInViewport(await box(row(page, /250 2\.1\.5 Recipient OK/)), page);
      // The page stays still, unless the status line under the buttons would be under a phone's
      // dock: then it moves just enough (8 px) for the status to clear the dock.
      const moved = (await page.evaluate(() => window.scrollY)) - before;
      if (moved !== 0) {
        const s = await box(snippet.getByRole('status'));
        expect(name, 'only a bottom dock covers the status').toBe('phone');
        expect(Math.abs((await box(dock(page))).y - 8 - (s.y + s.height)), `moved ${moved} px, more than the status needs`).toBeLessThan(1);
      }

      // Again, while connected: a fresh connection, not "Already connected".
      const data = page.locator('[data-snippet="smtp-data"]');
      await data.getByRole('button', { name: 'Run the steps before this' }).click();
      await expect(data.getByRole('status')).toContainText('Ran the 4 steps before this');
      // Connected again (no "connecting" on the prompt) with DATA waiting on it.
      await expect.poll(() => rows(page).evaluate((el) => (el as HTMLElement).innerText.trim().split('\n').at(-1)?.trim())).toBe('mail.example.org:25> DATA');
      await page.keyboard.press('Enter');
      await expect(row(page, /354 Start mail input/)).toBeVisible();
      await expect(rows(page)).not.toContainText('Already connected');
      await page.screenshot({ path: test.info().outputPath(`smtp-steps-${name}.png`) });
    });
  });
}

const DOCKED = ['/learn/how-email-travels/', '/learn/smtp/', '/learn/smtp-extensions/', '/learn/pop3/', '/learn/imap/', '/learn/imap-in-depth/', '/learn/ports/', '/learn/tls/', '/learn/troubleshooting/'];

for (const [name, use] of Object.entries(SIZES)) {
  test.describe(`${name}: beside the dock`, () => {
    test.use(use);
    test('a snippet that opens a connection, run while connected, gets a new one', async ({ page }) => {
      test.setTimeout(60_000);
      await page.goto('/learn/ports/');
      await expect(page.locator('[data-mw-terminal] .mw-terminal[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
      for (const [id, greeting] of [['ports-465', /220 mail\.example\.com ESMTP/], ['ports-995', /\+OK mail\.example\.com POP3/]] as const) {
        const snippet = await bringUp(page, id);
        await snippet.getByRole('button', { name: 'Run in terminal' }).click();
        await expect(snippet.getByRole('status')).toHaveText('On the prompt: press Enter.');
        await page.keyboard.press('Enter');
        await expect(row(page, greeting)).toBeVisible();
      }
      await expect(rows(page)).not.toContainText('Already connected');
    });

    test('the text column holds its tables and diagrams; the page does not scroll sideways', async ({ page }) => {
      test.setTimeout(90_000);
      for (const path of DOCKED) {
        await page.goto(path);
        await expect(dock(page), path).toBeVisible();
        const wide = await page.evaluate(() => {
          const out: string[] = [];
          if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('the page');
          // Beside the dock (wide screens) the tables must fit; on a phone the column is as before.
          if (window.innerWidth >= 1152) {
            for (const t of document.querySelectorAll<HTMLElement>('.sl-markdown-content table')) if (t.scrollWidth > t.clientWidth + 1) out.push(`table: ${t.innerText.slice(0, 40)}`);
            // A state diagram fits whole too (its last state was cut at the column's edge).
            for (const d of document.querySelectorAll<HTMLElement>('.mw-diagram__scroll')) if (d.scrollWidth > d.clientWidth + 1) out.push(`diagram: ${d.getAttribute('aria-label')}`);
          }
          return out;
        });
        expect(wide, path).toEqual([]);
        if (path === '/learn/imap/') {
          // IMAP's diagram is narrow enough to fit whole in a phone's column too, unscrolled.
          expect(await page.locator('.mw-diagram__scroll').evaluate((d) => d.scrollWidth - d.clientWidth), path).toBeLessThanOrEqual(1);
        }
        // On a wide screen the dock stands beside the text, never over it.
        if (name === 'desktop') {
          const [text, d] = [await box(page.locator('.sl-markdown-content').first()), await box(dock(page))];
          expect(text.x + text.width, path).toBeLessThanOrEqual(d.x + 0.5);
          // The table of contents is still one click away, in the bar over the text.
          const toc = page.locator('mobile-starlight-toc nav');
          await expect(toc, path).toBeVisible();
          expect((await box(toc)).x + (await box(toc)).width, path).toBeLessThanOrEqual(d.x + 0.5);
        }
      }
    });
  });
}

test.describe('phone: the dock folds', () => {
  test.use(SIZES.phone);

  test('Hide folds the terminal to a bar; a snippet run unfolds it', async ({ page }) => {
    test.setTimeout(60_000);
    await openSmtp(page);
    const toggle = dock(page).getByRole('button', { name: 'Hide' });
    await toggle.click();
    await expect(dock(page).getByRole('button', { name: 'Show' })).toHaveAttribute('aria-expanded', 'false');
    expect((await box(dock(page))).height).toBeLessThan(60);
    const snippet = await bringUp(page, 'smtp-greeting');
    await snippet.getByRole('button', { name: 'Run in terminal' }).click();
    await expect(dock(page).getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-expanded', 'true');
    // The dock unfolds at once; the line reaches the prompt, and the terminal gets focus, a moment later.
    // An Enter pressed before that lands on the focused Run button and runs the snippet again.
    await expect(snippet.getByRole('status')).toHaveText('On the prompt: press Enter.');
    await expect(page.locator('[data-mw-terminal] .xterm-helper-textarea')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(row(page, /220 mail\.example\.org/)).toBeVisible();
    const [s, d] = [await box(snippet.getByRole('button', { name: 'Run in terminal' })), await box(dock(page))];
    expect(overlaps(s, d), 'the unfolded dock leaves the snippet visible').toBe(false);
  });

  test('what a snippet says under its buttons is not left under the dock', async ({ page }) => {
    test.setTimeout(60_000);
    await openSmtp(page);
    const snippet = page.locator('[data-snippet="smtp-rcpt"]');
    const steps = snippet.getByRole('button', { name: 'Run the steps before this' });
    // The button just above the dock: the status line that wraps under it starts under the dock.
    await scrollJustAboveDock(page, steps);
    await steps.click();
    const status = snippet.getByRole('status');
    await expect(status).toHaveText('Ran the 3 steps before this; on the prompt: press Enter.');
    await expectClearOfDock(page, status, steps, 'the status clears the dock');
  });

  test('an exercise\'s verdict under Check is not left under the dock', async ({ page }) => {
    test.setTimeout(60_000);
    await openSmtp(page);
    const exercise = page.locator('mw-exercise[data-id="smtp-relay-denied"]');
    const check = exercise.getByRole('button', { name: 'Check' });
    await scrollJustAboveDock(page, check);
    await check.click();
    const verdict = exercise.getByRole('status');
    await expect(verdict).toContainText('Nothing typed yet');
    await expectClearOfDock(page, verdict, check, 'the verdict clears the dock');
  });

  test('the page does not scroll sideways, and its last line clears the dock', async ({ page }) => {
    await openSmtp(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = page.locator('.pagination-links, footer').last();
    expect((await box(last)).y + (await box(last)).height).toBeLessThanOrEqual((await box(dock(page))).y + 0.5);
  });
});

for (const theme of ['light', 'dark'] as const) {
  for (const [name, use] of Object.entries(SIZES)) {
    test.describe(`axe ${theme} ${name}`, () => {
      test.use(use);
      test(`axe: /learn/smtp/ with the docked terminal (${theme}, ${name})`, async ({ page }) => {
        test.setTimeout(120_000);
        await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
        await openSmtp(page);
        const results = await new AxeBuilder({ page }).exclude('.xterm').analyze();
        const bad = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(bad).toEqual([]);
      });
    });
  }
}
