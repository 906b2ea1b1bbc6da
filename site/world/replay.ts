/**
 * The shareable replay link: `/lab/#replay=…` carries the lines typed in each terminal (slash
 * commands included), so another browser can rerun them on a fresh default world (or, version 3, the world it carries).
 * Encoding: UTF-8 JSON `{v: 1, t: [[line, …], …]}` in base64url (RFC 4648 §5), no padding.
 * Version 2 adds what makes the run repeat byte for byte (the lab's timeline): `s` the world's
 * random seed (base64url), `a` when it started (ms since 1970) and `d` each line's delay after
 * the one before (ms, in entry order). `&step=N` after it names the timeline step to show.
 * Version 3 is version 2 plus `&w=…` after the body: the world the session started from (when it
 * was not the default world), deflated, in base64url (replay-world.ts packs and checks it). It sits
 * outside the JSON so it is base64-encoded once, not twice.
 * Nothing of it is sent anywhere: a fragment stays in the browser.
 */
import { decodeBase64Lenient, encodeBase64 } from '../../simulator/wire/base64.ts';

export const REPLAY_PREFIX = '#replay=';
const VERSION = 1;
const TIMED = 2;
const WITH_WORLD = 3;
/** The world's random seed, in bytes. */
export const SEED_BYTES = 32;
/** A link longer than this would not survive being pasted into chat or mail. */
export const MAX_REPLAY_LINES = 500;

export interface ReplayScript {
  /** Per terminal, the lines in the order they were entered. */
  terminals: string[][];
  /** Which terminal each line came from, in the order entered across terminals (absent: one after another). */
  order?: number[];
  /** The world's random seed (version 2). */
  seed?: Uint8Array;
  /** When the world started (version 2). */
  startedAt?: number;
  /** When each line was entered, in entry order (version 2). */
  times?: number[];
  /** The start world's JSON, deflated (version 3; replay-world.ts). */
  world?: Uint8Array;
  /** The timeline step the link points at (`&step=N`). */
  step?: number;
}

/** Builds a script from lines in the order they were entered, each with its terminal's index. */
export function scriptFromLog(log: ReadonlyArray<{ terminal: number; line: string }>): ReplayScript {
  const kept = log.slice(-MAX_REPLAY_LINES);
  const count = Math.max(0, ...kept.map((e) => e.terminal + 1));
  const terminals: string[][] = Array.from({ length: Math.max(1, count) }, () => []);
  for (const e of kept) terminals[e.terminal]!.push(e.line);
  return { terminals, order: kept.map((e) => e.terminal) };
}

/** RFC 4648 §5: the URL- and filename-safe alphabet, padding left off. */
function toBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  // A length of 1 more than a multiple of 4 holds no whole octet: not base64 (atob refused it too).
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  return decodeBase64Lenient(text.replace(/-/g, '+').replace(/_/g, '/'));
}

export function encodeReplay(script: ReplayScript): string {
  const terminals = script.terminals.map((lines) => lines.slice(-MAX_REPLAY_LINES));
  const total = terminals.reduce((n, t) => n + t.length, 0);
  const order = script.order && script.order.length === total ? script.order : undefined;
  const timed = script.seed && script.startedAt !== undefined && script.times?.length === total && total === script.terminals.reduce((n, t) => n + t.length, 0);
  // A start world without the seed and times would not replay the same: it goes with them only.
  const data: Record<string, unknown> = { v: timed ? (script.world ? WITH_WORLD : TIMED) : VERSION, t: terminals };
  if (order) data.o = order;
  if (timed) {
    data.s = toBase64Url(script.seed!);
    data.a = script.startedAt;
    data.d = script.times!.map((t, i) => t - (i === 0 ? script.startedAt! : script.times![i - 1]!));
  }
  const world = timed && script.world ? `&w=${toBase64Url(script.world)}` : '';
  const step = script.step === undefined ? '' : `&step=${script.step}`;
  return REPLAY_PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(data))) + world + step;
}

/** The script in a location hash, or null when the hash holds none (or a damaged one). */
export function decodeReplay(hash: string): ReplayScript | null {
  if (!hash.startsWith(REPLAY_PREFIX)) return null;
  const [body = '', ...params] = hash.slice(REPLAY_PREFIX.length).split('&');
  const bytes = fromBase64Url(body);
  if (!bytes) return null;
  const decoded = decodeBody(bytes);
  if (!decoded) return null;
  let script: ReplayScript = decoded.script;
  if (decoded.withWorld) {
    // Version 3: the world must be there (its contents are checked when it is inflated).
    const w = params.map((p) => /^w=([A-Za-z0-9_-]+)$/.exec(p)?.[1]).find((s) => s !== undefined);
    const world = w === undefined ? null : fromBase64Url(w);
    if (!world) return null;
    script = { ...script, world };
  }
  const step = params.map((p) => /^step=(\d{1,6})$/.exec(p)?.[1]).find((s) => s !== undefined);
  return step === undefined ? script : { ...script, step: Number(step) };
}

function decodeBody(bytes: Uint8Array): { script: ReplayScript; withWorld: boolean } | null {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { v, t, o } = data as { v?: unknown; t?: unknown; o?: unknown };
  if ((v !== VERSION && v !== TIMED && v !== WITH_WORLD) || !Array.isArray(t) || t.length === 0 || t.length > 8) return null;
  const terminals: string[][] = [];
  for (const lines of t) {
    if (!Array.isArray(lines) || lines.length > MAX_REPLAY_LINES || !lines.every((l) => typeof l === 'string')) return null;
    terminals.push(lines as string[]);
  }
  if (o !== undefined && !validOrder(o, terminals)) return null;
  const script: ReplayScript = o === undefined ? { terminals } : { terminals, order: o as number[] };
  if (v === VERSION) return { script, withWorld: false };
  const timed = withTimes(script, data as { s?: unknown; a?: unknown; d?: unknown });
  return timed && { script: timed, withWorld: v === WITH_WORLD };
}

/** Version 2's seed, start and delays, checked: a damaged one gives null, never a wrong replay. */
function withTimes(script: ReplayScript, { s, a, d }: { s?: unknown; a?: unknown; d?: unknown }): ReplayScript | null {
  const seed = typeof s === 'string' ? fromBase64Url(s) : null;
  const total = script.terminals.reduce((n, t) => n + t.length, 0);
  if (!seed || seed.length !== SEED_BYTES || typeof a !== 'number' || !Number.isSafeInteger(a) || !Array.isArray(d) || d.length !== total) return null;
  if (!d.every((x) => Number.isSafeInteger(x) && x >= 0)) return null;
  const times: number[] = [];
  let at = a;
  for (const delay of d as number[]) times.push((at += delay));
  return { ...script, seed, startedAt: a, times };
}

/** The order names existing terminals, each exactly as often as it has lines. */
function validOrder(o: unknown, terminals: readonly string[][]): o is number[] {
  if (!Array.isArray(o)) return false;
  const counts = terminals.map(() => 0);
  for (const i of o) {
    if (!Number.isInteger(i) || i < 0 || i >= terminals.length) return false;
    counts[i]!++;
  }
  return counts.every((n, i) => n === terminals[i]!.length);
}
