import { expect, test } from '@playwright/test';

test('a corrupted stored world shows the recovery message, keeps the data, and reset recovers', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('mailwire:world', '{"format":"mailwire-world","version":1,"store":');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/lab/');
  const notice = page.getByTestId('world-recovery');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('could not be read');
  await expect(notice.getByRole('button', { name: 'Download the saved data' })).toBeVisible();
  // The terminal still works on a default world, and the damaged data is still there.
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('mailwire:world'))).toContain('"store":');

  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download the saved data' }).click();
  expect((await download).suggestedFilename()).toBe('mailwire-world-unreadable.json');

  await notice.getByRole('button', { name: 'Reset to the default world' }).click();
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  await expect(page.getByTestId('world-recovery')).toHaveCount(0);
});

test('a world from another version is refused with the reason, not a blank page', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('mailwire:world', JSON.stringify({ format: 'mailwire-world', version: 99 })));
  await page.goto('/lab/');
  await expect(page.getByTestId('world-recovery')).toContainText('unsupported world version 99');
});
