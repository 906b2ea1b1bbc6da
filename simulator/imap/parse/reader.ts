/**
 * The streaming command reader: bytes in at any split, whole commands out (RFC 9051 §2.2.1).
 *
 * A command is lines joined by literals. When a line ends in `{n}` the reader parses what it has
 * so far: if the command is already wrong, or the literal too large, the answer is BAD/NO and the
 * literal is not asked for (RFC 9051 §7.6: the continuation request "permits the server to process
 * commands and reject errors on a line-by-line basis", as in `A044 BLURDYBLOOP {102856}`).
 * Otherwise a synchronizing literal yields `continue` so the server sends `+`, and a
 * non-synchronizing one (`{n+}`, RFC 9051 §4.3, RFC 7888) is read straight on; a refused one is
 * read and dropped, since the client sends it without waiting — or, when it is larger than
 * `maxDiscard`, not read at all: the server answers and closes (RFC 7888 §4, the second choice).
 * Both kinds are refused as soon as they are announced when the session's state does not take the
 * command (`admit`), so no client can make the server hold a literal it will refuse anyway.
 * Memory is bounded: lines by `maxLine`, a command by `maxCommand` plus its APPEND message.
 */
import { concatBytes, latin1Text } from '../../wire/bytes.ts';
import { type Line, LineBuffer } from '../../wire/line-buffer.ts';
import type { ImapCommand } from '../registry.ts';
import type { ParseBad } from './ast.ts';
import { type LiteralWanted, type ParseOptions, parseCommand } from './command.ts';

export interface ReaderOptions extends ParseOptions {
  /** Octets per line including CRLF, outside literals. */
  maxLine: number;
  /** Largest literal that is not an APPEND message. */
  maxLiteral: number;
  /** Largest APPEND message (RFC 9051 §7.1 TOOBIG above it). */
  maxMessage: number;
  /** Lines plus non-message literals of one command. */
  maxCommand: number;
  /** Literals in one command (each makes the reader re-parse the command so far). */
  maxLiterals: number;
  /** LITERAL+ (RFC 7888); when false the server is LITERAL-: `{n+}` only up to 4096 octets. */
  literalPlus: boolean;
  /** Largest refused non-synchronizing literal that is read and dropped; a larger one ends the connection. */
  maxDiscard: number;
  /**
   * Whether the session takes this command now: null, or why not (a BAD's text). Asked when a
   * literal is announced, before any of its octets is read.
   */
  admit?: (verb: string) => string | null;
}

export const DEFAULT_READER_OPTIONS: ReaderOptions = {
  maxLine: 64 * 1024,
  maxLiteral: 64 * 1024,
  maxMessage: 25 * 1024 * 1024,
  maxCommand: 256 * 1024,
  maxLiterals: 100,
  literalPlus: false,
  maxDiscard: 64 * 1024,
  utf8Names: false,
};

/** RFC 9051 §4.3: "non-synchronizing literals MUST NOT be larger than 4096 octets" (LITERAL-, RFC 7888). */
export const LITERAL_MINUS_MAX = 4096;

/** The client asked to send a literal the server will not take: answer `tag NO [TOOBIG] ...`. */
export interface ReaderTooBig {
  kind: 'no';
  tag: string;
  code: 'TOOBIG';
  message: string;
}

export type ReaderResult =
  | { kind: 'command'; command: ImapCommand }
  | ParseBad
  | ReaderTooBig
  /** A synchronizing literal is wanted: send `+ Ready for literal data`, then keep feeding. */
  | { kind: 'continue'; tag: string; verb: string }
  /**
   * A non-synchronizing literal of `size` octets was refused and is too large to read and drop
   * (RFC 7888 §4): answer `refusal`, then `* BYE [TOOBIG]` and close.
   */
  | ReaderHangUp;

export interface ReaderHangUp {
  kind: 'hangup';
  tag: string;
  refusal: ParseBad | ReaderTooBig;
  size: number;
}

