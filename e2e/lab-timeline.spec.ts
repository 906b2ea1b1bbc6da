import { expect, test, type Page } from '@playwright/test';
import { box, expectInViewport, SIZES } from './geometry.ts';
import { enter, expectScreen, openLab } from './terminal.ts';
import { defaultWorld } from '../simulator/world/world.ts';
import { worldToJson } from '../simulator/world/serialize.ts';

const inspector = (page: Page) => page.getByTestId('mailbox-inspector');
const timeline = (page: Page) => page.getByTestId('timeline');

/** A POP3 session that deletes message 1 and quits: step 5 is the QUIT that expunges it. */
async function pop3DeleteAndQuit(page: Page): Promise<void> {
  await enter(page, '/connect mail.example.com 995');
  await expectScreen(page, /\+OK/);
  await enter(page, 'USER alice@example.com');
  await enter(page, 'PASS wonderland');
  await expect(page.getByTestId('current-state')).toHaveText('TRANSACTION');
  await expect(inspector(page)).toContainText('3 messages');
  await enter(page, 'DELE 1');
  await expect(inspector(page).locator('tr.is-deleted')).toHaveCount(1);
  await enter(page, 'QUIT');
  await expect(inspector(page)).toContainText('2 messages');
  await expect(page.getByTestId('timeline-position')).toContainText('Live: 5 lines entered');
}

async function expectStep(page: Page, step: number): Promise<void> {
  await expect(timeline(page)).toHaveAttribute('data-step', String(step));
  await expect(timeline(page)).toHaveAttribute('data-loading', 'false');
  await expect(page.getByTestId('timeline-position')).toContainText(`Step ${step} of 5`);
}

test('stepping back across DELE + QUIT brings the message back; forward takes it away; a link opens on the step', async ({ page, browser }) => {
  test.setTimeout(60_000);
  await openLab(page);
  await pop3DeleteAndQuit(page);

  // Back across QUIT: the message is there again, still marked by the open session's DELE.
  await page.getByTestId('timeline-back').click();
  await expectStep(page, 4);
  await expect(inspector(page)).toContainText('3 messages');
  await expect(inspector(page).locator('tr.is-deleted')).toHaveCount(1);
  await expect(page.getByTestId('current-state')).toHaveText('TRANSACTION');
  // Back across DELE, by key: nothing marked.
  await page.getByTestId('timeline-back').focus();
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 3);
  await expect(inspector(page)).toContainText('3 messages');
  await expect(inspector(page).locator('tr.is-deleted')).toHaveCount(0);
  // Forward to the QUIT: gone again.
  await page.getByTestId('timeline-forward').click();
  await expectStep(page, 4);
  await page.getByTestId('timeline-forward').click();
  await expectStep(page, 5);
  await expect(inspector(page)).toContainText('2 messages');
  // The scrubber goes anywhere: the start world has no session at all.
  await page.getByTestId('timeline-scrubber').fill('0');
  await expect(timeline(page)).toHaveAttribute('data-step', '0');
  await expect(inspector(page)).toContainText('3 messages');

  // A link to step 3 opens another browser on the same step.
  await page.getByTestId('timeline-scrubber').fill('3');
  await expectStep(page, 3);
  await page.getByTestId('timeline-link').click();
  const link = await page.getByTestId('timeline-link-field').inputValue();
  expect(link).toMatch(/\/lab\/#replay=[A-Za-z0-9_-]+&step=3$/);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expectStep(other, 3);
  await expect(other.getByTestId('current-state')).toHaveText('TRANSACTION');
  await expect(inspector(other)).toContainText('3 messages');
  await expect(inspector(other).locator('tr.is-deleted')).toHaveCount(0);
  await fresh.close();

  // The live world went on untouched.
  await page.getByTestId('timeline-live').click();
  await expect(timeline(page)).toHaveAttribute('data-step', 'live');
  await expect(inspector(page)).toContainText('2 messages');
});

