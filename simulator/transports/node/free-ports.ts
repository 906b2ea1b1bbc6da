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
 *   the server binds its port (then the bind itself keeps others off). Each claim is a file of
 *   its own, `<port>.<pid>.<n>`, and a process that finds another live claim on its port gives the
 *   port up: two at once may both give it up, never both keep it. (Taking over one shared file per
 *   port was not safe: two processes that found the same stale claim each removed it and made
 *   their own, the second removing the first's; two processes taking over the same 300 stale
 *   claims at once both kept 1-5 of the ports.)
 *   A claim whose process has ended, or one older than CLAIM_LIFETIME_MS, counts for nothing and is
 *   removed by whoever finds it (its name is its own, so that removes nothing else).
 * - Each one bound on 127.0.0.1 while the set is picked, so a port in use (by anything) is skipped.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the claims live: `<port>.<pid>.<n>`, empty files. */
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

/** This process's claims: port -> its claim's file name. */
const mine = new Map<number, string>();
let made = 0;
let started = false;

/** Once per process: the shared directory made, stale claims swept, this process's given back at exit. */
function start(): void {
  if (started) return;
  started = true;
  mkdirSync(CLAIMS_DIR, { recursive: true });
  for (const name of readdirSync(CLAIMS_DIR)) if (stale(name)) rmSync(join(CLAIMS_DIR, name), { force: true });
  process.once('exit', () => {
    for (const port of [...mine.keys()]) release(port);
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

const CLAIM_NAME = /^(\d+)\.([1-9]\d*)\.\d+$/;

/** A claim that counts for nothing: its process has ended, it is old, or it is not a claim's name. */
function stale(name: string): boolean {
  const parts = CLAIM_NAME.exec(name);
  if (!parts || !alive(Number(parts[2]))) return true;
  try {
    return Date.now() - statSync(join(CLAIMS_DIR, name)).mtimeMs > CLAIM_LIFETIME_MS;
  } catch {
    return true; // removed meanwhile
  }
}

/** Claims `port` for this process; false when another live claim on it exists. Exported for its test. */
export function claim(port: number): boolean {
  start();
  const name = `${port}.${process.pid}.${++made}`;
  closeSync(openSync(join(CLAIMS_DIR, name), 'wx'));
  // Ours is in the directory before we look: of two processes that claim at once, at least the
  // second to look sees the first's claim.
  for (const other of readdirSync(CLAIMS_DIR)) {
    if (other === name || !other.startsWith(`${port}.`)) continue;
    if (stale(other)) {
      rmSync(join(CLAIMS_DIR, other), { force: true });
      continue;
    }
    rmSync(join(CLAIMS_DIR, name), { force: true });
    return false;
  }
  mine.set(port, name);
  return true;
}

/** Gives a claim back (the port could not be bound, or the process is leaving). */
function release(port: number): void {
  const name = mine.get(port);
  mine.delete(port);
  if (name) rmSync(join(CLAIMS_DIR, name), { force: true });
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
    const offset = Math.floor(Math.random() * span);
    for (let i = 0; i < span && ports.length < count; i++) {
      const port = first + ((offset + i) % span);
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

/** The ports with a claim in the shared directory now, live or not (for tests). */
export function claimedPorts(): number[] {
  try {
    return [...new Set(readdirSync(CLAIMS_DIR).map((name) => Number(CLAIM_NAME.exec(name)?.[1])).filter(Number.isInteger))];
  } catch {
    return [];
  }
}
