import { expect, test } from '@playwright/test';

test.describe('the lab on a phone', () => {
  test('has an input row and command chips under the terminal', async ({ page }) => {
    await page.goto('/lab/');
    await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
    const input = page.getByRole('textbox', { name: 'Line to send' });
    await expect(input).toBeVisible();
    await input.fill('/base64 \\0alice\\0wonderland');
    await page.getByRole('button', { name: 'Send' }).tap();
    await expect(page.locator('.mw-terminal .xterm-rows')).toContainText('AGFsaWNlAHdvbmRlcmxhbmQ=');
    await expect(input).toHaveValue('');
    await page.getByRole('group', { name: 'Common commands' }).getByRole('button', { name: '/help' }).tap();
    await expect(page.locator('.mw-terminal .xterm-rows')).toContainText('/connect HOST PORT');
  });

  test('fits the screen without sideways scrolling', async ({ page }) => {
    await page.goto('/lab/');
    await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
