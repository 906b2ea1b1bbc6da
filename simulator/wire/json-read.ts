/**
 * Checked readers for data parsed from JSON (a saved world, an import, a replay link): each
 * returns the value typed, or stops the read with where it was and what it found, so a file from
 * an older build or edited by hand gets "store.accounts[0].quota: expected a number, got string
 * "5"" instead of a crash later. A reader of a whole document catches `InvalidData` once and
 * hands back a `ReadResult`.
 */
import { decodeBase64 } from './base64.ts';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Thrown by the readers below; caught where a whole document is read. */
export class InvalidData extends Error {}

export function fail(message: string): never {
  throw new InvalidData(message);
}

/** What a value is, for a message: `null`, `an array`, `an object`, `string "5"`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return `number ${value}`; // NaN and Infinity too, which JSON.stringify makes "null"
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

export function obj(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${at}: expected an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

export function arr(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) fail(`${at}: expected an array, got ${describe(value)}`);
  return value;
}

/** Each item of an array read with `read`, each named by its index (`hosts[2]`) in any fault. */
export function list<T>(value: unknown, at: string, read: (item: unknown, at: string) => T): T[] {
  return arr(value, at).map((item, i) => read(item, `${at}[${i}]`));
}

export function str(value: unknown, at: string): string {
  if (typeof value !== 'string') fail(`${at}: expected a string, got ${describe(value)}`);
  return value;
}

export function bool(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') fail(`${at}: expected true or false, got ${describe(value)}`);
  return value;
}

export function num(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${at}: expected a number, got ${describe(value)}`);
  return value;
}

export function int(value: unknown, at: string, min: number): number {
  const n = num(value, at);
  if (!Number.isSafeInteger(n) || n < min) fail(`${at}: expected an integer ≥ ${min}, got ${n}`);
  return n;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], at: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`${at}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

/**
 * How octets are kept: base64 in JSON (files, exports), or the bytes themselves where the
 * storage keeps binary data (IndexedDB's structured clone).
 */
export type RawOctets = string | Uint8Array;

/** Octets: bytes as a binary storage keeps them (copied), or base64 as JSON does (RFC 4648). */
export function octets(value: unknown, at: string): Uint8Array {
  if (value instanceof Uint8Array) return value.slice();
  const raw = decodeBase64(str(value, at));
  if (!raw) fail(`${at}: not valid base64`);
  return raw;
}
