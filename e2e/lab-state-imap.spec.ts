/**
 * IMAP's states in which a line is not a command are drawn and followed in the lab: IDLE puts a
 * selected session in idle-selected (RFC 9051 §6.3.13), DONE takes it back; a synchronizing
 * literal holds it in literal-authenticated until its octets arrive (RFC 9051 §4.3). Each node
 * is inside the diagram, and every label inside its box.
 */
import { expect, test, type Locator } from '@playwright/test';
import { box } from './geometry.ts';
import { enter, expectScreen, openLab } from './terminal.ts';

async function expectInside(node: Locator, frame: Locator): Promise<void> {
  await node.scrollIntoViewIfNeeded();
  const n = await box(node);
  const f = await box(frame);
  expect(n.x).toBeGreaterThanOrEqual(f.x - 0.5);
  expect(n.y).toBeGreaterThanOrEqual(f.y - 0.5);
  expect(n.y + n.height).toBeLessThanOrEqual(f.y + f.height + 0.5);
}

test('IMAP IDLE and a literal show as their own states on the diagram, labels inside their boxes', async ({ page }, info) => {
  await openLab(page);
  await enter(page, '/connect mail.example.com 993');
  await expectScreen(page, /\* OK \[CAPABILITY/);
  const panel = page.locator('[data-panel="state"]');
  const diagram = panel.locator('.lab-diagram');
  for (const s of ['not-authenticated', 'sasl', 'tls-handshake', 'idle-selected', 'literal-not-authenticated', 'responding', 'logout']) {
    await expect(diagram.locator(`[data-state="${s}"]`)).toHaveCount(1);
  }
  // Every label fits its box (long names break after their first hyphen).
  for (const node of await diagram.locator('.lab-diagram__state').all()) {
    const rect = await box(node.locator('rect'));
    const text = await box(node.locator('text'));
    expect(text.x, await node.getAttribute('data-state') ?? '').toBeGreaterThanOrEqual(rect.x);
    expect(text.x + text.width).toBeLessThanOrEqual(rect.x + rect.width);
  }
  await enter(page, 'a1 LOGIN alice wonderland');
  await expectScreen(page, /a1 OK/);
  await enter(page, 'a2 CREATE {3}');
  await expectScreen(page, /\+ Ready for literal data/);
  await expect(panel.getByTestId('current-state')).toHaveText('literal-authenticated');
  await enter(page, 'Box');
  await expectScreen(page, /a2 OK/);
  await expect(panel.getByTestId('current-state')).toHaveText('authenticated');
  await enter(page, 'a3 SELECT INBOX');
  await expectScreen(page, /a3 OK/);
  await enter(page, 'a4 IDLE');
  await expectScreen(page, /\+ idling/);
  await expect(panel.getByTestId('current-state')).toHaveText('idle-selected');
  const idle = diagram.locator('.lab-diagram__state.is-current');
  await expect(idle).toHaveAttribute('data-state', 'idle-selected');
  await expectInside(idle, diagram);
  await page.screenshot({ path: info.outputPath('imap-idle.png') });
  await enter(page, 'DONE');
  await expectScreen(page, /a4 OK IDLE terminated/);
  await expect(panel.getByTestId('current-state')).toHaveText('selected');
});
