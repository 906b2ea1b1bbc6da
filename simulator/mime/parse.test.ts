import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse.ts';
import { bodyStructure } from './body-structure.ts';
import { bodyBytes, findPart, headerBytes, headerFieldsBytes } from './section.ts';
import type { MimePart } from './types.ts';
import { bodyForm, msg, str } from './test-support.ts';

function shape(p: MimePart): string {
  const kids = p.parts.length ? `[${p.parts.map(shape).join(',')}]` : p.message ? `{${shape(p.message)}}` : '';
  return `${p.type}/${p.subtype}${kids}`;
}

const ALTERNATIVE_IN_MIXED = msg([
  'From: "Alice Example" <alice@example.com>',
  'To: bob@example.org',
  'Subject: Report',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed;',
  ' boundary="----=_Part_0_1234.5678"',
  '',
  'This is a multi-part message in MIME format.',
  '',
  '------=_Part_0_1234.5678',
  'Content-Type: multipart/alternative; boundary=alt-1',
  '',
  '--alt-1',
  'Content-Type: text/plain; charset="utf-8"',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Gr=C3=BC=C3=9Fe, see the attachment.',
  '',
  '--alt-1',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: 7bit',
  '',
  '<p>Greetings</p>',
  '--alt-1--',
  '',
  '------=_Part_0_1234.5678',
  'Content-Type: application/pdf; name="report.pdf"',
  'Content-Disposition: attachment; filename="report.pdf"; size=6',
  'Content-Transfer-Encoding: base64',
  'Content-ID: <part1@example.com>',
  'Content-Description: The report',
  'Content-Language: en, de (German)',
  'Content-Location: http://example.com/report.pdf',
  'Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==',
  '',
  'JVBERi0x',
  '------=_Part_0_1234.5678--',
  '',
]);

