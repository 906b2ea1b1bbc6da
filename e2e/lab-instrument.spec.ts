/**
 * The lab as one instrument (issue 13 item 2): what a line did is in view while typing the next,
 * at 1366x860 (panels beside the terminal) and 390x844 (panels one tap away under it).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { box, expectInViewport } from './geometry.ts';
import { enter, expectScreen, openLab } from './terminal.ts';

const terminal = (page: Page): Locator => page.locator('.mw-terminal[data-terminal="lab"] .mw-terminal__screen');

async function ehlo(page: Page, line = 'EHLO x'): Promise<void> {
  await openLab(page);
  await enter(page, '/connect mail.example.com 587');
  await expectScreen(page, /220 mail\.example\.com/);
  await enter(page, line);
}

test.describe('desktop 1366x860', () => {
  test.use({ viewport: { width: 1366, height: 860 } });

  test('the terminal and the explanation of the line just typed are in view together, side by side', async ({ page }) => {
    await ehlo(page);
    await expectScreen(page, /^250 HELP/m);
    const newest = page.getByTestId('newest-line');
    await expect(newest).toContainText('C: EHLO x');
    await expect(newest).toContainText(/RFC 5321 §4\.1\.1\.1/);
    await expect(newest).toContainText('S: 250 HELP');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expectInViewport(await box(terminal(page)), page);
    expectInViewport(await box(newest), page);
    const t = await box(terminal(page));
    const side = await box(page.locator('.lab-side'));
    expect(side.x).toBeGreaterThanOrEqual(t.x + t.width);
    // The column scrolls within itself: the panels below are reached without moving the page.
    const panels = page.locator('.lab-side .lab-panels');
    await expect(panels).toHaveCSS('overflow-y', 'auto');
    expect(await panels.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  });

  test('the panels stay in view beside the terminal in use while the page scrolls, and scroll within themselves', async ({ page }) => {
    await ehlo(page);
    await page.getByRole('button', { name: 'Side by side' }).click();
    const second = page.locator('.mw-terminal[data-terminal="lab-2"]');
    await expect(second).toHaveAttribute('data-status', 'ready');
    // The second terminal stands under the first: scroll down to it.
    await second.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    const side = page.locator('.lab-side');
    await expect(side).toHaveCSS('position', 'sticky');
    expectInViewport(await box(second.locator('.mw-terminal__screen')), page);
    expectInViewport(await box(side), page);
  });

  test('the lines list follows the session, and stays put once the learner scrolls up', async ({ page }) => {
    await ehlo(page);
    const list = page.locator('[data-panel="wire"] .lab-wire__lines');
    for (let i = 0; i < 4; i++) await enter(page, 'NOOP');
    await expect(list.locator('.lab-wire__line--server').last()).toHaveText(/250 2\.0\.0/);
    const gap = (): Promise<number> => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    await expect.poll(gap).toBeLessThan(2);
    expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await list.evaluate((el) => {
      el.scrollTop = 0;
      el.dispatchEvent(new Event('scroll'));
    });
    await page.locator('.mw-terminal .xterm').click();
    await enter(page, 'NOOP');
    await expect(page.getByTestId('newest-line')).toContainText('C: NOOP');
    expect(await list.evaluate((el) => el.scrollTop)).toBe(0);
  });

  test('a typo gets the server\'s 500 unchanged and the terminal\'s own "did you mean EHLO?"', async ({ page }) => {
    await ehlo(page, 'EHOL x');
    await expectScreen(page, /^500 5\.5\.2 .*\n.*mailwire: did you mean EHLO\?/m);
    const wire = page.locator('[data-panel="wire"]');
    await expect(wire.locator('.lab-wire__line--server').last()).toHaveText(/^S:\s*500 5\.5\.2 Error: command not recognized$/);
    await expect(wire).not.toContainText('did you mean');
    // Its own colour: the note's grey, not the red of the server's 5xx.
    const hint = page.locator('.xterm-rows span', { hasText: 'did you mean EHLO?' });
    const reply = page.locator('.xterm-rows span', { hasText: '500 5.5.2' }).last();
    expect(await hint.evaluate((el) => getComputedStyle(el).color)).not.toBe(await reply.evaluate((el) => getComputedStyle(el).color));
  });

  test('after a refusal the rule is shown beside the terminal, with its RFC sentence', async ({ page }) => {
    await openLab(page);
    await enter(page, '/connect mail.example.com 25');
    await expectScreen(page, /220 mail\.example\.com/);
    await enter(page, 'EHLO laptop.example');
    await expectScreen(page, /^250 /m);
    await enter(page, 'RCPT TO:<bob@example.org>');
    const rule = page.getByTestId('rule-broken');
    await expect(rule).toContainText('RCPT needs a MAIL FROM first');
    await expect(rule).toContainText(/RFC 5321 §\d/);
    expectInViewport(await box(rule), page);
    expectInViewport(await box(terminal(page)), page);
    const t = await box(terminal(page));
    expect((await box(rule)).x).toBeGreaterThanOrEqual(t.x + t.width);
    await enter(page, 'MAIL FROM:<alice@example.com>');
    await expect(rule).toBeHidden();
  });
});

test.describe('phone 390x844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('one tap on a tab under the terminal brings the explanation into view', async ({ page }) => {
    await ehlo(page);
    await expectScreen(page, /^250 HELP/m);
    const tabs = page.getByRole('tablist', { name: 'Lab panels' });
    const t = await box(terminal(page));
    expect((await box(tabs)).y).toBeGreaterThan(t.y + t.height);
    expect((await box(tabs)).y).toBeLessThan(t.y + t.height + 120);
    await page.getByRole('tab', { name: 'State' }).click();
    await expect(page.getByTestId('current-state')).toHaveText('ready');
    // The other panels stay mounted (their state survives) but are not shown.
    await expect(page.getByTestId('newest-line')).toBeHidden();
    await page.getByRole('tab', { name: 'Lines' }).click();
    const newest = page.getByTestId('newest-line');
    await expect(newest).toContainText('C: EHLO x');
    expectInViewport(await box(newest), page);
    await expect(page.getByRole('tab', { name: 'Lines' })).toHaveAttribute('aria-selected', 'true');
  });

  test('the rule callout sits right under the terminal, and a typo gets its hint', async ({ page }) => {
    await ehlo(page, 'EHOL x');
    await expectScreen(page, /mailwire: did you mean EHLO\?/);
    await enter(page, 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
    const rule = page.getByTestId('rule-broken');
    await expect(rule).toBeVisible();
    const t = await box(terminal(page));
    const r = await box(rule);
    expect(r.y).toBeGreaterThan(t.y + t.height);
    expect(r.y).toBeLessThan(t.y + t.height + 120);
    expect(r.x + r.width).toBeLessThanOrEqual(390);
  });
});

test.describe('phone 390x844 with a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a refusal\'s rule shows between the screen and the input row, and both are in view', async ({ page }) => {
    await page.goto('/lab/');
    await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
    const input = page.getByRole('textbox', { name: 'Line to send' });
    const send = async (line: string): Promise<void> => {
      await input.fill(line);
      await page.getByRole('button', { name: 'Send', exact: true }).tap();
    };
    await send('/connect mail.example.com 25');
    await expectScreen(page, /220 mail\.example\.com/);
    await send('EHLO laptop.example');
    await expectScreen(page, /^250 HELP/m);
    await send('RCPT TO:<bob@example.org>');
    const rule = page.getByTestId('rule-broken');
    await expect(rule).toContainText('RCPT needs a MAIL FROM first');
    const [s, r, i] = [await box(terminal(page)), await box(rule), await box(input)];
    expect(r.y, 'under the screen').toBeGreaterThanOrEqual(s.y + s.height);
    expect(i.y, 'above the input row').toBeGreaterThanOrEqual(r.y + r.height);
    await input.focus();
    // The refusal as the terminal printed it, the rule under it and the input row: all on screen.
    const reply = page.locator('.xterm-rows > div', { hasText: '503 5.5.1' }).last();
    expectInViewport(await box(reply), page);
    expectInViewport(await box(rule), page);
    expectInViewport(await box(input), page);
    await rule.getByText('Why, and what is allowed here').tap();
    await expect(rule).toContainText('If a RCPT command appears without a previous MAIL command');
    await page.screenshot({ path: test.info().outputPath('rule-phone-touch.png') });
  });
});

for (const [size, viewport] of [['desktop', { width: 1366, height: 860 }], ['phone', { width: 390, height: 844 }]] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe: no serious or critical violations in the lab, ${size}, ${theme}`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.setViewportSize(viewport);
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await ehlo(page, 'EHOL x');
      await enter(page, 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
      await expect(page.getByTestId('rule-broken')).toBeVisible();
      const results = await new AxeBuilder({ page }).include('.lab-workspace').analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad).toEqual([]);
    });
  }
}
