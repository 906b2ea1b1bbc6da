import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './scripts/browser.mjs';

const browser = findBrowser();
// scripts/test.mjs builds the site first and sets MAILWIRE_BUILT; run alone, build here.
// MAILWIRE_PORT moves the preview server (default 4321), so two checkouts can run their suites at once.
const port = Number(process.env['MAILWIRE_PORT'] ?? 4321);
const preview = `npx astro preview --port ${port}`;
const serve = process.env['MAILWIRE_BUILT'] ? preview : `npm run build && ${preview}`;

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'off',
    launchOptions: {
      args: CHROMIUM_ARGS,
      ...(browser ? { executablePath: browser.path } : {}),
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: /touch\.spec\.ts/ },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, testMatch: /touch\.spec\.ts/ },
  ],
  webServer: {
    command: serve,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