describe('real-world shapes', () => {
  it('multipart/alternative inside multipart/mixed', () => {
    const root = parseMessage(ALTERNATIVE_IN_MIXED);
    expect(shape(root)).toBe('multipart/mixed[multipart/alternative[text/plain,text/html],application/pdf]');
    const plain = findPart(root, [1, 1]);
    expect(plain?.encoding).toBe('quoted-printable');
    expect(plain?.params).toEqual({ charset: 'utf-8' });
    // The blank line inside the part is content; only the CRLF before "--alt-1" belongs to the boundary.
    expect(str(plain && bodyBytes(plain))).toBe('Gr=C3=BC=C3=9Fe, see the attachment.\r\n');
    expect(plain?.lines).toBe(1);
  });

  it('attachment extension data in BODYSTRUCTURE', () => {
    const root = parseMessage(ALTERNATIVE_IN_MIXED);
    const pdf = bodyStructure(findPart(root, [2]) as MimePart);
    expect(bodyForm(pdf, true)).toBe(
      '("application" "pdf" ("name" "report.pdf") "<part1@example.com>" "The report" "base64" 8 ' +
        '"Q2hlY2sgSW50ZWdyaXR5IQ==" ("attachment" ("filename" "report.pdf" "size" "6")) ("en" "de") ' +
        '"http://example.com/report.pdf")',
    );
    expect(bodyForm(pdf, false)).toBe(
      '("application" "pdf" ("name" "report.pdf") "<part1@example.com>" "The report" "base64" 8)',
    );
  });

  it('multipart BODYSTRUCTURE carries subtype then params', () => {
    const form = bodyForm(bodyStructure(parseMessage(ALTERNATIVE_IN_MIXED)), true);
    expect(form).toMatch(/^\(\(\("text" "plain" \("charset" "utf-8"\) NIL NIL "quoted-printable" 38 1 NIL NIL NIL NIL\)/);
    expect(form).toMatch(/ "mixed" \("boundary" "----=_Part_0_1234\.5678"\) NIL NIL NIL\)$/);
  });

  it('message/rfc822 attachment with its own envelope and lines', () => {
    const raw = msg([
      'Subject: Fwd: hello', 'Content-Type: multipart/mixed; boundary=b', '', '--b', '', 'see below', '--b',
      'Content-Type: message/rfc822', 'Content-Disposition: inline', '',
      'From: Carol <carol@example.com>', 'Subject: hello', 'Date: Mon, 1 Jan 2024 10:00:00 +0000', '', 'Hi!', 'Bye.',
      '--b--', '',
    ]);
    const root = parseMessage(raw);
    expect(shape(root)).toBe('multipart/mixed[text/plain,message/rfc822{text/plain}]');
    const b = bodyStructure(root);
    if (b.kind !== 'multipart') throw new Error('expected multipart');
    const m = b.parts[1];
    if (m?.kind !== 'message') throw new Error('expected message');
    expect(m.envelope.subject).toBe('hello');
    expect(m.envelope.from).toEqual([{ name: 'Carol', adl: null, mailbox: 'carol', host: 'example.com' }]);
    expect(m.lines).toBe(6);
    expect(m.body.kind === 'text' && m.body.lines).toBe(2);
    expect(m.disposition).toEqual({ type: 'inline', params: {} });
    // A part with no header at all: blank first line, defaults apply.
    expect(bodyForm(b.parts[0] as never, false)).toBe('("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 9 1)');
  });

  it('multipart/digest parts default to message/rfc822 (RFC 2046 §5.1.5)', () => {
    const raw = msg([
      'Content-Type: multipart/digest; boundary="d"', '', '--d', '', 'Subject: one', '', 'first', '--d',
      'Content-Type: text/plain', '', 'not a message', '--d', '', 'Subject: three', '', 'third', '--d--',
    ]);
    const root = parseMessage(raw);
    expect(shape(root)).toBe('multipart/digest[message/rfc822{text/plain},text/plain,message/rfc822{text/plain}]');
    expect(root.parts[0]?.message?.header[0]?.value).toBe('one');
  });

  it('a nested multipart inside a digest part defaults back to text/plain', () => {
    const raw = msg(['Content-Type: multipart/digest; boundary=d', '', '--d', '', 'x', '', 'y', '--d--']);
    const inner = parseMessage(raw).parts[0]?.message;
    expect(inner?.type).toBe('text');
  });
});

describe('broken structure', () => {
  it('a multipart without a boundary parameter has no parts; BODYSTRUCTURE still lists one', () => {
    const root = parseMessage(msg(['Content-Type: multipart/mixed', '', '--x', 'hello', '--x--']));
    expect(root.parts).toEqual([]);
    expect(bodyForm(bodyStructure(root), false)).toBe('(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) "mixed")');
  });

  it('a boundary that never occurs: all preamble', () => {
    const root = parseMessage(msg(['Content-Type: multipart/mixed; boundary=nope', '', '--x', 'hello']));
    expect(root.parts).toEqual([]);
  });

  it('a missing close delimiter ends the last part at the end of the body', () => {
    const root = parseMessage(msg(['Content-Type: multipart/mixed; boundary=b', '', '--b', '', 'one', '--b', '', 'two', '']));
    expect(root.parts.map((p) => str(bodyBytes(p)))).toEqual(['one', 'two\r\n']);
  });

  it('boundary lines with transport padding count; longer lines that start with the boundary do not', () => {
    const root = parseMessage(msg(['Content-Type: multipart/mixed; boundary=b', '', '--b  \t', '', 'one', '--bc', 'still one', '--b-- ', 'epi']));
    expect(root.parts.map((p) => str(bodyBytes(p)))).toEqual(['one\r\n--bc\r\nstill one']);
  });

  it('text after the close delimiter is epilogue, not a part', () => {
    const root = parseMessage(msg(['Content-Type: multipart/mixed; boundary=b', '', '--b', '', 'one', '--b--', '--b', '', 'ghost']));
    expect(root.parts.length).toBe(1);
  });

  it('empty parts and adjacent delimiters stay in bounds', () => {
    const root = parseMessage(msg(['Content-Type: multipart/mixed; boundary=b', '', '--b', '--b', '', '--b--']));
    expect(root.parts.length).toBe(2);
    for (const p of root.parts) {
      expect(p.headerStart).toBeLessThanOrEqual(p.bodyStart);
      expect(p.bodyStart).toBeLessThanOrEqual(p.bodyEnd);
    }
  });

  it('an inner part cannot run past the outer boundary', () => {
    const raw = msg([
      'Content-Type: multipart/mixed; boundary=outer', '', '--outer', 'Content-Type: multipart/alternative; boundary=inner', '',
      '--inner', '', 'a', '--outer', '', 'b', '--outer--',
    ]);
    const root = parseMessage(raw);
    expect(shape(root)).toBe('multipart/mixed[multipart/alternative[text/plain],text/plain]');
    expect(str(bodyBytes(root.parts[0]?.parts[0] as MimePart))).toBe('a');
  });

  it('no header/body separator: the whole message is header', () => {
    const raw = msg(['Subject: only a header', 'From: a@b']);
    const root = parseMessage(raw);
    expect(root.header.map((h) => h.name)).toEqual(['Subject', 'From']);
    expect(root.bodyStart).toBe(raw.length);
    expect(root.size).toBe(0);
  });

  it('a message that starts with the blank line has an empty header', () => {
    const raw = msg(['', 'body text']);
    const root = parseMessage(raw);
    expect(root.header).toEqual([]);
    expect(str(headerBytes(root))).toBe('\r\n');
    expect(str(bodyBytes(root))).toBe('body text');
  });

  it('a line that is not a field starts the body (the blank line was left out)', () => {
    const raw = msg(['Received: by x', 'Subject: s', 'hello there: how are you?', '', 'more']);
    const root = parseMessage(raw);
    expect(root.header.map((h) => `${h.name}=${h.value}`)).toEqual(['Received=by x', 'Subject=s']);
    expect(str(bodyBytes(root))).toBe('hello there: how are you?\r\n\r\nmore');
    expect(root.headerEnd).toBe(root.bodyStart);
    expect(str(headerBytes(root))).toBe('Received: by x\r\nSubject: s\r\n\r\n');
    expect(str(headerFieldsBytes(root, ['subject'], false))).toBe('Subject: s\r\n\r\n');
  });

  it('text with no header at all is all body', () => {
    const root = parseMessage(msg(['Just typing a message.', 'Second line']));
    expect(root.header).toEqual([]);
    expect(root.size).toBe(35);
    expect(root.lines).toBe(2);
  });

  it('an mbox From_ line or a nameless field ends the header too', () => {
    expect(parseMessage(msg(['From nobody Mon Jan 1 00:00:00 2024', 'Subject: s', '', 'b'])).header).toEqual([]);
    expect(parseMessage(msg(['Subject: s', ': no name', '', 'b'])).header.length).toBe(1);
  });

  it('a headerless body part without the blank line is all body', () => {
    const root = parseMessage(msg(['Content-Type: multipart/mixed; boundary=b', '', '--b', 'no header here', '--b--']));
    expect(root.parts[0]?.header).toEqual([]);
    expect(str(bodyBytes(root.parts[0] as MimePart))).toBe('no header here');
  });

  it('an invalid Content-Type falls back to text/plain (RFC 2045 §5.2)', () => {
    const root = parseMessage(msg(['Content-Type: garbage', '', 'x']));
    expect([root.type, root.subtype, root.params]).toEqual(['text', 'plain', { charset: 'us-ascii' }]);
  });

  it('message/rfc822 in base64 is not parsed as a message', () => {
    const root = parseMessage(msg(['Content-Type: message/rfc822', 'Content-Transfer-Encoding: base64', '', 'U3ViamVjdDogeA==']));
    expect(root.message).toBeNull();
    expect(bodyStructure(root).kind).toBe('basic');
  });

  it('deep nesting stops at a fixed depth instead of exhausting the stack', () => {
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) lines.push(`Content-Type: message/rfc822`, '');
    lines.push('end');
    const root = parseMessage(msg(lines));
    let depth = 0;
    for (let p: MimePart | null = root; p; p = p.message) depth++;
    expect(depth).toBeLessThan(50);
    expect(() => bodyStructure(root)).not.toThrow();
  });
});

