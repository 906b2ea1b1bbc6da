/**
 * The servers on one CPU and the clients on another, when the machine has two or more (Linux,
 * `taskset` from util-linux). Unpinned on the 2-core development machine, a Python client that
 * shared a CPU with the server it read from spent 46-87 ms of its own CPU on the same FETCH
 * ENVELOPE of 10,000 (the same octets, from either server), so a client-bound row's ratio moved by
 * +-30% between rounds; pinned, 45-50 ms. Every server gets the same CPU (Dovecot's and Postfix's
 * processes, and Node's threads), and every client the other.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { descendants } from './process-cpu.ts';

export interface Pinning {
  /** CPU list, as taskset takes it, for the servers and for the clients. */
  server: string;
  client: string;
}

/** Where servers and clients run, or null when they cannot be kept apart here (and why). */
export function cpuPinning(): { pinning: Pinning } | { pinning: null; why: string } {
  if (process.platform !== 'linux') return { pinning: null, why: 'CPU pinning is done on Linux only' };
  const cpus = availableParallelism();
  if (cpus < 2) return { pinning: null, why: 'one CPU: servers and clients share it' };
  if (spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status !== 0) return { pinning: null, why: 'taskset (util-linux) is not installed' };
  return { pinning: { server: '0', client: cpus === 2 ? '1' : `1-${cpus - 1}` } };
}

/**
 * Moves `pid`, every thread of it and every process below it to `cpus`. Processes they start
 * later (Dovecot's imap and pop3 per login, Postfix's smtpd) inherit it.
 */
export function pinProcessTree(pid: number, cpus: string): void {
  for (const p of [pid, ...descendants(pid)]) {
    const r = spawnSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(p)], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`taskset ${cpus} ${p}: ${r.stderr.toString().trim() || r.status}`);
  }
}

/** The command and arguments that run `command args` on the client CPUs (as they are, without pinning). */
export function onClientCpus(pinning: Pinning | null, command: string, args: readonly string[]): [string, string[]] {
  return pinning ? ['taskset', ['--cpu-list', pinning.client, command, ...args]] : [command, [...args]];
}
