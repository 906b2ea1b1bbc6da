import { expect, test, type Page } from '@playwright/test';
import { enter, expectScreen, openLab } from './terminal.ts';

/**
 * Types a line and waits for a new server line matching `reply` in the wire panel (the terminal
 * screen scrolls, so counting on it would miss lines).
 */
async function say(page: Page, line: string, reply: RegExp): Promise<void> {
  const before = await countReplies(page, reply);
  await enter(page, line);
  await expect.poll(() => countReplies(page, reply)).toBeGreaterThan(before);
}

async function countReplies(page: Page, pattern: RegExp): Promise<number> {
  const lines = await page.locator('[data-panel="wire"] .lab-wire__line--server').allInnerTexts();
  return lines.map((l) => l.replace(/^S:\s*/, '')).filter((l) => pattern.test(l)).length;
}

async function bobsInbox(page: Page): Promise<ReturnType<Page['getByTestId']>> {
  const inspector = page.getByTestId('mailbox-inspector');
  await inspector.getByLabel('Account').selectOption('bob@example.org');
  return inspector;
}

test('a message submitted on 587 travels to bob, survives a reload, and a reset removes it', async ({ page }) => {
  test.setTimeout(60_000);
  await openLab(page);
  await enter(page, '/connect mail.example.com 587');
  await expectScreen(page, /220 mail\.example\.com/);
  await say(page, 'EHLO laptop.example', /^250 /);
  await say(page, 'STARTTLS', /^220 /);
  await expectScreen(page, /TLS/);
  await say(page, 'EHLO laptop.example', /^250 /);
  await say(page, 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', /^235 /);
  await say(page, 'MAIL FROM:<alice@example.com>', /^250 /);
  await say(page, 'RCPT TO:<bob@example.org>', /^250 /);
  await say(page, 'DATA', /^354 /);
  await enter(page, 'Subject: Lab hop test');
  await enter(page, '');
  await enter(page, 'Hello Bob, this went through the MX.');
  await say(page, '.', /^250 /);

  const delivery = page.getByTestId('delivery-view');
  await expect(delivery).toContainText('MX? example.org');
  await expect(delivery).toContainText('mail.example.org');
  await expect(delivery).toContainText('stored for bob@example.org');
  await expect(delivery.locator('svg[role="img"]')).toBeVisible();

  let inspector = await bobsInbox(page);
  await expect(inspector).toContainText('Lab hop test');
  await inspector.getByRole('button', { name: /Lab hop test/ }).click();
  await expect(page.getByTestId('message-viewer')).toContainText('Received');
  await expect(page.getByTestId('message-viewer')).toContainText('text/plain');

  await page.reload();
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  inspector = await bobsInbox(page);
  await expect(inspector).toContainText('Lab hop test');

  await page.locator('[data-panel="world"] > summary').click();
  await page.getByTestId('reset-world').click();
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  inspector = await bobsInbox(page);
  await expect(inspector).toContainText('UIDVALIDITY');
  await expect(inspector).not.toContainText('Lab hop test');
});
