/**
 * The lab's world in IndexedDB: an older build's localStorage world moves there, a full storage is
 * reported at once and loses nothing already saved, and two tabs never overwrite each other.
 */
import { expect, test, type Page } from '@playwright/test';
import { defaultWorld } from '../simulator/world/world.ts';
import { worldToJson } from '../simulator/world/serialize.ts';
import { enter, expectScreen, openLab } from './terminal.ts';
import { storedDisabled, storedWorld } from './world-db.ts';

async function openWorldPanel(page: Page): Promise<void> {
  await page.locator('[data-panel="world"] > summary').click();
}

function pipelining(page: Page, host: string) {
  return page.getByRole('group', { name: host }).getByRole('checkbox', { name: 'PIPELINING' });
}

test('a full storage is reported at once, and what was saved before is kept', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as unknown as { storageFull?: boolean }).storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openLab(page);
  await openWorldPanel(page);
  await pipelining(page, 'mail.example.com').uncheck();
  await expect.poll(() => storedDisabled(page)).toMatchObject({ 'mail.example.com': ['PIPELINING'], 'mail.example.org': [] });

  await page.evaluate(() => ((window as unknown as { storageFull?: boolean }).storageFull = true));
  await pipelining(page, 'mail.example.org').uncheck();
  const alert = page.getByTestId('save-failed');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('no more storage');
  await expect(alert.getByRole('button', { name: 'Export the world' })).toBeVisible();
  expect(await storedDisabled(page)).toMatchObject({ 'mail.example.com': ['PIPELINING'], 'mail.example.org': [] });

  await page.reload();
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  await openWorldPanel(page);
  await expect(pipelining(page, 'mail.example.com')).not.toBeChecked();
  await expect(pipelining(page, 'mail.example.org')).toBeChecked();
});

test('a world an older build kept in localStorage moves to IndexedDB', async ({ page }) => {
  const old = defaultWorld(Date.now());
  old.hosts[0]!.settings.disabled.push('PIPELINING');
  const json = worldToJson(old);
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('mailwire:world', text);
      sessionStorage.setItem('seeded', '1');
    }
  }, json);
  await page.goto('/lab/');
  await expect(page.getByTestId('world-migrated')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('mailwire:world'))).toBeNull();
  expect(await storedDisabled(page)).toMatchObject({ 'mail.example.com': ['PIPELINING'] });
  await openWorldPanel(page);
  await expect(pipelining(page, 'mail.example.com')).not.toBeChecked();

  await page.reload();
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  await expect(page.getByTestId('world-migrated')).toHaveCount(0);
  await openWorldPanel(page);
  await expect(pipelining(page, 'mail.example.com')).not.toBeChecked();
});

test('a second lab tab is read-only, hears the first one save, and takes over when it closes', async ({ context }) => {
  const first = await context.newPage();
  await openLab(first);
  const second = await context.newPage();
  await second.goto('/lab/');
  await expect(second.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  await expect(second.getByTestId('tab-notice')).toHaveAttribute('data-tab', 'other-open');
  await expect(first.getByTestId('tab-notice')).toHaveCount(0);

  await openWorldPanel(first);
  await pipelining(first, 'mail.example.com').uncheck();
  await expect(second.getByTestId('tab-notice')).toHaveAttribute('data-tab', 'other-changed');

  // The read-only tab's own change is never written over the first tab's world.
  await openWorldPanel(second);
  await pipelining(second, 'mail.example.org').uncheck();
  await pipelining(first, 'mail.example.com').check();
  await expect.poll(() => storedDisabled(first)).toMatchObject({ 'mail.example.com': [] });
  expect(await storedDisabled(first)).toMatchObject({ 'mail.example.org': [] });

  await first.close();
  const notice = second.getByTestId('tab-notice');
  await expect(notice).toHaveAttribute('data-tab', 'other-closed');
  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(second.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  await expect(second.getByTestId('tab-notice')).toHaveCount(0);
  await openWorldPanel(second);
  await expect(pipelining(second, 'mail.example.org')).toBeChecked();
});

test('a change made just before the page goes away is kept (the last-moment copy)', async ({ page }) => {
  await openLab(page);
  await enter(page, '/connect mail.example.org 995');
  await expectScreen(page, /\+OK/);
  await enter(page, 'USER bob@example.org');
  await enter(page, 'PASS builder');
  await enter(page, 'DELE 1');
  await enter(page, 'QUIT');
  // Reload the moment the server has answered QUIT, well inside the save's 250 ms quiet time.
  await expectScreen(page, /Connection closed by the server/);
  await page.reload();
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  await expect.poll(async () => (await storedWorld(page)) !== null).toBe(true);
  await page.locator('.mw-terminal .xterm').click();
  await enter(page, '/connect mail.example.org 995');
  await expectScreen(page, /\+OK/);
  await enter(page, 'USER bob@example.org');
  await enter(page, 'PASS builder');
  await enter(page, 'STAT');
  await expectScreen(page, /^\+OK 1 \d+/m);
});
