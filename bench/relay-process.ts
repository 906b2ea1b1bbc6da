/**
 * The relay in its own process (bench/relay-process-child.ts), as `npm run relay` runs it: its RSS
 * is its own, and it does not share an event loop with the bench's clients and servers, just as
 * websockify does not.
 */
import { fork } from 'node:child_process';

/** process.memoryUsage() of the relay when its RSS peaked: V8's heap, and Buffers' memory outside it. */
export interface MemoryAtPeak {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  /** Memory of C++ objects bound to JavaScript ones, Buffers' bytes included. */
  external: number;
  /** The part of `external` that is ArrayBuffers (every Buffer's bytes). */
  arrayBuffers: number;
  /** Bytes the sessions held then (RelayHandle.buffered()): the live part of arrayBuffers. */
  heldToBrowser: number;
  heldToServer: number;
}

export interface RelayProcess {
  url: string;
  pid: number;
  ask(type: 'peak' | 'reset' | 'stop'): Promise<{ rss: number; memory?: MemoryAtPeak; sessions: number; up?: number; down?: number; pauses?: string }>;
}

/** Starts a relay that may connect to `targetPort` on loopback; `execArgv` e.g. `--cpu-prof`. */
export async function startRelayProcess(targetPort: number, execArgv: readonly string[] = []): Promise<RelayProcess> {
  const child = fork(new URL('./relay-process-child.ts', import.meta.url).pathname, [String(targetPort)], { execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const url = await new Promise<string>((ok, fail) => {
    child.once('message', (m: { url: string }) => ok(m.url));
    child.once('exit', (code) => fail(new Error(`the relay exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    ask: (type) =>
      new Promise((ok) => {
        if (type === 'stop') {
          child.once('exit', () => ok({ rss: 0, sessions: 0 }));
          child.send({ type });
          return;
        }
        if (type === 'reset') {
          child.send({ type });
          return ok({ rss: 0, sessions: 0 });
        }
        child.once('message', (m: { rss: number; memory: MemoryAtPeak; sessions: number; up: number; down: number; pauses: string }) => ok(m));
        child.send({ type });
      }),
  };
}