interface LiteralHeader {
  size: number;
  sync: boolean;
}

/** `{n}`, `{n+}`, `~{n}` at the end of a line (RFC 9051 §9 literal, RFC 3516 literal8). */
function literalHeader(line: Uint8Array): LiteralHeader | null {
  if (line[line.length - 1] !== 0x7d) return null;
  const tail = latin1Text(line.subarray(Math.max(0, line.length - 40)));
  const m = /\{(\d+)(\+?)\}$/.exec(tail);
  if (!m) return null;
  return { size: Number(m[1]), sync: m[2] !== '+' };
}

type Mode =
  | { kind: 'line' }
  | { kind: 'literal'; remaining: number }
  /** Dropping a refused non-synchronizing literal, then the rest of its command. */
  | { kind: 'skip'; remaining: number };

/** @rfc 9051#4.3 @rfc 9051#7.6 */
export class CommandReader {
  readonly options: ReaderOptions;
  private readonly input = new LineBuffer();
  private parts: Uint8Array[] = [];
  private size = 0;
  private literals = 0;
  private mode: Mode = { kind: 'line' };

  constructor(options: Partial<ReaderOptions> = {}) {
    this.options = { ...DEFAULT_READER_OPTIONS, ...options };
  }

  feed(bytes: Uint8Array): void {
    this.input.push(bytes);
  }

  /** Octets held: unread input plus the command being assembled. */
  get buffered(): number {
    return this.input.length + this.size;
  }

  /** The next octets are a literal's (kept or being dropped), not a command line (RFC 9051 §4.3). */
  get inLiteral(): boolean {
    return this.mode.kind !== 'line';
  }

  /** Drops all input (RFC 3207 §4.2 / RFC 9051 §6.2.1: nothing sent before TLS survives it). */
  clear(): void {
    this.input.clear();
    this.reset();
  }

  /**
   * A raw line for the server's own continuations: IDLE's DONE (RFC 2177) and SASL responses
   * (RFC 9051 §6.2.2). Only between commands.
   */
  nextLine(): Line | null {
    if (this.mode.kind !== 'line' || this.parts.length) throw new Error('nextLine() in the middle of a command');
    return this.input.readLine(this.options.maxLine);
  }

  /** The next result, or null until more input arrives. */
  next(): ReaderResult | null {
    for (;;) {
      const mode = this.mode;
      if (mode.kind === 'skip') {
        if (!this.skip(mode)) return null;
        continue;
      }
      if (mode.kind === 'literal') {
        if (!this.readLiteral(mode)) return null;
        continue;
      }
      const line = this.input.readLine(this.options.maxLine);
      if (!line) return null;
      const result = this.onLine(line);
      if (result) return result;
    }
  }

  private onLine(line: Line): ReaderResult | null {
    if (line.overflow) {
      const tag = this.parts.length ? this.tagSoFar() : '*';
      this.reset();
      // The dropped line may have announced literals, so what follows can't be framed.
      return { kind: 'bad', tag, message: `line longer than ${this.options.maxLine} octets`, fatal: true };
    }
    this.append(line.bytes);
    const header = literalHeader(line.bytes);
    if (!header) {
      const outcome = parseCommand(concatBytes(this.parts), this.options);
      this.reset();
      return outcome.kind === 'literal' ? this.bad(outcome.tag, 'unexpected literal') : outcome;
    }
    this.append(new Uint8Array([0x0d, 0x0a]));
    const all = concatBytes(this.parts);
    this.parts = [all];
    const outcome = parseCommand(all, this.options, all.length);
    if (outcome.kind !== 'literal') {
      const refusal = outcome.kind === 'bad' ? outcome : this.bad(outcome.command.tag, 'unexpected literal');
      return this.refuse(header, refusal);
    }
    const refusal = this.checkLiteral(outcome) ?? this.admitLiteral(outcome);
    if (refusal) return this.refuse(header, refusal);
    this.literals++;
    this.mode = { kind: 'literal', remaining: outcome.size };
    return outcome.sync ? { kind: 'continue', tag: outcome.tag, verb: outcome.verb } : null;
  }

