import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWorld } from '../world/world.ts';
import { latin1Bytes, latin1Text, utf8Bytes } from '../wire/bytes.ts';
import { asctime } from '../mime/date.ts';
import { emlFileName, envelopeSender, exportEml, exportMbox, importMbox, mboxEntry, parseMbox } from './mbox.ts';
import { MailStore } from './mail-store.ts';

const NOW = Date.UTC(2026, 10, 26, 8, 0, 0);

describe('mbox (mboxrd)', () => {
  it('writes the From_ line with the envelope sender and an asctime date, LF line ends', () => {
    const raw = utf8Bytes('Return-Path: <carol@example.com>\r\nSubject: hi\r\n\r\nbody\r\n');
    expect(mboxEntry({ raw, internalDate: Date.UTC(2026, 10, 6, 8, 5, 9) })).toBe(
      'From carol@example.com Fri Nov  6 08:05:09 2026\nReturn-Path: <carol@example.com>\nSubject: hi\n\nbody\n\n',
    );
  });

  it('escapes From_ lines with one more ">" and unescapes exactly one', () => {
    const raw = utf8Bytes('Subject: x\r\n\r\nFrom here\r\n>From there\r\n>>From far\r\nFromage\r\n');
    const text = mboxEntry({ raw, internalDate: NOW, sender: 'a@b' });
    expect(text).toContain('\n>From here\n>>From there\n>>>From far\nFromage\n');
    const [back] = parseMbox(latin1Bytes(text), 0);
    expect(latin1Text(back!.raw)).toBe(latin1Text(raw));
  });

  it('finds the envelope sender: Return-Path, <> as MAILER-DAEMON, From:, or nothing', () => {
    expect(envelopeSender(utf8Bytes('Return-Path: <x@y.org>\r\nFrom: a@b\r\n\r\n'))).toBe('x@y.org');
    expect(envelopeSender(utf8Bytes('Return-Path: <>\r\n\r\n'))).toBe('MAILER-DAEMON');
    expect(envelopeSender(utf8Bytes('From: Bob Builder\r\n <bob@example.org>\r\n\r\n'))).toBe('bob@example.org');
    expect(envelopeSender(utf8Bytes('From: bob@example.org\r\n\r\n'))).toBe('bob@example.org');
    expect(envelopeSender(utf8Bytes('Subject: none\r\n\r\nFrom: body@x.y\r\n'))).toBe('MAILER-DAEMON');
  });

  it('asctime pads the day with a space, like C', () => {
    expect(asctime(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe('Thu Jan  1 00:00:00 2026');
    expect(asctime(Date.UTC(2026, 10, 26, 23, 59, 58))).toBe('Thu Nov 26 23:59:58 2026');
  });

  it('round-trips a whole mailbox: raw octets and internal dates to the second', () => {
    const world = defaultWorld(NOW);
    const inbox = world.store.mailbox('alice@example.com', 'INBOX')!;
    const file = exportMbox(inbox);
    const store = new MailStore(1);
    store.addAccount('dave@example.net', 'x');
    const imported = importMbox(store, 'dave@example.net', 'Archive', file, { fallbackDate: 0 });
    expect(imported).toEqual({ ok: true, value: [1, 2, 3] });
    const copy = store.mailbox('dave@example.net', 'Archive')!;
    expect(copy.messages.map((m) => latin1Text(m.raw))).toEqual(inbox.messages.map((m) => latin1Text(m.raw)));
    expect(copy.messages.map((m) => m.internalDate)).toEqual(inbox.messages.map((m) => Math.floor(m.internalDate / 1000) * 1000));
  });

  it('round-trips any CRLF message (property)', () => {
    const line = fc.stringMatching(/^(>*From |From|\.|[ -~]){0,5}[ -~]{0,10}$/);
    fc.assert(
      fc.property(fc.array(fc.array(line, { maxLength: 8 }), { maxLength: 5 }), (messages) => {
        const raws = messages.map((lines) => lines.map((l) => l + '\r\n').join(''));
        const file = raws.map((r, i) => mboxEntry({ raw: latin1Bytes(r), internalDate: NOW + i * 1000, sender: 'a@b' })).join('');
        const back = parseMbox(latin1Bytes(file), 0);
        expect(back.map((m) => latin1Text(m.raw))).toEqual(raws);
        expect(back.map((m) => m.date)).toEqual(raws.map((_, i) => NOW + i * 1000));
      }),
      { numRuns: 300 },
    );
  });

  it('reads foreign mbox files: CRLF files, a missing date, text before the first From_', () => {
    const file = 'junk\r\nFrom someone@x  Thu Nov 26 08:00:00 2026\r\nSubject: a\r\n\r\nA\r\n\r\nFrom b@y garbage\r\nSubject: b\r\n';
    const got = parseMbox(latin1Bytes(file), 7);
    expect(got.map((m) => [m.sender, m.date, latin1Text(m.raw)])).toEqual([
      ['someone@x', NOW, 'Subject: a\r\n\r\nA\r\n'],
      ['b@y', 7, 'Subject: b\r\n'],
    ]);
    expect(parseMbox(new Uint8Array(0), 0)).toEqual([]);
  });

  it('import stops at the quota and says how far it got', () => {
    const store = new MailStore(1);
    store.addAccount('q@example.net', 'x', 40);
    const file = latin1Bytes(['From a@b Thu Nov 26 08:00:00 2026', 'Subject: 1234567890', '', 'From a@b Thu Nov 26 08:00:00 2026', 'Subject: 1234567890', ''].join('\n'));
    const result = importMbox(store, 'q@example.net', 'INBOX', file, { fallbackDate: 0 });
    expect(result).toEqual({ ok: false, error: 'quota', message: 'quota of 40 octets exceeded after 1 messages' });
    expect(importMbox(store, 'q@example.net', 'Nope', file, { fallbackDate: 0 }).ok).toBe(false);
  });

  it('exports a message as .eml, exactly as stored', () => {
    const world = defaultWorld(NOW);
    const inbox = world.store.mailbox('bob@example.org', 'INBOX')!;
    const m = inbox.messages[0]!;
    expect(exportEml(m)).toEqual(m.raw);
    expect(emlFileName(inbox, m)).toBe('INBOX-1.eml');
  });
});
