import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectSettledInViewport } from './geometry.ts';
import { MISSIONS } from '../site/missions/registry.ts';
import { enter, expectScreen } from './terminal.ts';

async function axeClean(page: Page): Promise<void> {
  // Colours are judged once the completion moment's fade-in has ended, as the learner then sees them.
  await page.locator('#lab-missions').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  const results = await new AxeBuilder({ page }).include('#lab-missions').analyze();
  const bad = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

const item = (page: Page, id: string): Locator => page.locator(`#lab-missions [data-item="${id}"]`);

// Each test loads the lab and types a whole mission: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

test.describe('desktop 1366x860', () => {
  test.use({ viewport: { width: 1366, height: 860 } });

  test('the first mission completes by typing, items tick in view of the terminal, and the next one opens', async ({ page }) => {
    await page.goto('/lab/#missions');
    const heading = page.getByRole('heading', { name: 'Mission 1 of 12: Say hello to a mail server' });
    await expect(heading).toBeFocused();
    await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
    const checklist = page.getByTestId('mission-checklist');
    const terminal = page.locator('.mw-terminal[data-terminal="lab"] .mw-terminal__screen');
    await expectSettledInViewport(page, checklist, 'checklist');
    await expectSettledInViewport(page, terminal, 'terminal');
    await expect(page.locator('#lab-missions [data-done="true"]')).toHaveCount(0);
    await axeClean(page);

    await page.locator('.mw-terminal[data-terminal="lab"] .xterm').click();
    await enter(page, '/connect mail.example.org 25');
    await expectScreen(page, '220 mail.example.org');
    await expect(item(page, 'connected')).toHaveAttribute('data-done', 'true');
    await expect(item(page, 'ehlo')).toHaveAttribute('data-done', 'false');
    // Typing keeps both the goal and the terminal in view.
    await expectSettledInViewport(page, checklist, 'checklist while typing');
    await expectSettledInViewport(page, terminal, 'terminal while typing');

    await enter(page, 'EHLO laptop.example.com');
    await expect(item(page, 'ehlo')).toHaveAttribute('data-done', 'true');
    await expect(item(page, 'quit')).toHaveAttribute('data-done', 'false');
    await enter(page, 'QUIT');
    await expect(item(page, 'quit')).toHaveAttribute('data-done', 'true');

    const complete = page.getByTestId('mission-complete');
    await expect(complete).toContainText('Mission complete');
    await expect(complete).toContainText('RFC 5321');
    await expectSettledInViewport(page, complete, 'completion');
    await expectSettledInViewport(page, terminal, 'terminal at completion');
    await expect(page.getByRole('status').filter({ hasText: 'Mission complete: Say hello to a mail server.' })).toHaveCount(1);
    await axeClean(page);

    await page.getByRole('button', { name: 'Next mission: Deliver a message by hand' }).click();
    await expect(page.getByRole('heading', { name: 'Mission 2 of 12: Deliver a message by hand' })).toBeFocused();
    await expect(page.locator('#lab-missions [data-item]')).toHaveCount(4);
    await expect(page.locator('#lab-missions [data-done="true"]')).toHaveCount(0);
    await expect(complete).toHaveCount(0);

    // Kept with the tutorials' progress: after a reload the first mission stays finished.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mailwire:progress') ?? '{}'));
    expect(Object.keys(stored.done ?? {})).toEqual(['mission-hello']);
    await page.reload();
    await expect(page.getByRole('heading', { name: /^Mission 2 of 12/ })).toBeVisible();
    await expect(page.locator('#lab-missions summary')).toContainText('1 of 12 done');
  });

  test('for every mission, the panel and the terminal under it fit the viewport together', async ({ page }) => {
    await page.goto('/lab/#missions');
    await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
    const panel = page.locator('#lab-missions');
    const terminal = page.locator('.mw-terminal[data-terminal="lab"] .mw-terminal__screen');
    const picker = page.getByRole('form', { name: 'Connect the terminal in use' });
    const titles = await panel.locator('.lab-missions__all button').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(12);
    for (const title of titles) {
      await panel.locator('.lab-missions__all > summary').click();
      await panel.locator('.lab-missions__all').getByRole('button', { name: title.trim(), exact: true }).click();
      await expect(panel.getByRole('heading', { level: 2 })).toContainText(title.trim());
      // The Connect picker moves to where the mission starts.
      const start = MISSIONS.find((m) => m.title === title.trim())!.start;
      await expect(picker.getByLabel('Host')).toHaveValue(start.host);
      await expect(picker.getByLabel('Port')).toHaveValue(String(start.port));
      await panel.locator('.lab-missions__all > summary').click();
      await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expectSettledInViewport(page, panel, `${title}: panel`);
      await expectSettledInViewport(page, terminal, `${title}: terminal`);
    }
  });

  test('"Send as Alice" ticks as the MTA relays the message to mail.example.org', async ({ page }) => {
    await page.goto('/lab/#missions');
    await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
    await page.locator('#lab-missions .lab-missions__all > summary').click();
    await page.getByRole('button', { name: 'Send as Alice', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Mission 6 of 12: Send as Alice' })).toBeFocused();
    await page.locator('.mw-terminal[data-terminal="lab"] .xterm').click();
    for (const line of ['/connect mail.example.com 587', 'EHLO laptop.example.com', 'STARTTLS']) await enter(page, line);
    await expectScreen(page, '220 2.0.0');
    await enter(page, 'EHLO laptop.example.com');
    await enter(page, 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=');
    await expect(item(page, 'login')).toHaveAttribute('data-done', 'true');
    await expect(item(page, 'sent')).toHaveAttribute('data-done', 'false');
    for (const line of ['MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Missions', '', 'Hello Bob.', '.']) await enter(page, line);
    await expect(item(page, 'sent')).toHaveAttribute('data-done', 'true');
    await expect(item(page, 'relayed')).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('mission-complete')).toContainText('RFC 6409');
  });

  test('axe is clean on the panel in the dark theme, checklist ticked and mission complete', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
    await page.goto('/lab/#missions');
    await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
    await page.locator('.mw-terminal[data-terminal="lab"] .xterm').click();
    await enter(page, '/connect mail.example.org 25');
    await enter(page, 'EHLO laptop.example.com');
    await enter(page, 'QUIT');
    await expect(page.getByTestId('mission-complete')).toBeVisible();
    await page.locator('#lab-missions summary').click();
    await axeClean(page);
  });

  test('the completion moment moves only without prefers-reduced-motion', async ({ page }) => {
    for (const motion of ['no-preference', 'reduce'] as const) {
      await page.emulateMedia({ reducedMotion: motion });
      await page.goto('/lab/#missions');
      await page.evaluate(() => localStorage.removeItem('mailwire:progress'));
      await page.reload();
      await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
      await page.locator('.mw-terminal[data-terminal="lab"] .xterm').click();
      await enter(page, '/connect mail.example.org 25');
      await enter(page, 'EHLO laptop.example.com');
      await enter(page, 'QUIT');
      const complete = page.getByTestId('mission-complete');
      await expect(complete).toBeVisible();
      const animation = await complete.evaluate((el) => getComputedStyle(el).animationName);
      expect(animation, motion).toBe(motion === 'reduce' ? 'none' : 'lab-missions-complete');
    }
  });
});

test('a finished mission is kept with the tutorials\' progress and not counted as an exercise', async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem('mailwire:progress', JSON.stringify({ version: 1, done: { 'mission-hello': '2026-12-02T10:00:00.000Z', 'journey-doors': '2026-12-02T10:00:00.000Z' } })),
  );
  await page.goto('/learn/how-email-travels/');
  await expect(page.locator('mw-progress [role="status"]').first()).toContainText(/^1 of \d+ exercises solved/);
});

test.describe('phone 390x844', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the checklist is one tap away, also while typing further down', async ({ page }) => {
    await page.goto('/lab/#missions');
    await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
    const toggle = page.getByRole('button', { name: /^Checklist \(0\/3\)/ });
    await expectSettledInViewport(page, toggle, 'checklist button');
    await toggle.tap();
    const checklist = page.getByTestId('mission-checklist');
    await expectSettledInViewport(page, checklist, 'checklist');
    await axeClean(page);
    await page.getByRole('button', { name: /^Hide/ }).tap();
    await expect(checklist).toBeHidden();

    // The Connect button opens the connection the mission asks for.
    await page.getByRole('form', { name: 'Connect the terminal in use' }).getByRole('button', { name: 'Connect' }).tap();
    await expectScreen(page, '220 mail.example.org');
    // The folded bar stays at the top while the learner types below.
    const bar = page.getByRole('button', { name: /^Checklist \(1\/3\)/ });
    await expectSettledInViewport(page, bar, 'checklist button while typing');
    await bar.tap();
    await expectSettledInViewport(page, checklist, 'checklist while typing');
    await expect(item(page, 'connected')).toHaveAttribute('data-done', 'true');
  });
});
