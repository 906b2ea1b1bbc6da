import { describe, expect, it, vi } from 'vitest';
import { Mailbox } from '../store/mailbox.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { Maildrop } from './maildrop.ts';

const CANONICAL = 'Subject: a\r\n\r\nline one\r\nline two\r\n';
// RFC 1939 §11: a bare LF counts, and goes out, as CRLF (three here: +3); a last line without its end gets one (+2).
const BARE = 'Subject: b\n\nline one\nline two';

function inbox(): Mailbox {
  const box = new Mailbox({ name: 'INBOX', uidValidity: 7 });
  box.add(utf8Bytes(CANONICAL), [], 1);
  box.add(utf8Bytes(BARE), [], 2);
  return box;
}

describe('Maildrop (RFC 1939 §5 snapshot)', () => {
  it('counts and sends each message with CRLF line ends: size is the length of what RETR sends', () => {
    const drop = new Maildrop(inbox());
    const [a, b] = drop.messages;
    expect(new TextDecoder().decode(a!.wire())).toBe(CANONICAL);
    expect(new TextDecoder().decode(b!.wire())).toBe('Subject: b\r\n\r\nline one\r\nline two\r\n');
    expect(drop.messages.map((m) => m.size)).toEqual([a!.wire().length, b!.wire().length]);
    expect(drop.octets).toBe(CANONICAL.length + BARE.length + 5);
    expect(drop.messages.map((m) => m.uniqueId)).toEqual(['7.1', '7.2']);
  });

  it('a later login counts the same messages without reading their octets again', () => {
    const box = inbox();
    new Maildrop(box);
    const reads = box.messages.map((m) => vi.spyOn(m, 'raw', 'get'));
    const again = new Maildrop(box);
    expect(again.octets).toBe(CANONICAL.length + BARE.length + 5);
    expect(reads.map((r) => r.mock.calls.length)).toEqual([0, 0]);
    // RETR still reads them, when asked.
    again.messages[1]!.wire();
    expect(reads[1]!.mock.calls.length).toBe(1);
  });

  it('a message expunged after the login is still there for RETR in that session', () => {
    const box = inbox();
    const drop = new Maildrop(box);
    box.remove([1]);
    expect(new TextDecoder().decode(drop.messages[0]!.wire())).toBe(CANONICAL);
  });
});
