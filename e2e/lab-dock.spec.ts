/**
 * The lab's panels keep their state when the window crosses the 1100 px breakpoint (side by side ↔
 * tabs; a resize or a phone turned): PanelDock moves the same panels instead of drawing them anew.
 * An open dialog with typed text and a section the learner opened survive narrow → wide → narrow.
 */
import { expect, test } from '@playwright/test';
import { box, expectInside, viewportBox, SIZES } from './geometry.ts';
import { enter, expectScreen, openLab } from './terminal.ts';

test('a panel keeps its open dialog and typed text across 1100 px, both ways, inside the viewport', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize(SIZES.desktop.viewport);
  await openLab(page);
  await enter(page, '/connect mail.example.com 587');
  await expectScreen(page, /220 mail\.example\.com/);
  await enter(page, 'EHLO laptop.example');
  await expectScreen(page, /250 /);

  // Something stateful in two panels: a section opened by hand, and a dialog with an edited field.
  const world = page.locator('[data-panel="world"]');
  await expect(world).not.toHaveAttribute('open');
  await world.locator('> summary').click();
  await expect(world).toHaveAttribute('open');
  await page.getByRole('button', { name: 'Export as commands' }).click();
  const dialog = page.getByTestId('export-dialog');
  const host = dialog.getByTestId('export-host');
  await host.fill('kept.example');
  await expect(dialog.getByTestId('export-swaks')).toContainText('--server kept.example');

  const sizes = [
    ['phone', SIZES.phone.viewport],
    ['desktop', SIZES.desktop.viewport],
    ['phone again', SIZES.phone.viewport],
  ] as const;
  for (const [name, size] of sizes) {
    await page.setViewportSize(size);
    await expect(page.locator('.lab-workspace')).toHaveClass(size.width >= 1100 ? /is-wide/ : /^(?!.*is-wide)/);
    await expect(dialog, name).toBeVisible();
    await expect(host, name).toHaveValue('kept.example');
    await expect(dialog.getByTestId('export-swaks'), name).toContainText('--server kept.example');
    const d = await box(dialog);
    expectInside(d, viewportBox(page), `${name}: dialog`);
    expectInside(await box(host), d, `${name}: host field`);
    if (size.width < 1100) {
      // On the narrow layout the tab shown is the panel the learner was working in.
      await expect(page.getByRole('tab', { name: 'State' })).toHaveAttribute('aria-selected', 'true');
    }
    await page.screenshot({ path: `test-results/lab-dock-${name.replace(' ', '-')}.png` });
  }

  // Back on a wide screen with the dialog closed: the section opened by hand is still open, and
  // the panels sit inside the viewport's width.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await page.setViewportSize(SIZES.desktop.viewport);
  await expect(world).toHaveAttribute('open');
  await expect(page.locator('[data-panel="observer"]')).not.toHaveAttribute('open');
  const across = async (selector: string): Promise<void> => {
    const b = await box(page.locator(selector));
    expect(b.x, `${selector}: left edge`).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, `${selector}: right edge`).toBeLessThanOrEqual(page.viewportSize()!.width + 0.5);
  };
  await across('[data-panel="state"]');
  // And on the narrow one, the World tab shows the same panel, still mounted.
  await page.setViewportSize(SIZES.phone.viewport);
  await page.getByRole('tab', { name: 'World' }).click();
  await expect(world).toBeVisible();
  await across('[data-panel="world"]');
  await world.scrollIntoViewIfNeeded();
  const top = await box(world);
  expect(top.y, 'world panel: top edge').toBeGreaterThanOrEqual(0);
  expect(top.y, 'world panel: top edge').toBeLessThan(page.viewportSize()!.height);
  await page.screenshot({ path: 'test-results/lab-dock-phone-world.png' });
});
