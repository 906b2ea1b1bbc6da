import { expect, test } from '@playwright/test';
import { enter, expectScreen, openLab, screenText } from './terminal.ts';

test('a host setting changes what the server advertises, and it is kept across a reload', async ({ page }) => {
  await openLab(page);
  await page.locator('[data-panel="world"] > summary').click();
  const host = page.getByRole('group', { name: 'mail.example.com' });
  await host.getByRole('checkbox', { name: 'PIPELINING' }).uncheck();

  const picker = page.getByRole('form', { name: 'Connect the terminal in use' });
  await picker.getByLabel('Host').selectOption('mail.example.com');
  await picker.getByLabel('Port').selectOption('25');
  await picker.getByRole('button', { name: 'Connect' }).click();
  await expectScreen(page, /220 mail\.example\.com/);
  await page.locator('.mw-terminal .xterm').click();
  await enter(page, 'EHLO laptop.example');
  await expectScreen(page, /^250 /m);
  await expectScreen(page, /250.STARTTLS/);
  expect(await screenText(page)).not.toContain('PIPELINING');

  await page.reload();
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  await page.locator('[data-panel="world"] > summary').click();
  await expect(page.getByRole('group', { name: 'mail.example.com' }).getByRole('checkbox', { name: 'PIPELINING' })).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'mail.example.org' }).getByRole('checkbox', { name: 'PIPELINING' })).toBeChecked();
});

test('the world exports as JSON and a mailbox downloads as mbox', async ({ page }) => {
  await openLab(page);
  await page.locator('[data-panel="world"] > summary').click();
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await json;
  expect(file.suggestedFilename()).toBe('mailwire-world.json');
  const text = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'mailwire-world', version: 1 });

  const mbox = page.waitForEvent('download');
  await page.getByTestId('mailbox-inspector').getByRole('button', { name: 'Download as mbox' }).click();
  const box = await mbox;
  expect(box.suggestedFilename()).toBe('alice@example.com-INBOX.mbox');
  const content = await (await import('node:fs/promises')).readFile((await box.path())!, 'utf8');
  expect(content.startsWith('From ')).toBe(true);
});
