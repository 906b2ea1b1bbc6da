/** Literal framing and limits of the command reader (RFC 9051 §4.3, §7.6; RFC 7888). */
import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8Text } from '../../wire/bytes.ts';
import { CommandReader, type ReaderResult } from './reader.ts';
import { readEverySplit } from './split-feed.ts';

const kinds = (rs: ReaderResult[]): string[] =>
  rs.map((r) => (r.kind === 'command' ? `${r.command.tag} ${r.command.name}` : `${r.kind} ${r.tag}`));

function read(text: string, options = {}): ReaderResult[] {
  return readEverySplit(utf8Bytes(text), options);
}

describe('synchronizing literals (RFC 9051 §7.6)', () => {
  it('asks for each literal once, only when the command so far is valid', () => {
    const reader = new CommandReader();
    reader.feed(utf8Bytes('a LOGIN {5}\r\n'));
    expect(reader.next()).toEqual({ kind: 'continue', tag: 'a', verb: 'LOGIN' });
    expect(reader.next()).toBeNull();
    reader.feed(utf8Bytes('alice {10}\r\n'));
    expect(reader.next()).toEqual({ kind: 'continue', tag: 'a', verb: 'LOGIN' });
    expect(reader.next()).toBeNull();
    reader.feed(utf8Bytes('wonderland\r\n'));
    expect(reader.next()).toEqual({ kind: 'command', command: { tag: 'a', name: 'LOGIN', user: 'alice', password: 'wonderland' } });
    expect(reader.next()).toBeNull();
    expect(reader.buffered).toBe(0);
  });

  it('a literal holding CRLF and command-like text is data, not commands', () => {
    const body = 'Subject: x\r\n\r\nb NOOP\r\n';
    const rs = read(`a APPEND INBOX {${body.length}}\r\n${body}\r\nc NOOP\r\n`);
    expect(kinds(rs)).toEqual(['continue a', 'a APPEND', 'c NOOP']);
    const append = rs[1];
    if (append?.kind !== 'command' || append.command.name !== 'APPEND') throw new Error('no APPEND');
    expect(utf8Text(append.command.message)).toBe(body);
  });

  it('refuses without reading when the command is already wrong (RFC 9051 §7.6)', () => {
    expect(read('a FROB {5}\r\nb NOOP\r\n')).toEqual([
      { kind: 'bad', tag: 'a', message: 'unknown command "FROB"' },
      { kind: 'command', command: { tag: 'b', name: 'NOOP' } },
    ]);
    expect(kinds(read('a NOOP {5}\r\nb NOOP\r\n'))).toEqual(['bad a', 'b NOOP']);
    expect(kinds(read('a SELECT INBOX {5}\r\nb NOOP\r\n'))).toEqual(['bad a', 'b NOOP']);
    expect(kinds(read('a FETCH 1 BODY[HEADER.FIELDS ({4}\r\n'))).toEqual(['continue a']);
  });

  it('refuses a literal over the limit without asking for it', () => {
    expect(read('a LOGIN {100000}\r\nb NOOP\r\n')).toEqual([
      { kind: 'bad', tag: 'a', message: 'LOGIN: literal of 100000 octets is larger than the limit of 65536' },
      { kind: 'command', command: { tag: 'b', name: 'NOOP' } },
    ]);
    expect(read('a APPEND INBOX {2000}\r\nb NOOP\r\n', { maxMessage: 1000 })).toEqual([
      { kind: 'no', tag: 'a', code: 'TOOBIG', message: 'APPEND: message of 2000 octets is larger than the limit of 1000' },
      { kind: 'command', command: { tag: 'b', name: 'NOOP' } },
    ]);
    expect(kinds(read('a LOGIN {99999999999999999999999}\r\nb NOOP\r\n'))).toEqual(['bad a', 'b NOOP']);
  });

  it('bounds the literals in one command and its total size', () => {
    // The client sends the refused literal anyway: it is then read as a line ("x)" → tag x).
    const many = `a LIST "" (${Array.from({ length: 4 }, () => '{1}\r\nx').join(' ')})\r\n`;
    expect(kinds(read(many, { maxLiterals: 3 }))).toEqual(['continue a', 'continue a', 'continue a', 'bad a', 'bad x']);
    expect(kinds(read('a LOGIN {600}\r\n', { maxCommand: 500 }))).toEqual(['bad a']);
  });
});

