import { expect, test } from '@playwright/test';
import { enter, expectScreen, openLab } from './terminal.ts';

test('the mailbox inspector shows POP3 deletion marks live, and RSET clears them', async ({ page }) => {
  await openLab(page);
  await enter(page, '/connect mail.example.com 995');
  await expectScreen(page, /\+OK/);
  await enter(page, 'USER alice@example.com');
  await enter(page, 'PASS wonderland');
  await expect(page.getByTestId('current-state')).toHaveText('TRANSACTION');
  const inspector = page.getByTestId('mailbox-inspector');
  await expect(inspector.locator('tr.is-deleted')).toHaveCount(0);
  await enter(page, 'DELE 2');
  await expect(inspector.locator('tr.is-deleted')).toHaveCount(1);
  await expect(inspector.locator('tr.is-deleted')).toContainText('marked for deletion (POP3 DELE)');
  await enter(page, 'RSET');
  await expect(inspector.locator('tr.is-deleted')).toHaveCount(0);
  await enter(page, 'DELE 1');
  await expect(inspector.locator('tr.is-deleted')).toHaveCount(1);
  // QUIT enters UPDATE: the message is expunged from the store (RFC 1939 §6).
  await enter(page, 'QUIT');
  await expect(inspector).toContainText('2 messages');
  await expect(inspector.locator('tr.is-deleted')).toHaveCount(0);
});
