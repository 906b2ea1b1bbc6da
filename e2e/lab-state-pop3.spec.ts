/**
 * The POP3 states that change what a line means are drawn and followed: AUTH without an initial
 * response puts the session in SASL (RFC 5034 §4), "*" takes it back to AUTHORIZATION.
 */
import { expect, test } from '@playwright/test';
import { box } from './geometry.ts';
import { enter, expectScreen, openLab } from './terminal.ts';

test('POP3 AUTH enters the SASL state on the diagram, inside its panel, and "*" leaves it', async ({ page }, info) => {
  await openLab(page);
  await enter(page, '/connect mail.example.org 995');
  await expectScreen(page, /\+OK mail\.example\.org POP3/);
  const panel = page.locator('[data-panel="state"]');
  const diagram = panel.locator('.lab-diagram');
  for (const s of ['AUTHORIZATION', 'SASL', 'TLS-HANDSHAKE', 'TRANSACTION', 'UPDATE', 'CLOSED']) {
    await expect(diagram.locator(`[data-state="${s}"]`)).toHaveCount(1);
  }
  await enter(page, 'AUTH PLAIN');
  await expect(panel.getByTestId('current-state')).toHaveText('SASL');
  const sasl = diagram.locator('.lab-diagram__state.is-current');
  await expect(sasl).toHaveAttribute('data-state', 'SASL');
  await sasl.scrollIntoViewIfNeeded();
  const node = await box(sasl);
  const frame = await box(diagram);
  expect(node.x).toBeGreaterThanOrEqual(frame.x - 0.5);
  expect(node.y).toBeGreaterThanOrEqual(frame.y - 0.5);
  expect(node.y + node.height).toBeLessThanOrEqual(frame.y + frame.height + 0.5);
  await page.screenshot({ path: info.outputPath('pop3-sasl.png') });
  await enter(page, '*');
  await expectScreen(page, /-ERR AUTH cancelled/);
  await expect(panel.getByTestId('current-state')).toHaveText('AUTHORIZATION');
});