describe('non-synchronizing literals (RFC 7888)', () => {
  it('reads {n+} straight on', () => {
    expect(kinds(read('a LOGIN {5+}\r\nalice {3+}\r\npw!\r\n'))).toEqual(['a LOGIN']);
  });

  it('LITERAL-: over 4096 octets is BAD and the literal is skipped', () => {
    const big = 'x'.repeat(5000);
    expect(read(`a LOGIN {5000+}\r\n${big} {2+}\r\npw\r\nb NOOP\r\n`)).toEqual([
      { kind: 'bad', tag: 'a', message: 'LOGIN: non-synchronizing literal of 5000 octets; LITERAL- allows 4096 (use {5000})' },
      { kind: 'command', command: { tag: 'b', name: 'NOOP' } },
    ]);
  });

  it('LITERAL+: accepted up to the limits', () => {
    const big = 'x'.repeat(5000);
    const [r] = read(`a LOGIN {5000+}\r\n${big} pw\r\n`, { literalPlus: true });
    expect(r).toMatchObject({ kind: 'command', command: { user: big, password: 'pw' } });
  });

  it('a refused non-synchronizing APPEND is skipped, CRLFs inside and all', () => {
    const body = 'c NOOP\r\n'.repeat(300);
    expect(kinds(read(`a APPEND INBOX {${body.length}+}\r\n${body}\r\nb NOOP\r\n`, { maxMessage: 100, literalPlus: true }))).toEqual([
      'no a',
      'b NOOP',
    ]);
  });

  it('refuses a literal the state does not take as soon as it is announced, either kind (admit)', () => {
    const admit = (verb: string) => (verb === 'APPEND' ? 'APPEND needs a login' : null);
    expect(read('a APPEND INBOX {5}\r\nb NOOP\r\n', { admit })).toEqual([
      { kind: 'bad', tag: 'a', message: 'APPEND needs a login' },
      { kind: 'command', command: { tag: 'b', name: 'NOOP' } },
    ]);
    // The client sends a {n+} literal without waiting: it is read and dropped, never stored.
    const reader = new CommandReader({ admit, literalPlus: true });
    reader.feed(utf8Bytes('a APPEND INBOX {40000+}\r\n'));
    expect(reader.next()).toEqual({ kind: 'bad', tag: 'a', message: 'APPEND needs a login' });
    for (let i = 0; i < 40; i++) {
      reader.feed(new Uint8Array(1000).fill(0x41));
      expect(reader.next()).toBeNull();
      expect(reader.buffered).toBe(0);
    }
    reader.feed(utf8Bytes('\r\nb NOOP\r\n'));
    expect(kinds([reader.next()!])).toEqual(['b NOOP']);
  });

  it('a refused {n+} larger than maxDiscard is not read: hang up (RFC 7888 §4)', () => {
    const admit = () => 'not now';
    const reader = new CommandReader({ admit, literalPlus: true });
    reader.feed(utf8Bytes('a APPEND INBOX {10485760+}\r\n'));
    expect(reader.next()).toEqual({ kind: 'hangup', tag: 'a', size: 10485760, refusal: { kind: 'bad', tag: 'a', message: 'not now' } });
    expect(read('a APPEND INBOX {2000+}\r\n', { maxMessage: 1000, maxDiscard: 1500, literalPlus: true })).toEqual([
      {
        kind: 'hangup',
        tag: 'a',
        size: 2000,
        refusal: { kind: 'no', tag: 'a', code: 'TOOBIG', message: 'APPEND: message of 2000 octets is larger than the limit of 1000' },
      },
    ]);
    expect(kinds(read('a LOGIN {99999999999999999999999+}\r\n'))).toEqual(['hangup a']);
  });

  it('an invalid command with a non-synchronizing literal is skipped whole', () => {
    expect(kinds(read('a FROB {8+}\r\nc NOOP\r\n more {3+}\r\nxyz\r\nb NOOP\r\n'))).toEqual(['bad a', 'b NOOP']);
  });
});

describe('line framing and memory', () => {
  it('a line over the limit is one fatal BAD, and reading resumes after it', () => {
    const rs = read(`a ${'x'.repeat(300)}\r\nb NOOP\r\n`, { maxLine: 100 });
    expect(rs).toEqual([
      { kind: 'bad', tag: '*', message: 'line longer than 100 octets', fatal: true },
      { kind: 'command', command: { tag: 'b', name: 'NOOP' } },
    ]);
  });

  it('an endless line keeps memory bounded', () => {
    const reader = new CommandReader({ maxLine: 1024 });
    const chunk = utf8Bytes('y'.repeat(4096));
    let peak = 0;
    for (let i = 0; i < 2000; i++) {
      reader.feed(chunk);
      expect(reader.next()).toBeNull();
      peak = Math.max(peak, reader.buffered);
    }
    expect(peak).toBeLessThanOrEqual(4096);
    reader.feed(utf8Bytes('\r\nb NOOP\r\n'));
    expect(kinds([reader.next()!, reader.next()!])).toEqual(['bad *', 'b NOOP']);
  });

  it('a big APPEND streams in without quadratic copying', () => {
    const reader = new CommandReader({ literalPlus: true });
    const size = 8 * 1024 * 1024;
    reader.feed(utf8Bytes(`a APPEND INBOX {${size}+}\r\n`));
    expect(reader.next()).toBeNull();
    const chunk = new Uint8Array(16 * 1024).fill(0x41);
    const start = performance.now();
    for (let sent = 0; sent < size; sent += chunk.length) {
      reader.feed(chunk);
      expect(reader.next()).toBeNull();
    }
    reader.feed(utf8Bytes('\r\n'));
    const r = reader.next();
    expect(r?.kind === 'command' && r.command.name === 'APPEND' && r.command.message.length).toBe(size);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('nextLine gives raw lines for IDLE DONE, and clear() drops input (RFC 3207 §4.2)', () => {
    const reader = new CommandReader();
    reader.feed(utf8Bytes('a IDLE\r\nDONE\r\nb NOOP\r\n'));
    expect(reader.next()).toMatchObject({ kind: 'command', command: { name: 'IDLE' } });
    expect(utf8Text(reader.nextLine()!.bytes)).toBe('DONE');
    reader.clear();
    expect(reader.next()).toBeNull();
    expect(reader.buffered).toBe(0);
  });

  it('nextLine in the middle of a command is our own misuse', () => {
    const reader = new CommandReader();
    reader.feed(utf8Bytes('a LOGIN {5}\r\n'));
    reader.next();
    expect(() => reader.nextLine()).toThrow();
  });

  it('pipelined commands come out in order', () => {
    expect(kinds(read('a NOOP\r\nb LOGIN x y\r\nc BOGUS\r\n\r\nd LOGOUT\r\n'))).toEqual([
      'a NOOP', 'b LOGIN', 'bad c', 'bad *', 'd LOGOUT',
    ]);
  });
});
