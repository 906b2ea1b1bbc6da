/**
 * The docked tutorial terminal does no heavy work while the page loads: xterm.js and the engines
 * (the `xterm` and `world` chunks) are fetched only once the page is idle or the learner reaches
 * for the terminal. The page's idle callbacks are held back here (an init script queues them), so
 * "idle" is something the test decides, not a race: with idle held and nobody touching the dock,
 * those chunks must never be requested; releasing idle, pressing on the dock or running a snippet
 * each brings the terminal up. Loading them during page load cost the ten docked tutorials up to
 * 1.5 s of blocking time under Lighthouse's mobile profile.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { SIZES } from './geometry.ts';

/** The chunks of the terminal's heavy work: xterm.js and the virtual world with its engines. */
const HEAVY = /\/_astro\/(xterm|world)\.[\w-]+\.js$/;

declare global {
  interface Window {
    mwReleaseIdle?: () => number;
  }
}

/** Queues every requestIdleCallback until the test calls window.mwReleaseIdle(). */
async function holdIdle(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // A callback's id is its place in the queue plus one; a cancelled one leaves a null.
    const queue: Array<IdleRequestCallback | null> = [];
    let next = 0;
    window.requestIdleCallback = (callback) => queue.push(callback);
    window.cancelIdleCallback = (id) => {
      queue[id - 1] = null;
    };
    window.mwReleaseIdle = () => {
      let ran = 0;
      while (next < queue.length) {
        const callback = queue[next++];
        if (callback) {
          ran++;
          callback({ didTimeout: false, timeRemaining: () => 50 });
        }
      }
      return ran;
    };
  });
}

/** Opens /learn/smtp/ with idle held, recording the heavy chunks the page requests. */
async function openHeld(page: Page): Promise<Request[]> {
  await holdIdle(page);
  const heavy: Request[] = [];
  page.on('request', (r) => {
    if (HEAVY.test(new URL(r.url()).pathname)) heavy.push(r);
  });
  await page.goto('/learn/smtp/');
  // The island has hydrated (Astro drops `ssr`), its scripts are in and the network is quiet.
  await expect(page.locator('[data-mw-terminal] astro-island:not([ssr])')).toHaveCount(1, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  return heavy;
}

const terminal = (page: Page) => page.locator('[data-mw-terminal] .mw-terminal');
const rows = (page: Page) => page.locator('[data-mw-terminal] .xterm-rows');

for (const [name, use] of Object.entries(SIZES)) {
  test.describe(name, () => {
    test.use(use);

    test('at load the dock fetches neither xterm.js nor the engines; once the page is idle it does', async ({ page }) => {
      test.setTimeout(60_000);
      const heavy = await openHeld(page);
      expect(heavy.map((r) => r.url()), 'requested before idle or any use of the dock').toEqual([]);
      await expect(terminal(page)).toHaveAttribute('data-status', 'loading');
      await expect(page.locator('[data-mw-terminal] .xterm')).toHaveCount(0);

      expect(await page.evaluate(() => window.mwReleaseIdle?.() ?? 0), 'idle callbacks were waiting').toBeGreaterThan(0);
      await expect(terminal(page)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
      await expect(rows(page)).toContainText('Mailwire protocol terminal.');
      expect(heavy.map((r) => new URL(r.url()).pathname.replace(/\.[\w-]+\.js$/, '')).sort()).toEqual(expect.arrayContaining(['/_astro/world', '/_astro/xterm']));
    });

    test('before idle, a press on the dock brings the terminal up with the keyboard in it', async ({ page }) => {
      test.setTimeout(60_000);
      await openHeld(page);
      await page.locator('[data-mw-terminal] .mw-terminal__screen').click();
      await expect(terminal(page)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
      await expect(page.locator('[data-mw-terminal] .xterm-helper-textarea')).toBeFocused();
      await page.keyboard.type('/hosts');
      await page.keyboard.press('Enter');
      await expect(rows(page)).toContainText('mail.example.org');
    });

    test('before idle, "Run in terminal" brings the terminal up and puts the line on its prompt', async ({ page }) => {
      test.setTimeout(60_000);
      await openHeld(page);
      const snippet = page.locator('[data-snippet="smtp-greeting"]');
      await snippet.getByRole('button', { name: 'Run in terminal' }).click();
      await expect(snippet.getByRole('status')).toHaveText('On the prompt: press Enter.', { timeout: 30_000 });
      await page.keyboard.press('Enter');
      await expect(rows(page)).toContainText('220 mail.example.org ESMTP Mailwire');
    });
  });
}
