/**
 * The tutorials in a browser: every page opens without errors; on a protocol page a snippet's
 * "Run in terminal" puts its command on the prompt and Enter runs it; an exercise is completed
 * through the UI and its progress survives a reload and an export/import.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const TUTORIALS = [
  '/learn/using-the-terminal/',
  '/learn/how-email-travels/',
  '/learn/ports/',
  '/learn/smtp/',
  '/learn/smtp-extensions/',
  '/learn/pop3/',
  '/learn/imap/',
  '/learn/imap-in-depth/',
  '/learn/tls/',
  '/learn/pop3-vs-imap/',
  '/learn/mail-client-setup/',
  '/learn/troubleshooting/',
  '/reference/commands/',
];

function screen(page: Page) {
  return page.locator('[data-mw-terminal] .xterm-rows');
}

/** Waits until the screen shows `text`; rows are joined, since xterm wraps long replies. */
async function expectScreen(page: Page, text: RegExp): Promise<void> {
  await expect.poll(async () => (await screen(page).innerText()).replace(/\n/g, ''), { timeout: 10_000 }).toMatch(text);
}

/** Clicks a snippet's Run button, waits for the command on the prompt, presses Enter. */
async function runSnippet(page: Page, id: string, shows: RegExp): Promise<void> {
  const snippet = page.locator(`[data-snippet="${id}"]`);
  await snippet.getByRole('button', { name: 'Run in terminal' }).click();
  await expect(snippet.getByRole('status')).toHaveText('On the prompt: press Enter.');
  await expect(page.locator('[data-mw-terminal] .xterm-helper-textarea')).toBeFocused();
  await page.keyboard.press('Enter');
  await expectScreen(page, shows);
}

for (const path of TUTORIALS) {
  test(`${path} opens with a heading and no console errors`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
}

test('SMTP: run a snippet, then complete an exercise through the UI', async ({ page }) => {
  await page.goto('/learn/smtp/');
  await page.locator('[data-mw-terminal]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-mw-terminal] .mw-terminal[data-status="ready"]')).toBeVisible();
  await runSnippet(page, 'smtp-greeting', /220 mail\.example\.org ESMTP Mailwire/);

  const exercise = page.locator('mw-exercise[data-id="smtp-relay-denied"]');
  const check = exercise.getByRole('button', { name: 'Check' });
  await check.click();
  await expect(exercise.getByRole('status')).toContainText('Not yet');

  await page.locator('[data-mw-terminal] .xterm').click();
  for (const line of ['EHLO laptop', 'MAIL FROM:<bob@example.org>', 'RCPT TO:<alice@example.com>']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await expectScreen(page, /550 5\.7\.1/);
  await check.click();
  await expect(exercise.getByRole('status')).toContainText('Done');
  await expect(exercise.locator('.mw-exercise__done')).toBeVisible();

  await page.reload();
  await expect(page.locator('mw-exercise[data-id="smtp-relay-denied"] .mw-exercise__done')).toBeVisible();
  const stored = await page.evaluate(() => localStorage.getItem('mailwire:progress'));
  expect(JSON.parse(stored ?? '{}').done).toHaveProperty('smtp-relay-denied');
});

test('IMAP: a snippet that needs a login runs after its setup lines', async ({ page }) => {
  await page.goto('/learn/imap/');
  await page.locator('[data-mw-terminal]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-mw-terminal] .mw-terminal[data-status="ready"]')).toBeVisible();
  await page.locator('[data-mw-terminal] .xterm').click();
  for (const line of ['/connect mail.example.com 993', 'a LOGIN alice@example.com wonderland', 'b ENABLE IMAP4rev2', 'b SELECT INBOX']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await expectScreen(page, /b OK \[READ-WRITE\]/);
  await runSnippet(page, 'imap-search', /\* ESEARCH \(TAG "c"\) ALL 2:3/);
});

test('TLS: an exercise with STARTTLS is checked against what the page typed', async ({ page }) => {
  await page.goto('/learn/tls/');
  await page.locator('[data-mw-terminal]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-mw-terminal] .mw-terminal[data-status="ready"]')).toBeVisible();
  await page.locator('[data-mw-terminal] .xterm').click();
  const lines = ['/connect mail.example.com 143', 'a LOGIN alice@example.com wonderland', 'b STARTTLS'];
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await expectScreen(page, /b OK Begin TLS/);
  await page.keyboard.type('c LOGIN alice@example.com wonderland');
  await page.keyboard.press('Enter');
  await expectScreen(page, /c OK \[CAPABILITY .*\] LOGIN completed/);
  const exercise = page.locator('mw-exercise[data-id="tls-imap-starttls"]');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status')).toContainText('Done');
});

test('progress can be exported and imported', async ({ page }) => {
  await page.goto('/learn/troubleshooting/');
  await page.evaluate(() => localStorage.setItem('mailwire:progress', JSON.stringify({ version: 1, done: { 'trouble-535': '2026-01-01T00:00:00.000Z' } })));
  await page.reload();
  const progress = page.locator('mw-progress');
  await expect(progress.getByRole('status').first()).toContainText('1 of');
  const download = page.waitForEvent('download');
  await progress.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await download).path();
  await page.evaluate(() => localStorage.removeItem('mailwire:progress'));
  await page.reload();
  await expect(progress.getByRole('status').first()).toContainText('0 of');
  await progress.locator('input[type="file"]').setInputFiles(file);
  await expect(progress.getByRole('status').first()).toContainText('1 of');
  await expect(page.locator('mw-exercise[data-id="trouble-535"] .mw-exercise__done')).toBeVisible();
});

const AXE_PAGES = { light: ['/learn/smtp/', '/learn/pop3/', '/reference/commands/'], dark: ['/learn/imap/', '/learn/ports/'] } as const;
for (const theme of ['light', 'dark'] as const) {
  for (const path of AXE_PAGES[theme]) {
    test(`axe: no serious or critical violations on ${path} (${theme})`, async ({ page }) => {
      test.setTimeout(120_000); // the reference page has hundreds of rows
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).exclude('.xterm').analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad).toEqual([]);
    });
  }
}