  /** RFC 9051 §6: a command the state does not allow is refused before its literal is read. */
  private admitLiteral(lit: LiteralWanted): ParseBad | null {
    const why = this.options.admit?.(lit.verb);
    return why ? this.bad(lit.tag, why) : null;
  }

  /** RFC 9051 §4.3 / RFC 7888: limits a literal must meet before it is read. */
  private checkLiteral(lit: LiteralWanted): ParseBad | ReaderTooBig | null {
    const o = this.options;
    const what = lit.verb ? `${lit.verb}: ` : '';
    if (!lit.sync && !o.literalPlus && lit.size > LITERAL_MINUS_MAX) {
      return this.bad(lit.tag, `${what}non-synchronizing literal of ${lit.size} octets; LITERAL- allows ${LITERAL_MINUS_MAX} (use {${lit.size}})`);
    }
    if (lit.purpose === 'message') {
      if (lit.size <= o.maxMessage) return null;
      return { kind: 'no', tag: lit.tag, code: 'TOOBIG', message: `${what}message of ${lit.size} octets is larger than the limit of ${o.maxMessage}` };
    }
    if (lit.size > o.maxLiteral) return this.bad(lit.tag, `${what}literal of ${lit.size} octets is larger than the limit of ${o.maxLiteral}`);
    if (this.size + lit.size > o.maxCommand) return this.bad(lit.tag, `${what}command longer than ${o.maxCommand} octets`);
    if (this.literals >= o.maxLiterals) return this.bad(lit.tag, `${what}more than ${o.maxLiterals} literals in one command`);
    return null;
  }

  /**
   * A refused synchronizing literal is never sent (RFC 9051 §7.6). A non-synchronizing one comes
   * anyway: up to `maxDiscard` octets it is read and dropped, never stored; a larger one is not
   * read at all and the connection ends (RFC 7888 §4: BAD/NO before the literal is read, then BYE).
   */
  private refuse(header: LiteralHeader, result: ParseBad | ReaderTooBig): ReaderResult {
    this.reset();
    if (header.sync) return result;
    if (!Number.isSafeInteger(header.size) || header.size > this.options.maxDiscard) return { kind: 'hangup', tag: result.tag, refusal: result, size: header.size };
    this.mode = { kind: 'skip', remaining: header.size };
    return result;
  }

  private readLiteral(mode: { kind: 'literal'; remaining: number }): boolean {
    const chunk = this.input.readUpTo(mode.remaining);
    if (chunk.length) this.append(chunk);
    mode.remaining -= chunk.length;
    if (mode.remaining > 0) return false;
    this.mode = { kind: 'line' };
    return true;
  }

  /** Drops the refused literal, then the rest of the command and any non-sync literals in it. */
  private skip(mode: { kind: 'skip'; remaining: number }): boolean {
    if (mode.remaining > 0) {
      mode.remaining -= this.input.readUpTo(mode.remaining).length;
      if (mode.remaining > 0) return false;
    }
    const line = this.input.readLine(this.options.maxLine);
    if (!line) return false;
    const header = line.overflow ? null : literalHeader(line.bytes);
    this.mode = header && !header.sync ? { kind: 'skip', remaining: header.size } : { kind: 'line' };
    return true;
  }

  private bad(tag: string, message: string): ParseBad {
    return { kind: 'bad', tag, message };
  }

  private tagSoFar(): string {
    const outcome = parseCommand(concatBytes(this.parts), this.options, -1);
    return outcome.kind === 'command' ? outcome.command.tag : outcome.tag;
  }

  private append(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.size += bytes.length;
  }

  private reset(): void {
    this.parts = [];
    this.size = 0;
    this.literals = 0;
    this.mode = { kind: 'line' };
  }
}
