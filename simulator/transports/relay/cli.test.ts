/** `npm run relay` arguments (node:util parseArgs): values checked, nothing empty taken for a default. */
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caRootsBase64 } from './ca-file.ts';
import { parseRelayArgs } from './cli.ts';
import { DEFAULT_LIMITS } from './options.ts';
import { RelayTestClient } from './relay-client.ts';
import { makeTestPki } from './test-pki.ts';

describe('parseRelayArgs', () => {
  it('takes the defaults, and every flag', () => {
    const d = parseRelayArgs([]);
    if (typeof d === 'string') throw new Error(d);
    expect(d).toMatchObject({ host: '127.0.0.1', port: 8787, drainSeconds: 30, limits: { maxSessions: DEFAULT_LIMITS.maxSessions } });
    const o = parseRelayArgs(['--port', '9000', '--allow-port', '2526', '--origin', 'https://mailwire.example', '--max-sessions', '50', '--drain-seconds', '5', '--allow-private']);
    if (typeof o === 'string') throw new Error(o);
    expect(o).toMatchObject({ port: 9000, origins: ['https://mailwire.example'], allowPrivate: true, drainSeconds: 5, limits: { maxSessions: 50 } });
    expect(o.allowPorts).toContain(2526);
    expect(parseRelayArgs(['--redis', 'redis://10.0.0.5:6379'])).toMatchObject({ redis: 'redis://10.0.0.5:6379' });
  });

  it.each([
    [['--port', ''], '"" is not a port number'],
    [['--port', '65536'], '"65536" is not a port number'],
    [['--port', '0x50'], '"0x50" is not a port number'],
    [['--max-sessions', '0'], '--max-sessions needs a whole number of at least 1, not "0"'],
    [['--drain-seconds=-1'], '--drain-seconds needs a whole number of at least 0, not "-1"'],
    [['--token', ''], '--token needs a value, and "" is empty'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--port'], "Option '--port <value>' argument missing"],
    [['--redis', 'localhost:6379'], '--redis needs a redis:// or rediss:// URL, not "localhost:6379"'],
  ])('refuses %j', (argv, message) => {
    const r = parseRelayArgs(argv);
    expect(typeof r).toBe('string');
    expect(r as string).toContain(message);
    expect(r as string).toContain('usage: npm run relay');
  });

  it('--no-terminate: the relay never runs TLS itself (default: it does when asked)', () => {
    expect(parseRelayArgs([])).toMatchObject({ terminate: true });
    expect(parseRelayArgs(['--no-terminate'])).toMatchObject({ terminate: false });
    expect(parseRelayArgs(['--no-terminate=yes'])).toMatch(/--no-terminate/);
  });

  it('--ca takes PEM or one DER certificate, and offers each to the page as base64 DER', () => {
    const pki = makeTestPki();
    try {
      const fromPem = parseRelayArgs(['--ca', join(pki.dir, 'ca.crt')]);
      if (typeof fromPem === 'string') throw new Error(fromPem);
      const der = Buffer.from(caRootsBase64(fromPem.ca)[0]!, 'base64');
      expect(new X509Certificate(der).subject).toContain('Mailwire Test CA');
      writeFileSync(join(pki.dir, 'ca.der'), der);
      const fromDer = parseRelayArgs(['--ca', join(pki.dir, 'ca.der')]);
      if (typeof fromDer === 'string') throw new Error(fromDer);
      expect(caRootsBase64(fromDer.ca)).toEqual(caRootsBase64(fromPem.ca));
      writeFileSync(join(pki.dir, 'empty.txt'), 'no certificate here\n');
      expect(parseRelayArgs(['--ca', join(pki.dir, 'empty.txt')])).toContain('holds no certificate');
    } finally {
      rmSync(pki.dir, { recursive: true, force: true });
    }
  });

  it('--help is the usage', () => {
    expect(parseRelayArgs(['--help'])).toMatch(/^usage: npm run relay/);
  });
});

describe('the relay process', () => {
  it('drains on SIGTERM: /readyz turns 503, then it exits 0 after --drain-seconds', async () => {
    const cli = new URL('./cli.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--drain-seconds', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    const deadline = Date.now() + 20_000;
    while (!/relay listening on ws:\/\/127\.0\.0\.1:(\d+)/.test(out) && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
    const port = /127\.0\.0\.1:(\d+)/.exec(out)![1];
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const browser = new RelayTestClient(`ws://127.0.0.1:${port}/relay`);
    await browser.opened();
    const signalled = Date.now();
    child.kill('SIGTERM');
    await browser.until((c) => c.find('restarting') !== undefined);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    await browser.until((c) => c.closed, 5000);
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(900);
    expect(browser.find('closed')).toMatchObject({ by: 'relay' });
    expect(out).toContain('relay draining: 1 sessions open, closing within 1 seconds');
  }, 30_000);
});
