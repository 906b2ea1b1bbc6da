/**
 * `npm run bench:browser`: in the lab, the time from pressing Enter on a typed IMAP command to its
 * tagged reply being in the terminal's rows, over many commands, without TLS (port 143) and over
 * the virtual TLS layer (993). Measured inside the page, so the driver's own latency is not
 * counted: from the Enter keydown's timeStamp (when the browser took the key in) to the
 * MutationObserver callback that follows the frame in which xterm.js put the reply in its rows.
 * Also counted: in which animation frame after the keydown the reply was drawn. A browser paints
 * only at frames (every 16.7 ms at 60 Hz), so the time to the screen includes the wait for the next
 * one, whatever the page does; "first frame" is the best any page can do.
 * Not part of `npm test`. Serves the built site (dist/, `npx astro build`) with `astro preview` on
 * MAILWIRE_PORT (default 4321).
 *
 *   npm run bench:browser -- [--commands N]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/browser.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env['MAILWIRE_PORT'] ?? 4321);

interface Sample {
  ms: number;
  /**
   * From the keydown to the page's last request for a frame before the frame that drew the reply
   * (xterm.js has parsed the reply and asks to render it): the page's own work, apart from the
   * wait for the frame.
   */
  work: number;
  /** 1 when the reply was drawn in the first animation frame after the keydown. */
  frame: number;
}

interface Figures {
  label: string;
  target: number;
  samples: Sample[];
}

declare global {
  interface Window {
    mwBenchArm?: (want: string) => void;
    mwBenchResult?: Promise<Sample>;
  }
}

async function preview(): Promise<() => void> {
  if (!existsSync(`${ROOT}/dist/index.html`)) throw new Error('no built site in dist/: run `npx astro build` first');
  const child = spawn('npx', ['astro', 'preview', '--port', String(PORT)], { cwd: ROOT, stdio: 'ignore', detached: true });
  const stop = (): void => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://localhost:${PORT}/lab/`)).ok) return stop;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`astro preview did not answer on port ${PORT}`);
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

/** Installs the in-page clock: Enter's keydown starts it, the wanted text in the rows stops it. */
async function installProbe(page: Page): Promise<void> {
  // tsx (esbuild, keepNames) wraps the named function below in a `__name` helper the page lacks.
  await page.evaluate('window.__name = (f) => f');
  await page.evaluate(() => {
    const input = document.querySelector('.xterm-helper-textarea')!;
    const rows = document.querySelector('.mw-terminal .xterm-rows')!;
    let want = '';
    let start = 0;
    let frame = 0;
    let work = 0;
    let done: ((sample: { ms: number; work: number; frame: number }) => void) | null = null;
    // The page asks for a frame when it has something to draw; the last ask before the frame that
    // drew the reply is when the reply was ready (xterm.js asks after parsing the write).
    const ask = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => {
      if (done && start && frame === 0) work = performance.now() - start;
      return ask(callback);
    };
    // Counts frames from the keydown on; asked for before xterm.js asks for its render, so in the
    // frame that draws the reply this runs first and the count is that frame's number.
    const countFrames = (): void => {
      frame++;
      if (done) ask(countFrames);
    };
    // On the window, capturing: before xterm.js's own listener on its textarea does any work. The
    // event's timeStamp is when the browser took the key in, so time it waited is counted too.
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.target === input && done) {
        start = e.timeStamp;
        frame = 0;
        work = 0;
        ask(countFrames);
      }
    }, true);
    new MutationObserver(() => {
      if (done && start && (rows.textContent ?? '').includes(want)) {
        const finish = done;
        done = null;
        finish({ ms: performance.now() - start, work, frame });
      }
    }).observe(rows, { childList: true, subtree: true, characterData: true });
    window.mwBenchArm = (text: string) => {
      want = text;
      start = 0;
      window.mwBenchResult = new Promise((ok) => (done = ok));
    };
  });
}

async function waitForScreen(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => (document.querySelector('.mw-terminal .xterm-rows')?.textContent ?? '').includes(t), text, { timeout: 30_000 });
}

async function run(page: Page, port: number, commands: number): Promise<Sample[]> {
  await page.goto(`http://localhost:${PORT}/lab/`);
  await page.locator('.mw-terminal[data-status="ready"]').waitFor();
  await page.locator('.mw-terminal .xterm').click();
  await installProbe(page);
  await page.keyboard.type(`/connect mail.example.com ${port}`);
  await page.keyboard.press('Enter');
  await waitForScreen(page, '* OK');
  const samples: Sample[] = [];
  for (let i = 1; i <= commands; i++) {
    const tag = `t${String(i).padStart(4, '0')}`;
    await page.keyboard.type(`${tag} NOOP`);
    await page.evaluate((want) => window.mwBenchArm!(want), `${tag} OK`);
    await page.keyboard.press('Enter');
    samples.push(await page.evaluate(() => window.mwBenchResult!));
  }
  return samples;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(figures: readonly Figures[]): string {
  const lines = [
    '| lab terminal, IMAP NOOP | commands | median | p95 | target p95 | drawn in the first frame after Enter | page work, median / p95 |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const f of figures) {
    const sorted = f.samples.map((s) => s.ms).sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    const first = f.samples.filter((s) => s.frame <= 1).length / f.samples.length;
    const work = f.samples.map((s) => s.work).sort((a, b) => a - b);
    lines.push(
      `| ${f.label} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} ms | ${p95.toFixed(1)} ms | < ${f.target} ms ${p95 < f.target ? '(met)' : '(missed)'} | ${(first * 100).toFixed(1)} % | ${percentile(work, 50).toFixed(1)} / ${percentile(work, 95).toFixed(1)} ms |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { commands: { type: 'string' } }, strict: true });
  const commands = Number(values.commands ?? 200);
  if (!Number.isSafeInteger(commands) || commands <= 0) throw new Error('--commands needs a positive whole number');
  const stop = await preview();
  const found = findBrowser();
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(found ? { executablePath: found.path } : {}) });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    const plain = await run(page, 143, commands);
    const tls = await run(page, 993, commands);
    console.log(`Mailwire lab latency, Enter to reply on screen, ${new Date().toISOString()}`);
    console.log(report([
      { label: 'port 143, no TLS', target: 16, samples: plain },
      { label: 'port 993, virtual TLS', target: 50, samples: tls },
    ]));
  } finally {
    await browser.close();
    stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
