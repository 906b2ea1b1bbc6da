// Makes sure a Chromium exists for the end-to-end tests, and says what it found or did.
// Playwright cannot download its browsers on these machines, so: Playwright's own browser if
// installed, else /usr/bin/chromium, else (root on Debian) install Debian's chromium package.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './browser.mjs';

function say(text) {
  console.log(`[ensure-browser] ${text}`);
}

const found = findBrowser();
if (found) {
  say(`using ${found.source === 'playwright' ? "Playwright's own Chromium" : 'the system Chromium'}: ${found.path}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');
if (!isRoot || !isDebian) {
  say('no Chromium found, and this is not root on Debian, so nothing can be installed here.');
  say('Install one (e.g. `apt-get install chromium`, or `npx playwright install chromium`) and run again.');
  process.exit(1);
}

say('no Chromium found: running `apt-get update && apt-get install -y chromium` (Debian package)...');
try {
  execSync('apt-get update && apt-get install -y chromium', {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch (error) {
  say(`apt-get failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const installed = findBrowser();
if (!installed) {
  say('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}
say(`installed Debian's chromium: ${installed.path}`);
