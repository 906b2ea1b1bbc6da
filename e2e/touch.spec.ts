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

  test('the chips follow the server: the next steps of a transaction, then the end of the message after 354', async ({ page }) => {
    await page.goto('/lab/');
    await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
    const chips = page.getByRole('group', { name: 'Common commands' });
    const rows = page.locator('.mw-terminal .xterm-rows');
    await chips.getByRole('button', { name: '/connect mail.example.org 25' }).tap();
    await expect(rows).toContainText('220 mail.example.org');
    // Before EHLO a transaction cannot start (RFC 5321 §4.1.4): no MAIL chip yet.
    await expect(chips.getByRole('button', { name: /^MAIL FROM:/ })).toHaveCount(0);
    for (const chip of ['EHLO laptop.example.com', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA']) {
      await chips.getByRole('button', { name: chip, exact: true }).tap();
    }
    await expect(rows).toContainText('354 ');
    await expect(chips.getByRole('button')).toHaveText(['Subject: Hello', '.']);
    await chips.getByRole('button', { name: 'Subject: Hello' }).tap();
    const end = chips.getByRole('button', { name: '.', exact: true });
    const b = await end.boundingBox();
    const v = page.viewportSize()!;
    expect(b && b.y >= 0 && b.y + b.height <= v.height, `the "." chip at ${JSON.stringify(b)}`).toBe(true);
    await end.tap();
    await expect(rows).toContainText(/250 2\.0\.0 OK/);
    await expect(chips.getByRole('button', { name: /^MAIL FROM:/ })).toHaveCount(1);
  });

  test('fits the screen without sideways scrolling', async ({ page }) => {
    await page.goto('/lab/');
    await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