test('a link from a session that started on a changed world carries that world and opens on the same mailbox', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await openLab(page);
  // An earlier session: bob's server hands alice a message on port 25.
  await enter(page, '/connect mail.example.com 25');
  await expectScreen(page, /220 mail\.example\.com/);
  for (const line of ['EHLO mail.example.org', 'MAIL FROM:<bob@example.org>', 'RCPT TO:<alice@example.com>', 'DATA']) await enter(page, line);
  await expectScreen(page, /^354 /m);
  for (const line of ['Subject: Before this session', '', 'Delivered in an earlier session.', '.']) await enter(page, line);
  await expectScreen(page, /250 2\.0\.0/);
  await enter(page, 'QUIT');
  await expect(inspector(page).getByLabel('Account')).toBeVisible();
  await inspector(page).getByLabel('Account').selectOption('alice@example.com');
  await expect(inspector(page)).toContainText('Before this session');
  await expect(inspector(page)).toContainText('4 messages');

  // A new session on the saved world: the timeline starts here, on a world that is not the default.
  await page.reload();
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  await page.locator('.mw-terminal .xterm').click();
  await enter(page, '/connect mail.example.com 995');
  await expectScreen(page, /\+OK/);
  await enter(page, 'USER alice@example.com');
  await enter(page, 'PASS wonderland');
  await expect(page.getByTestId('current-state')).toHaveText('TRANSACTION');
  await expect(inspector(page)).toContainText('4 messages');
  await enter(page, 'DELE 4');
  await enter(page, 'QUIT');
  await expect(inspector(page)).toContainText('3 messages');
  await expect(page.getByTestId('timeline-position')).toContainText('Live: 5 lines entered');

  await page.getByTestId('timeline-scrubber').fill('3');
  await expectStep(page, 3);
  await expect(inspector(page)).toContainText('4 messages');
  await page.getByTestId('timeline-link').click();
  const link = await page.getByTestId('timeline-link-field').inputValue();
  expect(link).toMatch(/\/lab\/#replay=[A-Za-z0-9_-]+&w=[A-Za-z0-9_-]+&step=3$/);
  await expect(page.getByTestId('timeline-link-too-large')).toHaveCount(0);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expectStep(other, 3);
  await expect(other.getByTestId('current-state')).toHaveText('TRANSACTION');
  await expect(inspector(other)).toContainText('4 messages');
  await expect(inspector(other)).toContainText('Before this session');
  await expect(inspector(other).locator('tr.is-deleted')).toHaveCount(0);
  await expect(other.getByTestId('replay-status')).toHaveAttribute('data-done', 'true', { timeout: 20_000 });
  await expect(other.getByTestId('replay-status')).toContainText('on the world the link carries');
  // Live, the other browser ran the whole session: the message it deleted is gone there too.
  await other.getByTestId('timeline-live').click();
  await expect(inspector(other)).toContainText('3 messages');
  await other.screenshot({ path: 'test-results/timeline-carried-world.png' });

  // A link whose world is damaged is refused, with the reason, and runs nothing.
  // (A new page: changing only the fragment would not load the lab again.)
  const damaged = await fresh.newPage();
  await damaged.goto(link.replace(/&w=[A-Za-z0-9_-]+/, '&w=____'));
  await expect(damaged.getByTestId('replay-refused')).toContainText('This replay link was not run: the world it carries is damaged');
  await expect(damaged.getByTestId('replay-status')).toHaveCount(0);
  await fresh.close();
});

test('a start world too large for a link gives no link, says so, and offers the JSON export', async ({ page }) => {
  test.setTimeout(60_000);
  // A world with a 400 KiB message of random octets (which do not compress), imported as a file.
  const world = defaultWorld(Date.now());
  const noise = Buffer.from(Array.from({ length: 400 * 1024 }, () => Math.floor(Math.random() * 256))).toString('base64').replace(/.{76}/g, '$&\r\n');
  world.store.append('alice@example.com', 'INBOX', new TextEncoder().encode(`Subject: big\r\n\r\n${noise}\r\n`), { internalDate: Date.now() });
  await openLab(page);
  await page.locator('[data-panel="world"] > summary').click();
  await page.locator('[data-panel="world"] input[type="file"]').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(worldToJson(world)) });
  await page.waitForURL('**/lab/');
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  await page.locator('.mw-terminal .xterm').click();
  await enter(page, '/connect mail.example.com 110');
  await expectScreen(page, /\+OK/);
  await page.getByTestId('timeline-link').click();
  const refusal = page.getByTestId('timeline-link-too-large');
  await expect(refusal).toContainText('too large to put in a link');
  await expect(page.getByTestId('timeline-link-field')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('timeline-export').click();
  expect((await download).suggestedFilename()).toBe('mailwire-world.json');
  // The message and its button sit inside the timeline, on screen.
  await refusal.scrollIntoViewIfNeeded();
  const outer = await box(timeline(page));
  for (const b of [await box(refusal), await box(page.getByTestId('timeline-export'))]) {
    expectInViewport(b, page);
    expect(b.x).toBeGreaterThanOrEqual(outer.x - 0.5);
    expect(b.x + b.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
    expect(b.y + b.height).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
  }
  await page.screenshot({ path: 'test-results/timeline-too-large.png' });
});

