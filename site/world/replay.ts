/**
 * The shareable replay link: `/lab/#replay=…` carries the lines typed in each terminal (slash
 * commands included), so another browser can rerun them on a fresh default world.
 * Encoding: UTF-8 JSON `{v: 1, t: [[line, …], …]}` in base64url (RFC 4648 §5), no padding.
 */
import { decodeBase64Lenient, encodeBase64 } from '../../simulator/wire/base64.ts';

export const REPLAY_PREFIX = '#replay=';
const VERSION = 1;
/** A link longer than this would not survive being pasted into chat or mail. */
export const MAX_REPLAY_LINES = 500;

export interface ReplayScript {
  /** Per terminal, the lines in the order they were entered. */
  terminals: string[][];
  /** Which terminal each line came from, in the order entered across terminals (absent: one after another). */
  order?: number[];
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
  const json = JSON.stringify(order ? { v: VERSION, t: terminals, o: order } : { v: VERSION, t: terminals });
  return REPLAY_PREFIX + toBase64Url(new TextEncoder().encode(json));
}

/** The script in a location hash, or null when the hash holds none (or a damaged one). */
export function decodeReplay(hash: string): ReplayScript | null {
  if (!hash.startsWith(REPLAY_PREFIX)) return null;
  const bytes = fromBase64Url(hash.slice(REPLAY_PREFIX.length));
  if (!bytes) return null;
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { v, t, o } = data as { v?: unknown; t?: unknown; o?: unknown };
  if (v !== VERSION || !Array.isArray(t) || t.length === 0 || t.length > 8) return null;
  const terminals: string[][] = [];
  for (const lines of t) {
    if (!Array.isArray(lines) || lines.length > MAX_REPLAY_LINES || !lines.every((l) => typeof l === 'string')) return null;
    terminals.push(lines as string[]);
  }
  if (o === undefined) return { terminals };
  return validOrder(o, terminals) ? { terminals, order: o } : null;
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
