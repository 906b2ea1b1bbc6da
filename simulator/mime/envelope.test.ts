import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse.ts';
import { envelope } from './envelope.ts';
import { bodyStructure } from './body-structure.ts';
import { headerBytes } from './section.ts';
import { bodyForm, envelopeForm, msg, str } from './test-support.ts';

/** The message of RFC 9051 §8 (`a003 fetch 12 full`): header of 342 octets, body 3028 octets / 92 lines. */
function rfc9051Message(): Uint8Array {
  const header = [
    'Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)',
    'From: Terry Gray <gray@cac.washington.edu>',
    'Subject: IMAP4rev2 WG mtg summary and minutes',
    'To: imap@cac.washington.edu',
    'cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>',
    'Message-Id: <B27397-0100000@cac.washington.edu>',
    'MIME-Version: 1.0',
    'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII',
    '',
    '',
  ].join('\r\n');
  // 92 lines of 3028 octets in all: 91 lines of 30+2 octets and a last one of 114+2.
  const lines = Array.from({ length: 91 }, (_, i) => `line ${i} of the minutes`.padEnd(30, "."));
  const body = `${lines.join('\r\n')}\r\n${'x'.repeat(114)}\r\n`;
  return new TextEncoder().encode(header + body);
}

describe('RFC 9051 §8 example message', () => {
  const raw = rfc9051Message();
  const root = parseMessage(raw);

  it('has the example header length (BODY[HEADER] {342})', () => {
    expect(headerBytes(root).length).toBe(342);
  });

  // RFC 9051's envelope shows "...washington.ed>" while its BODY[HEADER] says ".edu>" (a typo);
  // RFC 3501's identical example has ".edu>".
  it('gives the ENVELOPE of the example', () => {
    expect(envelopeForm(envelope(root))).toBe(
      '("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev2 WG mtg summary and minutes" ' +
        '(("Terry Gray" NIL "gray" "cac.washington.edu")) ' +
        '(("Terry Gray" NIL "gray" "cac.washington.edu")) ' +
        '(("Terry Gray" NIL "gray" "cac.washington.edu")) ' +
        '((NIL NIL "imap" "cac.washington.edu")) ' +
        '((NIL NIL "minutes" "CNRI.Reston.VA.US")("John Klensin" NIL "KLENSIN" "MIT.EDU")) NIL NIL ' +
        '"<B27397-0100000@cac.washington.edu>")',
    );
  });

  it('gives the BODY of the example (types compared case-insensitively)', () => {
    expect(bodyForm(bodyStructure(root), false).toLowerCase()).toBe(
      '("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 3028 92)'.toLowerCase(),
    );
  });

  it('keeps parameter values as written', () => {
    expect(root.params).toEqual({ charset: 'US-ASCII' });
  });
});

describe('envelope defaults (RFC 9051 §7.5.2)', () => {
  it('absent fields are NIL, present-but-empty strings are ""', () => {
    const e = envelope(parseMessage(msg(['Subject:', 'Message-ID:   ', '', 'body'])));
    expect(e.subject).toBe('');
    expect(e.messageId).toBe('');
    expect(e.date).toBeNull();
    expect(e.inReplyTo).toBeNull();
    expect(e.from).toBeNull();
  });

  it('empty address fields are NIL and Sender/Reply-To default to From', () => {
    const e = envelope(parseMessage(msg(['From: a@b.example', 'Sender:', 'To:  ', 'Reply-To: ', '', ''])));
    expect(e.to).toBeNull();
    expect(e.sender).toEqual(e.from);
    expect(e.replyTo).toEqual(e.from);
  });

  it('keeps an explicit Sender and Reply-To', () => {
    const e = envelope(parseMessage(msg(['From: a@b.example', 'Sender: s@b.example', 'Reply-To: r@b.example', '', ''])));
    expect(e.sender?.[0]?.mailbox).toBe('s');
    expect(e.replyTo?.[0]?.mailbox).toBe('r');
  });

  it('leaves encoded words and 8-bit text as written', () => {
    const raw = new TextEncoder().encode('Subject: =?utf-8?q?caf=C3=A9?= und Grüße\r\nFrom: =?utf-8?q?J=C3=BCrgen?= <j@x.de>\r\n\r\n');
    const e = envelope(parseMessage(raw));
    expect(e.subject).toBe('=?utf-8?q?caf=C3=A9?= und Grüße');
    expect(e.from?.[0]?.name).toBe('=?utf-8?q?J=C3=BCrgen?=');
  });

  it('unfolds folded fields and uses the first occurrence', () => {
    const e = envelope(parseMessage(msg(['Subject: part one', '\tpart two', 'Subject: second', '', ''])));
    expect(e.subject).toBe('part one\tpart two');
  });

  it('represents groups with start and end markers', () => {
    const e = envelope(parseMessage(msg(['To: Friends: a@x.org, "B" <b@y.org>;, c@z.org', '', ''])));
    expect(envelopeForm(e)).toContain(
      '((NIL NIL "Friends" NIL)(NIL NIL "a" "x.org")("B" NIL "b" "y.org")(NIL NIL NIL NIL)(NIL NIL "c" "z.org"))',
    );
  });
});
