import type { StoreError, StoreResult } from './types.ts';

export function ok<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}

export function fail<T>(error: StoreError, message: string): StoreResult<T> {
  return { ok: false, error, message };
}
