import { expect, test } from '@playwright/test';
import { enter, expectScreen, openLab } from './terminal.ts';

test('beside the terminal, the eavesdropper panel shows a password sent in the clear on 110', async ({ page }) => {
  await openLab(page);
  await enter(page, '/connect mail.example.org 110');
  await expectScreen(page, /\+OK mail\.example\.org/);
  await enter(page, 'USER bob');
  await expectScreen(page, /-ERR \[AUTH\]/);
  const panel = page.locator('[data-panel="observer"]');
  // Closed, the panel does not follow the session (no work per line for a view nobody sees)...
  await expect(panel).not.toHaveAttribute('open');
  await expect(panel).not.toContainText('USER bob');
  // ...and opened, it catches up.
  await panel.locator('summary').first().click();
  await expect(panel).toContainText('USER bob');
});
