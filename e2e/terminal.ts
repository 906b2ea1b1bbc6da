/** Helpers for driving the protocol terminal in a page. */
import { expect, type Page } from '@playwright/test';

/** Opens the lab and waits until xterm.js has loaded and the terminal has focus. */
export async function openLab(page: Page): Promise<void> {
  await page.goto('/lab/');
  await expect(page.locator('.mw-terminal[data-status="ready"]')).toBeVisible();
  await page.locator('.mw-terminal .xterm').click();
  await expect(page.locator('.xterm-helper-textarea')).toBeFocused();
}

/** The terminal screen as text, one line per row (xterm's DOM renderer rows). */
export async function screenText(page: Page): Promise<string> {
  return page.locator('.mw-terminal .xterm-rows').innerText();
}

/** Types a line into the focused terminal and presses Enter. */
export async function enter(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Waits until the screen shows `text`. */
export async function expectScreen(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => screenText(page)).toMatch(typeof text === 'string' ? new RegExp(escapeRegExp(text)) : text);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
