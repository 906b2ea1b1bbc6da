// Where the Chromium for end-to-end tests is: Playwright's own download if there is one,
// else the system's /usr/bin/chromium. Shared by ensure-browser.mjs and playwright.config.ts.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium on these machines: no sandbox (root in a container), and none of
 * Chromium's own background connections, which the closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @returns {{ path: string, source: 'playwright' | 'system' } | null} */
export function findBrowser() {
  let own = '';
  try {
    own = chromium.executablePath();
  } catch {
    own = '';
  }
  if (own && existsSync(own)) return { path: own, source: 'playwright' };
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  return null;
}
