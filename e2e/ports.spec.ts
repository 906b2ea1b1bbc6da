/** The ports explorer: the table, "Try all" filled from what the engines did, a console per row. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PORTS = ['25', '465', '587', '2525', '26', '110', '995', '143', '993'];

async function openPorts(page: Page): Promise<void> {
  await page.goto('/ports/');
  await expect(page.getByTestId('ports-explorer')).toHaveAttribute('data-ready', 'true');
}

test('"Try all" fills every row from the servers\' answers', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPorts(page);
  const rows = page.getByTestId('port-row');
  await expect(rows).toHaveCount(PORTS.length);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-port')))).toEqual(PORTS);
  await page.getByTestId('try-all').click();
  for (const port of PORTS) {
    await expect(page.locator(`tr[data-port="${port}"] [data-testid="probe-banner"]`)).toHaveAttribute('data-state', 'done');
  }
  await expect(page.getByRole('status')).toHaveText('Done: 9 ports tried.');
  const row = (port: string) => page.locator(`tr[data-port="${port}"]`);
  await expect(row('25').getByTestId('probe-banner')).toContainText('220 mail.example.com');
  await expect(row('587').getByTestId('probe-tls')).toHaveText('yes, after STARTTLS');
  await expect(row('587').getByTestId('probe-auth')).toContainText('no (after TLS:');
  await expect(row('465').getByTestId('probe-tls')).toHaveText('yes, from the first byte');
  await expect(row('993').getByTestId('probe-banner')).toContainText('* OK');
  await expect(row('26').getByTestId('probe-banner')).toHaveAttribute('data-status', 'refused');
  await expect(row('26').getByTestId('probe-banner')).toContainText('refused');
  for (const port of PORTS.filter((p) => p !== '26')) {
    await expect(row(port).getByTestId('probe-tls')).toContainText('yes');
  }
  expect(errors).toEqual([]);
});

test('each row opens a console on that port, with the wire beside it', async ({ page }) => {
  await openPorts(page);
  await page.getByRole('button', { name: 'Open a console on port 143' }).click();
  const console = page.getByTestId('ports-console');
  await expect(console.getByTestId('client-console').getByText(/^\* OK/)).toBeVisible();
  const input = console.getByLabel('Command to send');
  await input.fill('a1 CAPABILITY');
  await input.press('Enter');
  await expect(console.getByTestId('client-console').getByText(/^\* CAPABILITY .*LOGINDISABLED/)).toBeVisible();
  await expect(console.getByTestId('wire-packet').filter({ hasText: 'a1 CAPABILITY' })).toHaveAttribute('data-phase', 'plaintext');
});

test('the ports page cites RFC 8314 against the common claims, and has no serious accessibility violations', async ({ page }) => {
  test.setTimeout(60_000);
  await openPorts(page);
  await expect(page.getByText('"Port 465 is deprecated."')).toBeVisible();
  await expect(page.locator('.mw-claims')).toContainText('RFC 8314 §7.3');
  await expect(page.locator('.mw-claims')).toContainText('RFC 8314 §3.3');
  for (const theme of ['dark', 'light']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const results = await new AxeBuilder({ page }).include('main').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
