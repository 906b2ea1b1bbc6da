/**
 * Test harness (h11 `tr()` style): feeds the same input to a fresh reader whole, one byte at a
 * time, and split at every offset, and returns the results only if all of those agree.
 */
import type { ImapCommand } from '../registry.ts';
import type { ParseBad } from './ast.ts';
import { CommandReader, type ReaderOptions, type ReaderResult } from './reader.ts';

function drain(reader: CommandReader, out: ReaderResult[]): void {
  for (let r = reader.next(); r; r = reader.next()) out.push(r);
}

/** Everything the reader yields for `chunks` fed in order. */
export function readChunks(chunks: readonly Uint8Array[], options: Partial<ReaderOptions> = {}): ReaderResult[] {
  const reader = new CommandReader(options);
  const out: ReaderResult[] = [];
  for (const chunk of chunks) {
    reader.feed(chunk);
    drain(reader, out);
  }
  return out;
}

/** The ways to cut `bytes`: whole, byte by byte, and in two at every offset. */
export function* splits(bytes: Uint8Array): Generator<Uint8Array[]> {
  yield [bytes];
  yield Array.from(bytes, (b) => Uint8Array.of(b));
  for (let i = 1; i < bytes.length; i++) yield [bytes.subarray(0, i), bytes.subarray(i)];
}

/** The results of reading `bytes`, after checking every split gives the same. */
export function readEverySplit(bytes: Uint8Array, options: Partial<ReaderOptions> = {}): ReaderResult[] {
  const whole = readChunks([bytes], options);
  const expected = JSON.stringify(whole, replacer);
  for (const chunks of splits(bytes)) {
    const got = JSON.stringify(readChunks(chunks, options), replacer);
    if (got !== expected) {
      throw new Error(`split at ${chunks.map((c) => c.length).join('+')} gave ${got}, whole gave ${expected}`);
    }
  }
  return whole;
}

function replacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? Array.from(value) : value;
}

/** Everything but continuation requests, for `text` read at every split. */
export function readTextEverySplit(text: string, options: Partial<ReaderOptions> = {}): ReaderResult[] {
  return readEverySplit(new TextEncoder().encode(text), options).filter((r) => r.kind !== 'continue');
}

function only(text: string, options: Partial<ReaderOptions>): ReaderResult {
  const line = text.endsWith('\n') ? text : `${text}\r\n`;
  const all = readTextEverySplit(line, options);
  if (all.length !== 1) throw new Error(`expected one result for ${JSON.stringify(line)}, got ${JSON.stringify(all)}`);
  return all[0]!;
}

/** The one command `text` (CRLF added if missing) parses to, at every split. */
export function parseOne(text: string, options: Partial<ReaderOptions> = {}): ImapCommand {
  const r = only(text, options);
  if (r.kind !== 'command') throw new Error(`expected a command, got ${JSON.stringify(r)}`);
  return r.command;
}

/** The BAD that `text` gets, at every split. */
export function badOne(text: string, options: Partial<ReaderOptions> = {}): ParseBad {
  const r = only(text, options);
  if (r.kind !== 'bad') throw new Error(`expected BAD, got ${JSON.stringify(r)}`);
  return r;
}