describe('headers', () => {
  it('folding, obsolete space before the colon, offsets of each field', () => {
    const raw = msg(['Subject : hello', '  world', 'X-Empty:', 'To: a@b,', '\tc@d', '', 'body']);
    const root = parseMessage(raw);
    expect(root.header.map((h) => [h.name, h.value])).toEqual([['Subject', 'hello  world'], ['X-Empty', ''], ['To', 'a@b,\tc@d']]);
    const text = new TextDecoder().decode(raw);
    expect(text.slice(root.header[0]?.start, root.header[0]?.end)).toBe('Subject : hello\r\n  world\r\n');
    expect(root.headerEnd).toBe(text.indexOf('\r\n\r\n') + 2);
  });

  it('8-bit headers: UTF-8 decoded, other octets kept one char per octet', () => {
    const utf8 = parseMessage(new TextEncoder().encode('Subject: Grüße 日本\r\n\r\n'));
    expect(utf8.header[0]?.value).toBe('Grüße 日本');
    const latin1 = parseMessage(Uint8Array.from([...new TextEncoder().encode('Subject: Gr'), 0xfc, 0xdf, 0x65, 0x0d, 0x0a, 0x0d, 0x0a]));
    expect(latin1.header[0]?.value).toBe('Grüße');
  });

  it('LF-only input parses like CRLF input', () => {
    const crlf = parseMessage(ALTERNATIVE_IN_MIXED);
    const lf = parseMessage(new TextEncoder().encode(new TextDecoder().decode(ALTERNATIVE_IN_MIXED).replace(/\r\n/g, '\n')));
    expect(shape(lf)).toBe(shape(crlf));
    expect(lf.parts[0]?.parts[1]?.header.map((h) => h.value)).toEqual(crlf.parts[0]?.parts[1]?.header.map((h) => h.value));
    expect(str(bodyBytes(lf.parts[1] as MimePart))).toBe('JVBERi0x');
  });

  it('RFC 2231 parameters: continuations, charset and language', () => {
    const raw = msg([
      'Content-Type: application/x-stuff;',
      " title*0*=us-ascii'en'This%20is%20even%20more%20;",
      ' title*1*=%2A%2A%2Afun%2A%2A%2A%20;',
      ' title*2="isn\'t it!"',
      "Content-Disposition: attachment; filename*=UTF-8''Gr%C3%BC%C3%9Fe.txt",
      '', '',
    ]);
    const root = parseMessage(raw);
    expect(root.params['title']).toBe("This is even more ***fun*** isn't it!");
    expect(root.disposition?.params['filename']).toBe('Grüße.txt');
  });

  it('parameter quirks: comments, unquoted spaces, escapes, duplicate names', () => {
    const root = parseMessage(msg([
      'Content-Type: Text/Plain (comment) ; Charset = "iso-8859-1" ; name=my file.txt; q="a\\"b"; charset=utf-8', '', '',
    ]));
    expect([root.type, root.subtype]).toEqual(['text', 'plain']);
    expect(root.params).toEqual({ charset: 'iso-8859-1', name: 'my file.txt', q: 'a"b' });
  });

  it('Content-Transfer-Encoding is lower-cased, comments dropped, default 7bit', () => {
    expect(parseMessage(msg(['Content-Transfer-Encoding: BASE64 (yes)', '', ''])).encoding).toBe('base64');
    expect(parseMessage(msg(['Content-Transfer-Encoding:', '', ''])).encoding).toBe('7bit');
    expect(parseMessage(msg(['', ''])).encoding).toBe('7bit');
  });
});

describe('sizes and lines', () => {
  it('size is body octets, lines count LF plus a last unterminated line', () => {
    expect(parseMessage(msg(['', 'a', 'b', ''])).lines).toBe(2);
    expect(parseMessage(msg(['', 'a', 'b'])).lines).toBe(2);
    expect(parseMessage(msg(['', ''])).lines).toBe(0);
    const p = parseMessage(msg(['', 'abc', '']));
    expect([p.size, p.bodyEnd - p.bodyStart]).toEqual([5, 5]);
  });
});
