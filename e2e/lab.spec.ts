import { expect, test } from '@playwright/test';
import { enter, expectScreen, openLab, screenText } from './terminal.ts';

test.describe('the lab terminal', () => {
  test('/help lists the terminal commands', async ({ page }) => {
    // Tall enough for the whole listing on screen (the terminal scrolls it on a smaller one).
    await page.setViewportSize({ width: 1366, height: 1400 });
    await openLab(page);
    await expectScreen(page, 'Type /help for commands');
    await enter(page, '/help');
    await expectScreen(page, '/connect HOST PORT');
    await expectScreen(page, '/base64 [-d] TEXT');
  });

  test('/base64 encodes AUTH PLAIN credentials', async ({ page }) => {
    await openLab(page);
    await enter(page, '/base64 \\0alice\\0wonderland');
    await expectScreen(page, 'AGFsaWNlAHdvbmRlcmxhbmQ=');
    await enter(page, '/base64 -d AGFsaWNlAHdvbmRlcmxhbmQ=');
    await expectScreen(page, '\\0alice\\0wonderland');
  });

  test('the up arrow recalls the previous line, also after a reload', async ({ page }) => {
    await openLab(page);
    await enter(page, '/base64 history-check');
    await expectScreen(page, 'aGlzdG9yeS1jaGVjaw==');
    await page.keyboard.press('ArrowUp');
    await expectScreen(page, /mailwire> \/base64 history-check\s*$/);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await screenText(page)).split('aGlzdG9yeS1jaGVjaw==').length - 1).toBe(2);
    await page.reload();
    await openLab(page);
    await page.keyboard.press('ArrowUp');
    await expectScreen(page, /mailwire> \/base64 history-check\s*$/);
  });

  test('/connect to a host where nothing listens is clearly refused', async ({ page }) => {
    await openLab(page);
    await enter(page, '/connect nowhere.example 25');
    // Refused while no servers run; "no such host" once the virtual network (with DNS) is on.
    await expectScreen(page, /Connection refused: nothing is listening on nowhere\.example port 25\.|nowhere\.example: no such host/);
    await expectScreen(page, /mailwire>\s*$/);
  });

  test('wrong use of a command gives a one-line usage hint', async ({ page }) => {
    await openLab(page);
    await enter(page, '/connect');
    await expectScreen(page, 'Usage: /connect HOST PORT');
    await enter(page, '/nope');
    await expectScreen(page, 'Unknown command "/nope". Type /help for the list.');
  });

  test('Tab completes, and Esc then Tab moves focus out of the terminal', async ({ page }) => {
    await openLab(page);
    await page.keyboard.type('/bas');
    await page.keyboard.press('Tab');
    await expectScreen(page, /mailwire> \/base64\s*$/);
    await expect(page.locator('.xterm-helper-textarea')).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(page.locator('.xterm-helper-textarea')).not.toBeFocused();
  });

  test('Tab during an IMAP IDLE completes DONE, the only line the server takes then (RFC 9051 §6.3.13)', async ({ page }) => {
    await openLab(page);
    await enter(page, '/connect mail.example.com 993');
    await expectScreen(page, /\* OK \[CAPABILITY/);
    await enter(page, 'l1 LOGIN alice wonderland');
    await expectScreen(page, /l1 OK/);
    await enter(page, 's1 SELECT INBOX');
    await expectScreen(page, /s1 OK \[READ-WRITE\]/);
    await enter(page, 'a1 IDLE');
    await expectScreen(page, /\+ idling/);
    await page.keyboard.press('Tab');
    // The prompt says what the server takes now, and Tab put exactly that on the line.
    await expectScreen(page, /:993 tls \[IDLE\]> DONE\s*$/);
    await page.keyboard.press('Enter');
    await expectScreen(page, /a1 OK IDLE terminated/);
  });

  test('line editing keys work in the browser: arrows, Home/End, Alt+Backspace, Ctrl+U', async ({ page }) => {
    await openLab(page);
    await page.keyboard.type('/base64 one two');
    await page.keyboard.press('Alt+Backspace');
    await expectScreen(page, /mailwire> \/base64 one\s*$/);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('x');
    await expectScreen(page, /mailwire> \/xbase64 one\s*$/);
    await page.keyboard.press('End');
    await page.keyboard.press('Control+U');
    await page.keyboard.type('/base64 ok');
    await page.keyboard.press('Enter');
    await expectScreen(page, 'b2s=');
  });

  test('the screen is exposed to assistive technology (screen-reader mode)', async ({ page }) => {
    await openLab(page);
    await enter(page, '/base64 sr');
    await expect(page.locator('.xterm-accessibility-tree')).toContainText('c3I=');
  });
});
