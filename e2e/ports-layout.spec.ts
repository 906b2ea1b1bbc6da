/**
 * /ports/ as geometry, at 1366x860 and 390x844: Open shows the console under its row with the
 * command line focused and in view; after "Try all" every result cell is inside the viewport's
 * width and inside the table's container (no sideways scroll on a desktop), and on a phone the
 * rows read as cards (cells stacked, column names beside the values).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SIZES, box } from './geometry.ts';

async function openPorts(page: Page): Promise<void> {
  await page.goto('/ports/');
  await expect(page.getByTestId('ports-explorer')).toHaveAttribute('data-ready', 'true');
}

for (const [name, use] of Object.entries(SIZES)) {
  test.describe(name, () => {
    test.use(use);

    test('Open puts a focused console under its row, in view', async ({ page }) => {
      await openPorts(page);
      const open = page.getByRole('button', { name: 'Open a console on port 993' });
      await open.scrollIntoViewIfNeeded();
      await open.click();
      const input = page.getByTestId('ports-console').getByLabel('Command to send');
      await expect(input).toBeFocused();
      const v = page.viewportSize()!;
      await expect.poll(async () => {
        const b = await box(input);
        return b.y >= 0 && b.y + b.height <= v.height && b.x >= 0 && b.x + b.width <= v.width;
      }).toBe(true);
      // In place: the console's row comes right after the 993 row.
      const next = await page.locator('tr[data-port="993"] + tr').getAttribute('data-testid');
      expect(next).toBe('ports-console-row');
      await expect(page.getByRole('button', { name: 'Close the console on port 993' })).toHaveAttribute('aria-expanded', 'true');
      await input.fill('a CAPABILITY');
      await input.press('Enter');
      await expect(page.getByTestId('client-console').getByText(/^\* CAPABILITY/)).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`ports-open-${name}.png`) });
      await page.getByRole('button', { name: 'Close the console on port 993' }).click();
      await expect(page.getByTestId('ports-console')).toHaveCount(0);
    });

    test('after Try all no result is cut off', async ({ page }) => {
      await openPorts(page);
      await page.getByTestId('try-all').click();
      await expect(page.getByRole('status')).toHaveText('Done: 9 ports tried.');
      const scroller = page.locator('.mw-ports__scroll');
      const c = await box(scroller);
      const v = page.viewportSize()!;
      expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth), 'the table does not scroll sideways').toBeLessThanOrEqual(0);
      for (const cell of await page.locator('td.mw-ports__result').all()) {
        const b = await box(cell);
        expect(b.x).toBeGreaterThanOrEqual(c.x - 0.5);
        expect(b.x + b.width).toBeLessThanOrEqual(c.x + c.width + 0.5);
        expect(b.x + b.width).toBeLessThanOrEqual(v.width);
      }
      const first = page.locator('tr[data-port="25"]');
      const [port, result] = [await box(first.locator('th')), await box(first.locator('td.mw-ports__result'))];
      if (name === 'phone') {
        // A card: the cells stack under the port, each named.
        expect(result.y).toBeGreaterThan(port.y + port.height - 1);
        const label = await first.locator('td.mw-ports__result').evaluate((el) => getComputedStyle(el, '::before').content);
        expect(label).toBe('"What the server did"');
      } else {
        // A table row: the result sits beside the port.
        expect(Math.abs(result.y - port.y)).toBeLessThan(2);
      }
      await first.scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`ports-tried-${name}.png`) });
    });
  });
}

test.describe('phone axe', () => {
  test.use(SIZES.phone);
  test('the cards have no serious accessibility violations, in both themes', async ({ page }) => {
    test.setTimeout(60_000);
    await openPorts(page);
    await page.getByTestId('try-all').click();
    await expect(page.getByRole('status')).toHaveText('Done: 9 ports tried.');
    await page.getByRole('button', { name: 'Open a console on port 587' }).click();
    await expect(page.getByTestId('ports-console').getByLabel('Command to send')).toBeFocused();
    for (const theme of ['dark', 'light']) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      const results = await new AxeBuilder({ page }).include('main').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
});
