/**
 * `npm run serve` as its own process, for the benchmarks that must see what a real client sees
 * (and the process's memory): free loopback ports, started and stopped by the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePorts } from '../simulator/transports/node/free-ports.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ServeProcess {
  ports: { smtp: number; pop3: number; imap: number };
  pid: number;
  /** Resident set size now, from /proc (Linux), in octets; null elsewhere. */
  rss(): number | null;
  stop(): Promise<void>;
}

/** Runs serve.ts under tsx with `args` added, plaintext auth on, user bench/bench; waits until it listens. */
export async function startServeProcess(args: readonly string[] = []): Promise<ServeProcess> {
  const [smtp, pop3, imap] = (await freePorts(3)) as [number, number, number];
  const ports = { smtp, pop3, imap };
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'simulator/transports/node/serve.ts', '--smtp', String(ports.smtp), '--pop3', String(ports.pop3), '--imap', String(ports.imap), '--user', 'bench:bench', '--plaintext-auth', ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/^serving /m.test(output)) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`serve exited (${code}):\n${output}`));
    });
  });
  child.stdout!.resume();
  child.stderr!.resume();
  const pid = child.pid!;
  return {
    ports,
    pid,
    rss: () => {
      try {
        const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return kb ? Number(kb[1]) * 1024 : null;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}