test('continue from here forks a world at the step; the original is kept until discarded', async ({ page }) => {
  test.setTimeout(60_000);
  await openLab(page);
  await pop3DeleteAndQuit(page);
  await page.getByTestId('timeline-scrubber').fill('4');
  await expectStep(page, 4);
  await page.getByTestId('timeline-fork').click();
  await expect(timeline(page)).toHaveAttribute('data-mode', 'fork');
  await expect(page.getByTestId('fork-terminals')).toBeVisible();
  // The fork's terminal is still in the POP3 session, with DELE 1 pending: undo it and quit.
  await page.getByTestId('fork-terminal-screen').locator('.xterm').click();
  await expect(page.getByTestId('fork-terminal-screen')).toContainText('DELE 1');
  await enter(page, 'RSET');
  await enter(page, 'QUIT');
  await expect(page.getByTestId('fork-terminal-screen')).toContainText('signing off');
  await expect(inspector(page)).toContainText('3 messages');
  await page.screenshot({ path: 'test-results/timeline-fork.png' });
  // The original still has its QUIT's effect.
  await page.getByTestId('timeline-original').click();
  await expect(inspector(page)).toContainText('2 messages');
  await expect(page.locator('.mw-terminal[data-terminal="lab"]')).toBeVisible();
  await page.getByTestId('timeline-show-fork').click();
  await expect(inspector(page)).toContainText('3 messages');
  await page.getByTestId('timeline-discard').click();
  await expect(page.getByTestId('timeline-show-fork')).toHaveCount(0);
  await expect(inspector(page)).toContainText('2 messages');
});

