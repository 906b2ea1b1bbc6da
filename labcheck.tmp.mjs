import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const srv = spawn('npx', ['astro', 'preview', '--port', '4490'], { cwd: '/work/main', stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 5000));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (let i = 0; i < 8; i++) {
  const ctx = await b.newContext({ viewport: i % 2 ? { width: 390, height: 844 } : { width: 1366, height: 860 } });
  const p = await ctx.newPage();
  p.on('console', (m) => { if (m.type() === 'error') console.log(i, 'console', m.text().slice(0, 600)); });
  p.on('pageerror', (e) => console.log(i, 'pageerror', e.message, e.stack?.split('\n').slice(0, 6).join('\n')));
  await p.goto('http://localhost:4490/lab/');
  const t0 = Date.now();
  try { await p.locator('.mw-terminal[data-status="ready"]').first().waitFor({ timeout: 15000 }); console.log(i, 'ready after', Date.now() - t0); } catch { console.log(i, 'NOT READY', await p.locator('[role=alert]').allInnerTexts()); }
  await ctx.close();
}
await b.close(); srv.kill();
