/**
 * Shared by the real-client conformance tests: servers on ephemeral ports, running external
 * clients (python3, curl, fetchmail), and comparing stored messages apart from trace headers.
 */
import { execFile } from 'node:child_process';
import type { Socket } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredMessage } from '../../store/types.ts';
import type { World } from '../../world/world.ts';
import { startServers, type RunningServers } from './servers.ts';
import type { ServiceName } from './services.ts';

export const HERE = new URL('.', import.meta.url).pathname;

/** Every service on an ephemeral port over a fresh default world, plus the test users. */
export async function startTestServers(): Promise<RunningServers> {
  const ports: Partial<Record<ServiceName, number>> = {
    smtp: 0, submission: 0, submissions: 0, pop3: 0, pop3s: 0, imap: 0, imaps: 0,
  };
  const running = await startServers({
    ports,
    users: [
      { name: 'dave', password: 'diver' },
      { name: 'erin', password: 'engineer' },
      { name: 'frank', password: 'fisher' },
      { name: 'grace', password: 'gardener' },
      { name: 'δοκιμή@example.com', password: 'utf8pass' },
    ],
    onError: (session, error) => console.error(`${session}: engine error`, error),
  });
  if (running.missing.length) {
    console.error(`conformance: engines missing: ${running.missing.map((m) => `${m.service} (${m.reason})`).join('; ')}`);
  }
  return running;
}

export function port(servers: RunningServers, service: ServiceName): number {
  const found = servers.ports[service];
  if (found === undefined) throw new Error(`${service} is not running: ${servers.missing.find((m) => m.service === service)?.reason ?? '?'}`);
  return found;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a client program; never rejects, so a test can show what the client printed. */
export function run(file: string, args: readonly string[], options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout: options.timeoutMs ?? 20_000, maxBuffer: 64 << 20, env: { ...process.env, ...options.env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        // A client that is not installed: say so (simulator/transports/node/conformance-tools.sh installs it).
        const missing = error && error.code === 'ENOENT' ? `${file} is not installed: run conformance-tools.sh\n` : '';
        resolve({ code, stdout, stderr: missing + stderr });
      },
    );
  });
}

/** Runs one of the Python client scripts beside this file; it prints one JSON object. */
export async function python<T>(script: string, args: readonly (string | number)[]): Promise<T> {
  const result = await run('python3', [join(HERE, script), ...args.map(String)], { timeoutMs: 30_000 });
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.code !== 0 || !last.startsWith('{')) {
    throw new Error(`${script} ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  return JSON.parse(last) as T;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mailwire-conformance-'));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** A message with CRLF line ends, as the client will send it. */
export function crlfMessage(lines: readonly string[]): Buffer {
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * RFC 5321 §4.4: the receiving server prepends `Return-Path:` and `Received:` (continuation lines
 * included); everything after them must be the client's bytes.
 */
export function withoutTrace(raw: Uint8Array): Buffer {
  const text = Buffer.from(raw).toString('latin1');
  let at = 0;
  for (;;) {
    const match = /^(Return-Path|Received|Delivered-To|X-Original-To):[^\r\n]*\r\n(?:[ \t][^\r\n]*\r\n)*/i.exec(text.slice(at));
    if (!match) break;
    at += match[0].length;
  }
  return Buffer.from(text.slice(at), 'latin1');
}

export function traceHeaders(raw: Uint8Array): string {
  const full = Buffer.from(raw);
  return full.subarray(0, full.length - withoutTrace(raw).length).toString('latin1');
}

export function inbox(world: World, address: string, mailbox = 'INBOX'): readonly StoredMessage[] {
  return world.store.mailbox(address, mailbox)?.messages ?? [];
}

/** The stored message whose body contains `marker` (mail may reach a mailbox a moment later). */
export async function delivered(world: World, address: string, marker: string, timeoutMs = 5_000): Promise<StoredMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = inbox(world, address).find((m) => Buffer.from(m.raw).includes(marker));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no message with "${marker}" in ${address}'s INBOX`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function waitFor(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Reads lines from `reader` until one matches `last`; returns them all, the match last. */
export async function readUntil(reader: { next(): Promise<string> }, last: RegExp): Promise<string[]> {
  const seen: string[] = [];
  for (;;) {
    const line = await reader.next();
    seen.push(line);
    if (last.test(line)) return seen;
  }
}

/** Reads CRLF lines from a socket, one `next()` at a time. */
export function lines(socket: Socket): { next(): Promise<string>; closed: Promise<void> } {
  let buffer = '';
  const waiting: Array<(line: string) => void> = [];
  const ready: string[] = [];
  let searched = 0;
  const onData = (chunk: Buffer): void => {
    buffer += chunk.toString('latin1');
    let i: number;
    while ((i = buffer.indexOf('\r\n', searched)) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      searched = 0;
      const resolve = waiting.shift();
      if (resolve) resolve(line);
      else ready.push(line);
    }
    searched = Math.max(0, buffer.length - 1);
  };
  socket.on('data', onData);
  return {
    next: () => new Promise((resolve) => (ready.length ? resolve(ready.shift()!) : waiting.push(resolve))),
    closed: new Promise((resolve) => socket.once('close', () => resolve())),
  };
}
