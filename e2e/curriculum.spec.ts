/**
 * The curriculum's order and its two exercise sets that are not typed into a terminal: the mail
 * program's account dialog (Setting up a mail client) and the POP3/IMAP practice (POP3 or IMAP?),
 * at desktop and phone widths, with their boxes inside the viewport and the page's content.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const ORDER = [
  'Using the terminal', 'How email travels', 'Which port for what', 'SMTP', 'SMTP extensions and authentication', 'POP3',
  'IMAP basics', 'IMAP in depth', 'TLS for mail', 'POP3 or IMAP?', 'Setting up a mail client', 'Troubleshooting',
];

const SIZES = [
  { name: 'desktop', width: 1366, height: 860 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The box lies within the viewport's width and within `container`'s box. */
async function expectInside(page: Page, box: Locator, container: Locator): Promise<void> {
  const b = await box.boundingBox();
  const c = await container.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(b, 'box').not.toBeNull();
  expect(c, 'container').not.toBeNull();
  expect(b!.x).toBeGreaterThanOrEqual(0);
  expect(b!.x + b!.width).toBeLessThanOrEqual(width + 0.5);
  expect(b!.x).toBeGreaterThanOrEqual(c!.x - 0.5);
  expect(b!.x + b!.width).toBeLessThanOrEqual(c!.x + c!.width + 0.5);
}

test('the sidebar lists the tutorials terminal first, ports third; the first page has no Previous link', async ({ page }) => {
  await page.goto('/learn/using-the-terminal/');
  const learn = page.locator('nav[aria-label="Main"] details', { hasText: 'Learn' }).first();
  const names = (await learn.locator('a').allInnerTexts()).map((t) => t.trim());
  expect(names).toEqual(ORDER);
  await expect(page.locator('.pagination-links a[rel="prev"]')).toHaveCount(0);
  await expect(page.locator('.pagination-links a[rel="next"]')).toContainText('How email travels');
  await page.goto('/learn/how-email-travels/');
  await expect(page.locator('.pagination-links a[rel="next"]')).toContainText('Which port for what');
});

for (const size of SIZES) {
  test(`mail client setup: wrong settings fail the way the server says, a right one works (${size.name})`, async ({ page }) => {
    test.setTimeout(60_000); // four account tests, each a few real sessions
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/learn/mail-client-setup/');
    const form = page.getByRole('form', { name: 'Mail account settings' });
    await form.scrollIntoViewIfNeeded();
    const testButton = form.getByRole('button', { name: 'Test account' });
    const outcome = page.getByTestId('setup-result').getByRole('status');
    await expect(testButton).toBeEnabled();

    // Outgoing, 587, security None: the login comes before STARTTLS.
    await form.getByLabel('Port').fill('587');
    await form.getByLabel('Connection security').selectOption('none');
    await testButton.click();
    await expect(outcome).toContainText('530 5.7.0', { timeout: 15_000 });
    await expect(page.locator('.mw-setup__exercise[data-id="setup-530"]')).toHaveAttribute('data-solved', 'true');
    await expect(page.locator('.mw-setup__transcript')).toContainText('C: AUTH PLAIN');

    // Port 26: nothing listens.
    await form.getByLabel('Port').fill('26');
    await testButton.click();
    await expect(outcome).toContainText('connection refused');

    // The address instead of the name: the certificate is for mail.example.com.
    await form.getByLabel('Account').selectOption('imap');
    await form.getByLabel('Server').fill('192.0.2.10');
    await form.getByLabel('Port').fill('993');
    await form.getByLabel('Connection security').selectOption('tls');
    await testButton.click();
    await expect(outcome).toContainText('bad_certificate');

    // The right name: it works.
    await form.getByLabel('Server').fill('mail.example.com');
    await testButton.click();
    await expect(outcome).toContainText('Works: logged in');
    await expect(page.locator('.mw-setup__exercise[data-id="setup-incoming"]')).toHaveAttribute('data-solved', 'true');

    const content = page.locator('.sl-markdown-content');
    for (const box of [form, page.getByTestId('setup-result'), page.locator('.mw-setup__transcript'), page.locator('.mw-setup__exercise').first()]) {
      await expectInside(page, box, content);
    }
    await page.screenshot({ path: `test-results/curriculum-setup-${size.name}.png`, fullPage: false });
  });

  test(`POP3 or IMAP practice: the laptop empties the POP3 server, not the IMAP one (${size.name})`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/learn/pop3-vs-imap/');
    const pop3 = page.getByRole('region', { name: 'POP3' });
    const imap = page.getByRole('region', { name: 'IMAP' });
    await pop3.scrollIntoViewIfNeeded();
    await pop3.getByRole('button', { name: 'laptop: check mail' }).click();
    const status = page.locator('.mw-practice__last');
    await expect(status).toContainText('POP3 laptop: check mail', { timeout: 15_000 });
    await expect(pop3.locator('dd').first()).toHaveText('0 messages');
    await imap.getByRole('button', { name: 'laptop: check mail' }).click();
    await expect(status).toContainText('IMAP laptop: check mail');
    await expect(imap.locator('dd').first()).toHaveText('3 messages');
    await expect(page.locator('.mw-setup__exercise[data-id="compare-lose-laptop"]')).toHaveAttribute('data-solved', 'true');
    await expect(status).toContainText('Solved: What if the laptop is stolen?');

    const content = page.locator('.sl-markdown-content');
    for (const box of [pop3, imap, status, page.locator('.mw-practice .mw-setup__exercise').first()]) await expectInside(page, box, content);
    for (const button of await pop3.getByRole('button').all()) await expectInside(page, button, pop3);
    await page.screenshot({ path: `test-results/curriculum-practice-${size.name}.png`, fullPage: false });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe: the account dialog and the practice have no serious or critical violations after a run (${theme})`, async ({ page }) => {
    test.setTimeout(90_000); // two pages, two runs of the engines and two scans, on a shared machine
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto('/learn/mail-client-setup/');
    const form = page.getByRole('form', { name: 'Mail account settings' });
    await form.scrollIntoViewIfNeeded();
    await expect(form.getByRole('button', { name: 'Test account' })).toBeEnabled();
    await form.getByRole('button', { name: 'Test account' }).click();
    await expect(page.getByTestId('setup-result').getByRole('status')).toContainText('530', { timeout: 15_000 });
    const bad = async (): Promise<string[]> =>
      (await new AxeBuilder({ page }).include('.mw-setup, .mw-practice').analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await bad()).toEqual([]);

    await page.goto('/learn/pop3-vs-imap/');
    const pop3 = page.getByRole('region', { name: 'POP3' });
    await pop3.scrollIntoViewIfNeeded();
    await pop3.getByRole('button', { name: 'phone: check mail' }).click();
    await expect(page.locator('.mw-practice__last')).toContainText('POP3 phone: check mail', { timeout: 15_000 });
    expect(await bad()).toEqual([]);
  });
}
