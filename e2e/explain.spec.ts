import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SWAKS = [
  '=== Trying mail.example.com:587...',
  '<-  220 mail.example.com ESMTP Postfix',
  ' -> EHLO laptop.example.com',
  '<-  250-mail.example.com',
  '<-  250 STARTTLS',
  ' -> AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=',
  '<** 530 5.7.0 Must issue a STARTTLS command first',
  ' -> QUIT',
  '<-  221 2.0.0 Bye',
].join('\n');

async function paste(page: Page, text: string): Promise<void> {
  await page.goto('/explain/');
  await expect(page.locator('.xp[data-status="ready"]')).toBeVisible();
  await page.getByLabel('Paste a transcript').fill(text);
  await page.getByRole('button', { name: 'Explain' }).click();
}

for (const viewport of [{ width: 1366, height: 860 }, { width: 390, height: 844 }]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a pasted swaks session is explained in view, the password masked, nothing sent anywhere', async ({ page }) => {
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.method() !== 'GET') requests.push(`${r.method()} ${r.url()}`);
      });
      await paste(page, SWAKS);
      const summary = page.getByTestId('xp-summary');
      await expect(summary).toContainText('Read as swaks, SMTP');
      await expect(summary).toBeFocused();
      await expect(summary).toBeInViewport();
      const refusal = page.locator('.xp-line', { hasText: '530 5.7.0' });
      await expect(refusal.locator('.xp-callout--refusal')).toContainText('RFC 3207');
      await expect(refusal.locator('.xp-callout--stop')).toContainText('Permanent failure');
      const auth = page.locator('.xp-line', { hasText: 'AUTH PLAIN' });
      await expect(auth).toContainText('AUTH PLAIN ••••••••');
      await expect(auth).not.toContainText('AGFsaWNlAHdvbmRlcmxhbmQ=');
      await expect(auth.locator('.xp-callout--warning')).toContainText('without TLS');
      await page.getByLabel('Show passwords').check();
      await expect(auth).toContainText('AGFsaWNlAHdvbmRlcmxhbmQ=');
      // Every line fits its list: nothing cut off at the right edge.
      const list = await page.locator('.xp-lines').boundingBox();
      for (const box of await page.locator('.xp-line__main').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) {
        expect(box).toBeLessThanOrEqual(list!.x + list!.width + 1);
      }
      expect(requests).toEqual([]);
    });

    test('selecting a line explains each of its parts', async ({ page }) => {
      await paste(page, SWAKS);
      await page.locator('.xp-line', { hasText: '250 STARTTLS' }).locator('.xp-line__main').click();
      const details = page.getByTestId('line-details');
      await expect(details).toContainText('STARTTLS');
      await expect(details).toContainText('RFC 3207');
      await expect(details).toBeInViewport();
    });
  });
}

test('a paste that is no mail session says so instead of showing a blank page', async ({ page }) => {
  await paste(page, 'GET / HTTP/1.1\nHost: example.com');
  await expect(page.locator('.xp-warning')).toContainText('Which protocol is this?');
});

test('Open in the lab replays the client side against the simulator', async ({ page }) => {
  await paste(page, SWAKS);
  await page.getByTestId('open-in-lab').click();
  await expect(page.getByTestId('replay-status')).toHaveAttribute('data-done', 'true', { timeout: 20_000 });
  await expect(page.locator('.mw-terminal .xterm-rows')).toContainText('530 5.7.0');
});

test('the page passes axe in both themes', async ({ page }) => {
  for (const theme of ['light', 'dark']) {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await paste(page, SWAKS);
    const results = await new AxeBuilder({ page }).include('main').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  }
});