test('a fork has its own timeline: step back across the DELE + QUIT typed in the fork, forward again; the original is unchanged', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await openLab(page);
  // The original logs in, counts, and quits without deleting anything.
  await enter(page, '/connect mail.example.com 995');
  await expectScreen(page, /\+OK/);
  await enter(page, 'USER alice@example.com');
  await enter(page, 'PASS wonderland');
  await expect(page.getByTestId('current-state')).toHaveText('TRANSACTION');
  await enter(page, 'STAT');
  await enter(page, 'QUIT');
  await expect(page.getByTestId('timeline-position')).toContainText('Live: 5 lines entered');
  await expect(inspector(page)).toContainText('3 messages');

  // Fork after PASS, and delete in the fork.
  await page.getByTestId('timeline-scrubber').fill('3');
  await expectStep(page, 3);
  await page.getByTestId('timeline-fork').click();
  await expect(timeline(page)).toHaveAttribute('data-mode', 'fork');
  await expect(page.getByTestId('timeline-position')).toContainText('Live: 3 lines entered');
  await page.getByTestId('fork-terminal-screen').locator('.xterm').click();
  await enter(page, 'DELE 1');
  await expect(inspector(page).locator('tr.is-deleted')).toHaveCount(1);
  await enter(page, 'QUIT');
  await expect(page.getByTestId('fork-terminal-screen')).toContainText('signing off');
  await expect(inspector(page)).toContainText('2 messages');
  await expect(page.getByTestId('timeline-position')).toContainText('Live: 5 lines entered');

  // Back in the fork, across its QUIT: the message returns, still marked by the fork's DELE.
  await page.getByTestId('timeline-back').click();
  await expectStep(page, 4);
  await expect(timeline(page)).toHaveAttribute('data-mode', 'fork');
  await expect(page.getByTestId('timeline-position')).toContainText('after DELE 1');
  await expect(inspector(page)).toContainText('3 messages');
  await expect(inspector(page).locator('tr.is-deleted')).toHaveCount(1);
  await expect(page.getByTestId('current-state')).toHaveText('TRANSACTION');
  // Back across the DELE: nothing marked; forward across DELE and QUIT: gone again.
  await page.getByTestId('timeline-back').click();
  await expectStep(page, 3);
  await expect(inspector(page).locator('tr.is-deleted')).toHaveCount(0);
  await page.getByTestId('timeline-forward').click();
  await expectStep(page, 4);
  await expect(inspector(page).locator('tr.is-deleted')).toHaveCount(1);
  await page.getByTestId('timeline-forward').click();
  await expectStep(page, 5);
  await expect(page.getByTestId('timeline-position')).toContainText('after QUIT');
  await expect(inspector(page)).toContainText('2 messages');
  // The fork's controls sit on screen, inside the timeline.
  await timeline(page).scrollIntoViewIfNeeded();
  const outer = await box(timeline(page));
  for (const id of ['timeline-fork-note', 'timeline-back', 'timeline-scrubber', 'timeline-forward', 'timeline-live', 'timeline-original', 'timeline-discard', 'timeline-link']) {
    const b = await box(page.getByTestId(id));
    expectInViewport(b, page);
    expect(b.x, `${id} left`).toBeGreaterThanOrEqual(outer.x - 0.5);
    expect(b.x + b.width, `${id} right`).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
    expect(b.y + b.height, `${id} bottom`).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
  }
  await page.screenshot({ path: 'test-results/timeline-fork-steps.png' });

  // A link to the fork's step 4 replays the fork's lines in another browser.
  await page.getByTestId('timeline-scrubber').fill('4');
  await expectStep(page, 4);
  await page.getByTestId('timeline-link').click();
  const link = await page.getByTestId('timeline-link-field').inputValue();
  expect(link).toMatch(/\/lab\/#replay=[A-Za-z0-9_-]+&step=4$/);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expectStep(other, 4);
  await expect(other.getByTestId('timeline-position')).toContainText('after DELE 1');
  await expect(inspector(other)).toContainText('3 messages');
  await expect(inspector(other).locator('tr.is-deleted')).toHaveCount(1);
  await fresh.close();

  // The original is unchanged: its own five lines, nothing deleted.
  await page.getByTestId('timeline-original').click();
  await expect(timeline(page)).toHaveAttribute('data-mode', 'original');
  await expect(page.getByTestId('timeline-position')).toContainText('Live: 5 lines entered');
  await expect(inspector(page)).toContainText('3 messages');
  await page.getByTestId('timeline-back').click();
  await expect(timeline(page)).toHaveAttribute('data-step', '4');
  await expect(page.getByTestId('timeline-position')).toContainText('after STAT');
  await expect(inspector(page).locator('tr.is-deleted')).toHaveCount(0);
  // The fork kept its lines while the original was showing.
  await page.getByTestId('timeline-show-fork').click();
  await expect(page.getByTestId('timeline-position')).toContainText('Live: 5 lines entered');
  await expect(inspector(page)).toContainText('2 messages');
});

for (const [name, size] of Object.entries(SIZES)) {
  test(`the timeline's controls are on screen and inside the timeline at ${name} size`, async ({ page }) => {
    await page.setViewportSize(size.viewport);
    await openLab(page);
    await enter(page, '/connect mail.example.com 995');
    await expectScreen(page, /\+OK/);
    await enter(page, 'CAPA');
    await page.getByTestId('timeline-back').click();
    await expect(timeline(page)).toHaveAttribute('data-step', '1');
    await timeline(page).scrollIntoViewIfNeeded();
    const outer = await box(timeline(page));
    expectInViewport(outer, page);
    for (const id of ['timeline-back', 'timeline-scrubber', 'timeline-forward', 'timeline-position', 'timeline-live', 'timeline-fork', 'timeline-link']) {
      const b = await box(page.getByTestId(id));
      expectInViewport(b, page);
      expect(b.x, `${id} left`).toBeGreaterThanOrEqual(outer.x - 0.5);
      expect(b.x + b.width, `${id} right`).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
      expect(b.y + b.height, `${id} bottom`).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
      expect(b.width, `${id} not squashed`).toBeGreaterThan(20);
    }
    await page.screenshot({ path: `test-results/timeline-${name}.png` });
  });
}
