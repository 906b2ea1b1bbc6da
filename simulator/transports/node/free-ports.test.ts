import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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

const MODULE = JSON.stringify(fileURLToPath(new URL('./free-ports.ts', import.meta.url)));

/** `freePorts(count)` run `times` times in another process; the ports it got, in order. */
function inChild(count: number, times: number): Promise<Child> {
  return runChild(`const { freePorts } = await import(${MODULE}); const out = []; for (let i = 0; i < ${times}; i++) out.push(...await freePorts(${count})); ${REPORT}`);
}

/** Prints the ports `out` as JSON, then keeps its claims until its stdin is closed. */
const REPORT = "console.log(JSON.stringify(out)); process.stdin.resume(); process.stdin.on('end', () => process.exit(0));";

interface Child {
  ports: number[];
  /** Lets it exit, giving its claims back; resolves once it has. */
  exit(): Promise<void>;
}

/**
 * Runs `code` (an ES module ending in REPORT) in another Node process; resolves with the ports it
 * printed while it still holds their claims, so two such processes overlap in time.
 */
function runChild(code: string): Promise<Child> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.endsWith('\n')) ok({ ports: JSON.parse(out) as number[], exit: () => (child.stdin.end(), exited) });
    });
    child.once('exit', (code) => fail(new Error(`child exited ${code} before reporting`)));
  });
}

/** Both children's ports, once both have reported; then both exit. */
async function together(a: Promise<Child>, b: Promise<Child>): Promise<[number[], number[]]> {
  const children = await Promise.all([a, b]);
  await Promise.all(children.map((child) => child.exit()));
  return [children[0].ports, children[1].ports];
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
    const [a, b] = await together(inChild(8, 40), inChild(8, 40));
    expect(a).toHaveLength(320);
    expect(b).toHaveLength(320);
    const both = a.filter((port) => b.includes(port));
    expect(both).toEqual([]);
  });

  it('gives a process\'s claims back when it exits', async () => {
    const child = await inChild(4, 1);
    const ports = child.ports;
    expect(ports).toHaveLength(4);
    for (const port of ports) expect(claimedPorts()).toContain(port);
    await child.exit();
    for (const port of ports) expect(claimedPorts()).not.toContain(port);
  });

  it('claims a port whose only claims are of a process that has ended, or old; never one with a live, recent claim', () => {
    // Ports above the range freePorts picks from, so no other test's claims are touched.
    const [ended, old, live] = [61_500, 61_501, 61_502];
    const path = (name: string): string => join(CLAIMS_DIR, name);
    mkdirSync(CLAIMS_DIR, { recursive: true });
    const others = [`${ended}.2147483646.1`, `${old}.${process.ppid}.1`, `${live}.${process.ppid}.1`]; // no process has pid 2147483646
    for (const name of others) writeFileSync(path(name), '');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path(others[1]!), hourAgo, hourAgo);
    try {
      expect(claim(ended)).toBe(true);
      expect(existsSync(path(others[0]!)), 'the ended process\'s claim is removed').toBe(false);
      expect(claim(old)).toBe(true);
      expect(claim(live)).toBe(false);
      expect(existsSync(path(others[2]!)), 'the live claim stays').toBe(true);
      expect(claim(ended)).toBe(false); // now ours: not given out twice
      expect(claimedPorts()).toEqual(expect.arrayContaining([ended, old, live]));
    } finally {
      for (const name of readdirSync(CLAIMS_DIR)) if (/^6150[012]\./.test(name)) rmSync(path(name), { force: true });
    }
  });

  it('two processes that find the same ended process\'s claims at once never both take a port', async () => {
    // 300 ports above freePorts's range, each with a claim of an ended process, taken over by two processes at once.
    const ports = Array.from({ length: 300 }, (_, i) => 61_600 + i);
    mkdirSync(CLAIMS_DIR, { recursive: true });
    for (const port of ports) writeFileSync(join(CLAIMS_DIR, `${port}.2147483646.1`), '');
    const code = `const { claim } = await import(${MODULE}); const out = ${JSON.stringify(ports)}.filter((p) => claim(p)); ${REPORT}`;
    try {
      const [a, b] = await together(runChild(code), runChild(code));
      expect(a.filter((port) => b.includes(port))).toEqual([]);
      // Each port went to one of them, or to neither when both looked at once.
      expect(a.length + b.length).toBeGreaterThan(0);
    } finally {
      for (const name of readdirSync(CLAIMS_DIR)) if (/^61[6-8]\d\d\./.test(name)) rmSync(join(CLAIMS_DIR, name), { force: true });
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
