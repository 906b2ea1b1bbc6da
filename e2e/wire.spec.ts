/** The wire page: what an on-path observer sees, and the attack scenarios (issue 7). */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SIZES, box, expectInside, viewportBox } from './geometry.ts';

async function openWire(page: Page): Promise<void> {
  await page.goto('/wire/');
  await expect(page.getByTestId('wire-lab')).toHaveAttribute('data-ready', 'true');
}

async function typeLine(page: Page, line: string): Promise<void> {
  const input = page.getByLabel('Command to send');
  await expect(input).toBeEnabled();
  await input.fill(line);
  await input.press('Enter');
  await expect(page.getByTestId('client-console').locator('li', { hasText: line }).first()).toBeVisible();
}

const wire = (page: Page) => page.getByTestId('wire-view');

test('on 110 without TLS the wire shows the PASS line in clear, and the eavesdropper has the password', async ({ page }) => {
  await openWire(page);
  await page.getByRole('button', { name: 'Type it yourself' }).click();
  await page.getByRole('button', { name: 'Connect to mail.example.com:110' }).click();
  await expect(page.getByTestId('client-console').getByText(/^\+OK .*POP3/)).toBeVisible();
  await typeLine(page, 'USER alice@example.com');
  await typeLine(page, 'PASS wonderland');
  const pass = wire(page).getByTestId('wire-packet').filter({ hasText: 'PASS wonderland' });
  await expect(pass).toHaveCount(1);
  await expect(pass).toHaveAttribute('data-phase', 'plaintext');
  await expect(pass).toHaveAttribute('data-direction', 'to-server');
  await pass.locator('summary').click();
  await expect(pass.locator('pre')).toContainText('50 41 53 53 20 77 6f 6e');
  await expect(wire(page).getByTestId('eavesdropper-credentials')).toContainText('wonderland');
});

test('after STLS the wire carries no plaintext of the next command', async ({ page }) => {
  await openWire(page);
  await page.getByRole('button', { name: 'Type it yourself' }).click();
  await page.getByRole('button', { name: 'Connect to mail.example.com:110' }).click();
  await typeLine(page, 'STLS');
  await expect(page.getByTestId('client-console').getByText(/^TLS started: TLSv1\.3/)).toBeVisible();
  await typeLine(page, 'USER alice@example.com');
  await typeLine(page, 'PASS wonderland');
  // The reply to PASS came back (inside TLS): the last line the client shows.
  await expect(page.getByTestId('client-console').locator('li').last()).toHaveText(/^\+OK/);
  await expect(wire(page).getByTestId('wire-packet').filter({ hasText: 'ClientHello' })).toHaveCount(1);
  const text = (await wire(page).textContent()) ?? '';
  expect(text).toContain('STLS');
  expect(text).not.toContain('USER alice');
  expect(text).not.toContain('wonderland');
  const last = wire(page).getByTestId('wire-packet').last();
  await expect(last).toHaveAttribute('data-phase', 'tls');
  await expect(last).toContainText('application_data (encrypted)');
  await expect(wire(page).getByTestId('eavesdropper-credentials')).toHaveAttribute('data-count', '0');
});

test('STARTTLS stripping: the opportunistic client hands over the password, the strict one stops', async ({ page }) => {
  await openWire(page);
  await page.getByTestId('lab-strip').check();
  await page.getByTestId('run-client').click();
  await expect(page.getByTestId('client-outcome')).toHaveAttribute('data-outcome', 'plaintext');
  await expect(wire(page).getByTestId('eavesdropper-credentials')).toContainText('alice@example.com / wonderland');
  await expect(wire(page).getByTestId('attack-altered')).toContainText('XXXX');

  await page.getByLabel('Strict: requires TLS (RFC 8314 §5.2)').check();
  await page.getByTestId('run-client').click();
  await expect(page.getByTestId('client-outcome')).toHaveAttribute('data-outcome', 'refused');
  await expect(wire(page).getByTestId('eavesdropper-credentials')).toHaveAttribute('data-count', '0');
  await expect(wire(page).getByText('PASS wonderland')).toHaveCount(0);
});

test('nothing to strip on 995; the injection demo shows the server discarding the injected command', async ({ page }) => {
  await openWire(page);
  await page.getByTestId('lab-strip').check();
  await page.getByTestId('lab-port').selectOption('995');
  await expect(page.getByTestId('run-injection')).toBeDisabled();
  await page.getByTestId('run-client').click();
  await expect(page.getByTestId('client-outcome')).toHaveAttribute('data-outcome', 'tls');
  await expect(wire(page).getByTestId('attack-nothing')).toContainText('nothing to strip');

  await page.getByTestId('lab-port').selectOption('587');
  await page.getByTestId('run-injection').click();
  await expect(page.getByTestId('client-outcome')).toHaveAttribute('data-outcome', 'safe');
  await expect(wire(page).getByTestId('wire-packet').filter({ hasText: 'STARTTLS\\r\\nNOOP injected-by-eve' })).toHaveCount(1);
});

test('an impostor certificate: refused by default, read through when the client only warns', async ({ page }) => {
  await openWire(page);
  await page.getByTestId('lab-port').selectOption('993');
  await page.getByTestId('lab-impostor').selectOption('untrusted-ca');
  await page.getByTestId('run-client').click();
  await expect(page.getByTestId('client-outcome')).toHaveAttribute('data-outcome', 'failed');
  await expect(page.getByTestId('client-outcome')).toContainText('unknown_ca');
  await page.getByLabel('Warns and goes on').check();
  await page.getByTestId('run-client').click();
  await expect(page.getByTestId('client-outcome')).toHaveAttribute('data-outcome', 'tls');
  await expect(wire(page).getByTestId('eavesdropper-credentials')).toContainText('wonderland');
});

test('the wire page has no serious accessibility violations, in either theme', async ({ page }) => {
  test.setTimeout(60_000);
  await openWire(page);
  await page.getByTestId('run-client').click();
  await expect(page.getByTestId('client-outcome')).toBeVisible();
  await page.getByTestId('wire-packet').first().locator('summary').click();
  for (const theme of ['dark', 'light']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const results = await new AxeBuilder({ page }).include('main').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('no console errors while the wire page loads and runs a scenario', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await openWire(page);
  await page.getByTestId('run-client').click();
  await expect(page.getByTestId('client-outcome')).toHaveAttribute('data-outcome', 'tls');
  expect(errors).toEqual([]);
});

for (const [name, use] of Object.entries(SIZES)) {
  test.describe(name, () => {
    test.use(use);

    test('"Type it yourself": the mode buttons and the console\'s Connect row stand apart, the reply in view', async ({ page }) => {
      await openWire(page);
      await page.getByRole('button', { name: 'Type it yourself' }).click();
      const connect = page.getByRole('button', { name: 'Connect to mail.example.com:110' });
      const mode = await box(page.getByRole('group', { name: 'Who drives the client' }));
      // Two solid buttons one over the other read as one; a gap keeps them two rows.
      expect((await box(connect)).y - (mode.y + mode.height), 'gap under the mode buttons').toBeGreaterThanOrEqual(4);
      await connect.click();
      await typeLine(page, 'CAPA');
      const reply = page.getByTestId('client-console').locator('li').last();
      await expect(reply).toHaveText('.');
      // Where the learner typed: the command line, and the log scrolled to the reply just above it.
      expectInside(await box(page.getByLabel('Command to send')), viewportBox(page), 'command line');
      expectInside(await box(reply), viewportBox(page), 'last reply');
    });
  });
}
