import { expect, test } from '@playwright/test';
import { enter, expectScreen, openLab } from './terminal.ts';
import { storedWorld } from './world-db.ts';

test('a shared link replays the session on a fresh browser and ends in the same state', async ({ page, browser }) => {
  test.setTimeout(60_000);
  await openLab(page);
  await enter(page, '/connect mail.example.com 25');
  await expectScreen(page, /220 mail\.example\.com/);
  await enter(page, 'EHLO laptop.example');
  await expectScreen(page, /250 /);
  await enter(page, 'MAIL FROM:<alice@example.com>');
  await expect(page.getByTestId('current-state')).toHaveText('mail');
  await enter(page, 'RCPT TO:<carol@example.com>');
  await expect(page.getByTestId('current-state')).toHaveText('rcpt');

  await page.locator('[data-panel="world"] > summary').click();
  await page.getByRole('button', { name: 'Share a replay link' }).click();
  const link = await page.getByTestId('replay-link').inputValue();
  expect(link).toMatch(/\/lab\/#replay=/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('replay-status')).toHaveAttribute('data-done', 'true', { timeout: 20_000 });
  await expect(other.getByTestId('current-state')).toHaveText('rcpt');
  await expect(other.locator('.mw-terminal .xterm-rows')).toContainText('RCPT TO:<carol@example.com>');
  // The replay ran on a fresh world and saved nothing over the other browser's.
  expect(await storedWorld(other)).toBeNull();
  expect(await other.evaluate(() => localStorage.getItem('mailwire:world'))).toBeNull();
  await fresh.close();
});
