/** /compare/: "Take over by hand" — the learner types POP3 and IMAP for one device. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SIZES, box, inside } from './geometry.ts';

async function open(page: Page): Promise<void> {
  await page.goto('/compare/');
  await expect(page.locator('.mw-compare[data-status="ready"]')).toBeVisible();
}

function device(page: Page, key: string): Locator {
  return page.locator(`[data-device="${key}"]`);
}

/**
 * Types one line into the device's console and waits for its own reply: the line is the last one
 * sent and the console is no longer busy (so the previous reply cannot stand in for this one).
 */
async function say(console: Locator, line: string, reply: RegExp): Promise<void> {
  const input = console.getByLabel('Command to send');
  await expect(input).toBeEnabled();
  await input.fill(line);
  await input.press('Enter');
  await expect(console.locator('.mw-console__line--sent').last()).toHaveText(line);
  await expect(console).toHaveAttribute('data-busy', 'false');
  await expect(console.locator('.mw-console__line--received').last()).toHaveText(reply);
}

async function takeOver(page: Page, key: string): Promise<Locator> {
  await device(page, key).getByRole('button', { name: 'Take over by hand' }).click();
  const console = device(page, key).getByTestId('client-console');
  await expect(console).toHaveAttribute('data-open', 'true');
  await expect(console.locator('.mw-console__line--received').first()).toHaveText(/^(\+OK|\* OK)/);
  return console;
}

test('the POP3 laptop taken over by hand: log in, STAT, QUIT, all recorded in its transcript', async ({ page }) => {
  await open(page);
  const console = await takeOver(page, 'pop3-laptop');
  await say(console, 'STLS', /^\+OK/);
  await expect(console.locator('.mw-console__line--note').last()).toContainText('TLS');
  await say(console, 'USER alice-pop3@example.com', /^\+OK/);
  await say(console, 'PASS wonderland', /^\+OK/);
  await expect(page.locator('.mw-cmp-server[data-server="pop3"]')).toContainText('locked by a POP3 session');

  // The buttons leave a taken-over device alone (the maildrop lock would refuse it anyway).
  await page.locator('[data-action="laptop-check"]').click();
  await expect(page.locator('.mw-cmp-last')).toContainText('taken over by hand');

  await say(console, 'STAT', /^\+OK 3 \d+/);
  await say(console, 'DELE 1', /^\+OK/);
  await say(console, 'QUIT', /^\+OK/);
  // QUIT's UPDATE state removed message 1 (RFC 1939 §6): the server card and the verdict follow.
  await expect(page.locator('.mw-cmp-server[data-server="pop3"]')).toHaveAttribute('data-messages', '2');
  await expect(page.locator('td[data-fact="server"][data-side="pop3"]')).toHaveAttribute('data-value', '2');
  await expect(console).toHaveAttribute('data-open', 'false');
  await expect(page.locator('.mw-cmp-server[data-server="pop3"]')).not.toContainText('locked by a POP3 session');

  const pane = device(page, 'pop3-laptop').locator('.mw-cmp-transcript');
  await pane.locator('summary').first().click();
  const lines = pane.locator('[data-transcript="pop3-laptop"] li');
  await expect(lines.filter({ hasText: 'STAT   (typed by hand)' })).toHaveCount(1);
  await expect(lines.filter({ hasText: /^S: \+OK 3 / })).toHaveCount(1);
});

for (const [size, use] of Object.entries(SIZES)) {
  test(`${size}: lines typed during the STLS handshake wait their turn, go inside TLS in order, and the reply stays in view`, async ({ page }) => {
    await page.setViewportSize(use.viewport);
    await open(page);
    const console = await takeOver(page, 'pop3-laptop');
    const input = console.getByLabel('Command to send');
    // No waiting between the lines: the learner types ahead of the server, as on a terminal.
    const lines = ['STLS', 'USER alice-pop3@example.com', 'PASS wonderland', 'STAT'];
    for (const line of lines) {
      await input.fill(line);
      await input.press('Enter');
    }
    await expect(console).toHaveAttribute('data-busy', 'false');
    await expect(console.locator('.mw-console__line--waiting')).toHaveCount(0);
    await expect(page.locator('.mw-cmp-walk')).toHaveAttribute('data-paused', 'true');
    await expect(console.locator('.mw-console__line--sent')).toHaveText(lines);
    const reply = console.locator('.mw-console__line--received').last();
    await expect(reply).toHaveText(/^\+OK 3 \d+/);
    await page.screenshot({ path: test.info().outputPath(`typeahead-${size}.png`) });
    // The reply and the command line stay where the learner is typing: whole, inside the viewport,
    // and not under the sticky walk-through card.
    const v = page.viewportSize()!;
    const walk = await box(page.locator('.mw-cmp-walk'));
    for (const [what, target] of [['reply', reply], ['command line', input]] as const) {
      const b = await box(target);
      expect(inside(b, v), `${what} at ${JSON.stringify(b)} inside ${v.width}x${v.height}`).toBe(true);
      expect(b.y, `${what} below the walk-through card`).toBeGreaterThanOrEqual(walk.y + walk.height);
    }
    // The transcript shows the order on the wire: the handshake finished before USER went out.
    const pane = device(page, 'pop3-laptop').locator('.mw-cmp-transcript');
    await pane.locator('summary').first().click();
    const items = pane.locator('[data-transcript="pop3-laptop"] li');
    // The pane may still be filling in when it opens: wait for the note before reading the order.
    await expect(items.filter({ hasText: 'by hand: TLS is up' })).toHaveCount(1);
    const texts = await items.allTextContents();
    const tlsUp = texts.findIndex((t) => t.includes('by hand: TLS is up'));
    expect(texts.findIndex((t) => t.includes('USER alice-pop3@example.com'))).toBeGreaterThan(tlsUp);
  });
}

test('the IMAP phone taken over by hand: STORE \\Seen marks message 1 read on the server', async ({ page }) => {
  await open(page);
  const server = page.locator('.mw-cmp-server[data-server="imap"]');
  const first = server.locator('.mw-cmp-messages li').first();
  // The seed's message 1 is read already: mark it unread by hand first, then read again.
  await expect(first).toHaveAttribute('data-seen', 'true');
  const console = await takeOver(page, 'imap-phone');
  await say(console, 'a0 STARTTLS', /^a0 OK/);
  await say(console, 'a1 LOGIN alice-imap@example.com wonderland', /^a1 OK/);
  await say(console, 'a2 SELECT INBOX', /^a2 OK/);
  await say(console, 'a3 STORE 1 -FLAGS (\\Seen)', /^a3 OK/);
  await expect(first).toHaveAttribute('data-seen', 'false');
  await say(console, 'a4 STORE 1 +FLAGS (\\Seen)', /^a4 OK/);
  await expect(first).toHaveAttribute('data-seen', 'true');
  await say(console, 'a5 LOGOUT', /^a5 OK/);
  const axe = await new AxeBuilder({ page }).include('[data-takeover="imap-phone"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  const pane = device(page, 'imap-phone').locator('.mw-cmp-transcript');
  await pane.locator('summary').first().click();
  await expect(pane.locator('[data-transcript="imap-phone"] li').filter({ hasText: 'a4 STORE 1 +FLAGS (\\Seen)   (typed by hand)' })).toHaveCount(1);

  // Handing back turns the buttons on again for this device.
  await device(page, 'imap-phone').getByRole('button', { name: 'Hand the phone back' }).click();
  await expect(device(page, 'imap-phone').getByTestId('client-console')).toHaveCount(0);
  await expect(page.locator('.mw-cmp-walk')).toHaveAttribute('data-paused', 'false');
});
