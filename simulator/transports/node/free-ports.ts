/**
 * Loopback ports for a server that has to be told its port numbers (Dovecot, Postfix,
 * redis-server, websockify, a child `npm run serve`), free until that server binds them:
 * - Outside the kernel's ephemeral range (Linux: net.ipv4.ip_local_port_range, 32768-60999),
 *   from which every outgoing connection on the machine takes its local port. Picked inside it,
 *   a port could be taken by any connect() in the second or two before Postfix binds it; in a
 *   clean-clone CI run with the live e2e tests in parallel, Postfix failed so: "fatal: bind
 *   127.0.0.1 port 36431: Address already in use".
 * - Claimed with a file in a directory that every process on the machine shares, so two test
 *   workers (or a test and the bench) never pick the same one. A claim only has to last until
 *   the server binds its port (then the bind itself keeps others off): one older than
 *   CLAIM_LIFETIME_MS, or whose process has ended, is taken over, and old ones are swept.
 * - Each one bound on 127.0.0.1 while the set is picked, so a port in use (by anything) is skipped.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the claims live: `<port>`, holding the claiming process's pid. */
export const CLAIMS_DIR = join(tmpdir(), 'mailwire-port-claims');
/** The first port picked from: above most services' registered ports. */
const LOWEST = 10_000;
/** How long a claim holds: far longer than any server here takes to start and bind. */
const CLAIM_LIFETIME_MS = 10 * 60_000;

/** The ports below the ephemeral range, from LOWEST: [first, last]. */
function range(): [number, number] {
  let ephemeralLow = 32_768;
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(low) && low > LOWEST + 1000) ephemeralLow = low;
  } catch {
    // Not Linux: 10000-32767 lies below macOS's and Windows's ephemeral range too (49152 up).
  }
  return [LOWEST, ephemeralLow - 1];
}

const mine = new Set<number>();
let started = false;

/** Once per process: the shared directory made, old claims swept, this process's given back at exit. */
function start(): void {
  if (started) return;
  started = true;
  mkdirSync(CLAIMS_DIR, { recursive: true });
  sweep();
  process.once('exit', () => {
    for (const port of mine) release(port);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims `port` for this process; false when a live process holds it. Exported for its test. */
export function claim(port: number): boolean {
  start();
  const path = join(CLAIMS_DIR, String(port));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      mine.add(port);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        continue; // given back meanwhile: try again
      }
      // A claim still being written has no pid yet: it is live. One of an ended process, or an
      // old one, is stale.
      const holder = /^[1-9][0-9]*$/.test(text) ? Number(text) : null;
      if (holder === process.pid) return false;
      if (!expired(path) && (holder === null || alive(holder))) return false;
      rmSync(path, { force: true });
    }
  }
  return false;
}

function expired(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > CLAIM_LIFETIME_MS;
  } catch {
    return false;
  }
}

/** Gives a claim back (the port could not be bound, or the process is leaving). */
function release(port: number): void {
  mine.delete(port);
  rmSync(join(CLAIMS_DIR, String(port)), { force: true });
}

/** Removes old claims, left by processes that were killed before they could give theirs back. */
function sweep(): void {
  for (const name of readdirSync(CLAIMS_DIR)) if (expired(join(CLAIMS_DIR, name))) rmSync(join(CLAIMS_DIR, name), { force: true });
}

function bind(port: number): Promise<Server | null> {
  return new Promise((ok) => {
    const server = createServer();
    server.once('error', () => ok(null));
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

export async function freePorts(count: number): Promise<number[]> {
  start();
  const [first, last] = range();
  const span = last - first + 1;
  const held: Server[] = [];
  const ports: number[] = [];
  try {
    // From a random start, so processes do not all try the same ports first.
    const start = Math.floor(Math.random() * span);
    for (let i = 0; i < span && ports.length < count; i++) {
      const port = first + ((start + i) % span);
      if (mine.has(port) || !claim(port)) continue;
      const server = await bind(port);
      if (!server) {
        release(port);
        continue;
      }
      held.push(server);
      ports.push(port);
    }
    if (ports.length < count) throw new Error(`freePorts: only ${ports.length} of ${count} free ports in ${first}-${last}`);
    return ports;
  } finally {
    await Promise.all(held.map((server) => new Promise<void>((ok) => server.close(() => ok()))));
  }
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

/** The claim files in the shared directory now (for tests). */
export function claimedPorts(): number[] {
  try {
    return readdirSync(CLAIMS_DIR).map(Number).filter(Number.isInteger);
  } catch {
    return [];
  }
}
