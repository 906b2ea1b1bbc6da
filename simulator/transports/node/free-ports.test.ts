import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLAIMS_DIR, claim, claimedPorts, freePorts } from './free-ports.ts';

const ephemeralLow = (): number => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    return 32768;
  }
};

/** `freePorts(count)` run `times` times in another process; the ports it got, in order. */
function inChild(count: number, times: number): Promise<number[]> {
  const module = fileURLToPath(new URL('./free-ports.ts', import.meta.url));
  const code = `const { freePorts } = await import(${JSON.stringify(module)}); const out = []; for (let i = 0; i < ${times}; i++) out.push(...await freePorts(${count})); console.log(JSON.stringify(out));`;
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => (code === 0 ? ok(JSON.parse(out) as number[]) : fail(new Error(`child exited ${code}`))));
  });
}

describe('freePorts', () => {
  it('never gives the same port twice in one set', async () => {
    for (let set = 0; set < 100; set++) {
      const ports = await freePorts(8);
      expect(new Set(ports).size).toBe(8);
    }
  });

  it('picks below the kernel\'s ephemeral range, where no outgoing connection takes its local port', async () => {
    const low = ephemeralLow();
    for (const port of await freePorts(50)) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(low);
    }
  });

  it('never gives one process a port another process holds a claim on, even when both pick at once', async () => {
    const [a, b] = await Promise.all([inChild(8, 40), inChild(8, 40)]);
    expect(a).toHaveLength(320);
    expect(b).toHaveLength(320);
    const both = a.filter((port) => b.includes(port));
    expect(both).toEqual([]);
  });

  it('gives a process\'s claims back when it exits', async () => {
    const ports = await inChild(4, 1);
    expect(ports).toHaveLength(4);
    for (const port of ports) expect(claimedPorts()).not.toContain(port);
  });

  it('takes over the claim of a process that has ended, or an old one; never a live, recent one', () => {
    // Ports above the range freePorts picks from, so no other test's claims are touched.
    const [ended, old, live] = [61_500, 61_501, 61_502];
    const path = (port: number): string => join(CLAIMS_DIR, String(port));
    mkdirSync(CLAIMS_DIR, { recursive: true });
    writeFileSync(path(ended), '2147483646'); // no process has this pid
    writeFileSync(path(old), String(process.ppid));
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path(old), hourAgo, hourAgo);
    writeFileSync(path(live), String(process.ppid));
    try {
      expect(claim(ended)).toBe(true);
      expect(readFileSync(path(ended), 'utf8')).toBe(String(process.pid));
      expect(claim(old)).toBe(true);
      expect(claim(live)).toBe(false);
      expect(claim(ended)).toBe(false); // now ours: not given out twice
    } finally {
      for (const port of [ended, old, live]) rmSync(path(port), { force: true });
    }
  });

  it('gives ports that are closed again, so a server can bind them', async () => {
    const [port] = await freePorts(1);
    const server = createServer();
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', ok);
    });
    await new Promise<void>((ok) => server.close(() => ok()));
  });
});
