import { expect, test } from '@playwright/test';
import { SIZES, box, expectInside } from './geometry.ts';
import { enter, expectScreen, openLab } from './terminal.ts';

test('RCPT before MAIL: the 503 highlights the state and names the rule with its RFC section', async ({ page }) => {
  await openLab(page);
  await enter(page, '/connect mail.example.com 25');
  await expectScreen(page, /220 mail\.example\.com/);
  await enter(page, 'EHLO laptop.example');
  await expectScreen(page, /250 /);
  await enter(page, 'RCPT TO:<bob@example.org>');
  await expectScreen(page, /503/);
  const panel = page.locator('[data-panel="state"]');
  await expect(panel.getByTestId('current-state')).toHaveText('ready');
  await expect(panel.locator('.lab-diagram__state.is-current')).toHaveAttribute('data-state', 'ready');
  // The rule stands beside the terminal, out of the state panel (issue 13).
  const rule = page.getByTestId('rule-broken');
  await expect(rule).toContainText('RCPT needs a MAIL FROM first');
  await expect(rule).toContainText(/RFC 5321 §\d/);
});

test('a command allowed here goes onto the prompt with one click', async ({ page }) => {
  await openLab(page);
  await enter(page, '/connect mail.example.com 25');
  await expectScreen(page, /220 mail\.example\.com/);
  await enter(page, 'EHLO laptop.example');
  await expectScreen(page, /250 /);
  const panel = page.locator('[data-panel="state"]');
  await panel.getByRole('button', { name: 'MAIL', exact: true }).click();
  // A whole example line (site/terminal/chips.ts), never a bare verb that would get 501.
  await expectScreen(page, /> MAIL FROM:<alice@example\.com>\s*$/);
  await expect(page.locator('.xterm-helper-textarea')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('current-state')).toHaveText('mail');
});

test('a reply token is explained on keyboard focus', async ({ page }) => {
  await openLab(page);
  await enter(page, '/connect mail.example.com 25');
  await expectScreen(page, /220 mail\.example\.com/);
  await enter(page, 'EHLO laptop.example');
  await expectScreen(page, /250 /);
  const wire = page.locator('[data-panel="wire"]');
  await wire.locator('.lab-tok-button', { hasText: 'PIPELINING' }).first().focus();
  await expect(wire.getByTestId('explanation')).toContainText('RFC 2920');
});

test('BDAT: while its chunk is on the way the state panel shows the chunk state, then the reply moves on (RFC 3030 §2)', async ({ page }) => {
  await openLab(page);
  await enter(page, '/connect mail.example.com 25');
  await expectScreen(page, /220 mail\.example\.com/);
  await enter(page, 'EHLO laptop.example');
  await expectScreen(page, /250[ -]CHUNKING/);
  await enter(page, 'MAIL FROM:<carol@example.net>');
  await enter(page, 'RCPT TO:<alice@example.com>');
  const panel = page.locator('[data-panel="state"]');
  await expect(panel.getByTestId('current-state')).toHaveText('rcpt');
  // "Subject: hi" CRLF, CRLF, "Hello" CRLF: 22 octets, no dot-stuffing and no end line.
  await enter(page, 'BDAT 22 LAST');
  await expect(panel.getByTestId('current-state')).toHaveText('chunk-rcpt');
  const current = panel.locator('.lab-diagram__state.is-current');
  await expect(current).toHaveAttribute('data-state', 'chunk-rcpt');
  // The chunk state is a sub-state drawn under rcpt, where reading the chunk goes back to. The
  // diagram scrolls sideways when narrow: scrolled to, the current state is whole inside it, and
  // every label fits its box.
  const diagram = panel.locator('.lab-diagram');
  await current.scrollIntoViewIfNeeded();
  expectInside(await box(current.locator('rect')), await box(diagram), 'chunk-rcpt');
  const rcpt = await box(diagram.locator('[data-state="rcpt"] rect'));
  const chunk = await box(current.locator('rect'));
  expect(Math.abs(chunk.x - rcpt.x), 'chunk-rcpt in rcpt\'s column').toBeLessThan(1);
  expect(chunk.y, 'chunk-rcpt under rcpt').toBeGreaterThan(rcpt.y);
  for (const node of await diagram.locator('.lab-diagram__state').all()) {
    const name = (await node.getAttribute('data-state')) ?? '';
    expectInside(await box(node.locator('text')), await box(node.locator('rect')), `${name} label`);
  }
  // The prompt counts the chunk down, so a miscounted BDAT does not just wait in silence.
  await expectScreen(page, /:25 \[chunk: 22 octets left\]> \s*$/);
  await enter(page, 'Subject: hi');
  await enter(page, '');
  await expect(panel.getByTestId('current-state')).toHaveText('chunk-rcpt');
  await expectScreen(page, /:25 \[chunk: 7 octets left\]> \s*$/);
  await enter(page, 'Hello');
  await expectScreen(page, /250 2\.0\.0 OK/);
  await expect(panel.getByTestId('current-state')).toHaveText('ready');
  await expectScreen(page, /mail\.example\.com:25> \s*$/);
});

for (const [name, use] of Object.entries(SIZES)) {
  test.describe(name, () => {
    test.use(use);

    test('a state diagram is whole where the panel has room (SMTP in the desktop dock, POP3 on a phone too), else it scrolls inside its figure', async ({ page }) => {
      await openLab(page);
      await enter(page, '/connect mail.example.com 25');
      await expectScreen(page, /220 mail\.example\.com/);
      if (name === 'phone') await page.getByRole('tab', { name: 'State' }).click();
      const diagram = page.locator('[data-panel="state"] .lab-diagram');
      await diagram.scrollIntoViewIfNeeded();
      const [scroll, client] = await diagram.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      if (name === 'desktop') {
        // The side dock: the right column (data, bdat) is not cut at the panel's edge.
        expect(scroll, 'no sideways scroll in the dock').toBeLessThanOrEqual(client);
        for (const state of ['data', 'bdat', 'chunk-bdat']) {
          expectInside(await box(diagram.locator(`[data-state="${state}"] rect`)), await box(diagram), state);
        }
      } else {
        // Too narrow to read whole: the figure scrolls (its aria-label says so), never the page.
        expect(scroll, 'the figure scrolls sideways').toBeGreaterThan(client);
        await expect(diagram).toHaveAttribute('aria-label', /scrolls sideways/);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
        const data = diagram.locator('[data-state="data"] rect');
        await data.scrollIntoViewIfNeeded();
        expectInside(await box(data), await box(diagram), 'data, scrolled to');
      }
      // POP3's diagram is narrower: it fits whole at both sizes, scrolled by nothing.
      await page.locator('.mw-terminal .xterm').click();
      await enter(page, '/disconnect');
      await enter(page, '/connect mail.example.com 110');
      await expect(page.locator('[data-panel="state"]').getByTestId('current-state')).toHaveText('AUTHORIZATION');
      const [scroll110, client110] = await diagram.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(scroll110, 'the POP3 diagram fits its panel').toBeLessThanOrEqual(client110);
    });
  });
}
