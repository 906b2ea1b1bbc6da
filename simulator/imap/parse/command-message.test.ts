/** Message commands (APPEND, COPY, MOVE, STORE, FETCH, SEARCH), fed whole, byte by byte and split at every offset. */
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../wire/bytes.ts';
import { badOne as bad, parseOne as parse, readTextEverySplit as results } from './split-feed.ts';

const set = (...ranges: Array<[number | '*', number | '*']>) => ({
  kind: 'set' as const,
  ranges: ranges.map(([from, to]) => ({ from, to })),
});

describe('APPEND (RFC 9051 §6.3.12, RFC 3516, RFC 7888)', () => {
  const message = 'Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nSubject: afternoon meeting\r\n\r\nHello Joe\r\n';
  const n = utf8Bytes(message).length;

  it('the RFC 9051 example shape: flags and a synchronizing literal', () => {
    const cmd = parse(`A003 APPEND saved-messages (\\Seen) {${n}}\r\n${message}\r\n`);
    expect(cmd).toMatchObject({ tag: 'A003', name: 'APPEND', mailbox: 'saved-messages', flags: ['\\Seen'], date: null, binary: false });
    if (cmd.name !== 'APPEND') throw new Error('not APPEND');
    expect(new TextDecoder().decode(cmd.message)).toBe(message);
  });

  it('with a date-time, a non-synchronizing literal, or a literal8', () => {
    expect(parse('a APPEND INBOX (\\seen $Forwarded) " 5-Jan-2024 10:00:00 +0130" {2+}\r\nhi\r\n')).toMatchObject({
      flags: ['\\Seen', '$Forwarded'],
      date: { day: 5, month: 1, year: 2024, hour: 10, minute: 0, second: 0, zoneMinutes: 90 },
    });
    expect(parse('a APPEND INBOX "17-Jul-1996 02:44:25 -0700" {2}\r\nhi\r\n')).toMatchObject({
      flags: [], date: { day: 17, month: 7, year: 1996, zoneMinutes: -420 },
    });
    expect(parse('a APPEND Drafts ~{3}\r\na\0b\r\n')).toMatchObject({ binary: true, message: Uint8Array.of(0x61, 0, 0x62) });
    expect(parse('a APPEND INBOX {0}\r\n\r\n')).toMatchObject({ message: new Uint8Array(0) });
  });

  it('refuses bad dates, flags and NUL outside literal8', () => {
    expect(results('a APPEND INBOX "30-Feb-2024 10:00:00 +0000" {2}\r\n')).toEqual([
      { kind: 'bad', tag: 'a', message: 'APPEND: there is no day 30 in Feb 2024' },
    ]);
    expect(results('a APPEND INBOX (\\*) {2}\r\n')[0]).toMatchObject({ kind: 'bad', message: expect.stringContaining('PERMANENTFLAGS') });
    expect(results('a APPEND INBOX {3}\r\na\0b\r\n')).toEqual([
      { kind: 'bad', tag: 'a', message: 'APPEND: NUL is not allowed in a literal (use ~{n} for binary)' },
    ]);
    expect(results('a APPEND INBOX "hi"\r\n')[0]).toMatchObject({ message: expect.stringContaining('expected a day of the month') });
  });
});

describe('COPY, MOVE, STORE (RFC 9051 §6.4.6-§6.4.8, RFC 6851)', () => {
  it('COPY and MOVE with and without UID', () => {
    expect(parse('A003 COPY 2:4 MEETING')).toEqual({ tag: 'A003', name: 'COPY', uid: false, set: set([2, 4]), mailbox: 'MEETING' });
    expect(parse('a UID MOVE 42:69 foo')).toEqual({ tag: 'a', name: 'MOVE', uid: true, set: set([42, 69]), mailbox: 'foo' });
    expect(parse('a uid copy 4,1:*,$x "Sent Items"'.replace(',$x', ''))).toMatchObject({ set: set([4, 4], [1, '*']), mailbox: 'Sent Items' });
    expect(parse('a MOVE $ Archive')).toMatchObject({ set: { kind: 'saved' } });
  });

  it('STORE modes, SILENT, flag list or bare flags', () => {
    expect(parse('A003 STORE 2:4 +FLAGS (\\Deleted)')).toEqual({
      tag: 'A003', name: 'STORE', uid: false, set: set([2, 4]), mode: 'add', silent: false, flags: ['\\Deleted'],
    });
    expect(parse('a STORE 1 flags.silent \\SEEN \\flagged Junk')).toMatchObject({ mode: 'replace', silent: true, flags: ['\\Seen', '\\Flagged', 'Junk'] });
    expect(parse('a UID STORE 1 -FLAGS ()')).toMatchObject({ uid: true, mode: 'remove', flags: [] });
    expect(bad('a STORE 1 +FLAG (\\Seen)').message).toContain('expected FLAGS, +FLAGS, -FLAGS');
    expect(bad('a STORE 0 +FLAGS (\\Seen)').message).toContain('expected a message number');
  });
});

describe('FETCH (RFC 9051 §6.4.5)', () => {
  it('macros expand', () => {
    const fast = [{ item: 'FLAGS' }, { item: 'INTERNALDATE' }, { item: 'RFC822.SIZE' }];
    expect(parse('a FETCH 1 FAST')).toMatchObject({ items: fast });
    expect(parse('a FETCH 1 all')).toMatchObject({ items: [...fast, { item: 'ENVELOPE' }] });
    expect(parse('a FETCH 1:* FULL')).toMatchObject({ items: [...fast, { item: 'ENVELOPE' }, { item: 'BODY' }] });
  });

  it('the RFC example and sections', () => {
    expect(parse('A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])')).toEqual({
      tag: 'A654', name: 'FETCH', uid: false, set: set([2, 4]),
      items: [{ item: 'FLAGS' }, { item: 'BODY[]', section: { path: [], text: 'HEADER.FIELDS', fields: ['DATE', 'FROM'] }, partial: null, peek: false }],
    });
    expect(parse('a UID FETCH 1:* (UID FLAGS BODY.PEEK[1.2.MIME] BODY[]<0.100> BODY[3.HEADER.FIELDS.NOT (Received)])')).toMatchObject({
      uid: true,
      items: [
        { item: 'UID' }, { item: 'FLAGS' },
        { item: 'BODY[]', section: { path: [1, 2], text: 'MIME' }, peek: true, partial: null },
        { item: 'BODY[]', section: { path: [] }, partial: { offset: 0, length: 100 }, peek: false },
        { item: 'BODY[]', section: { path: [3], text: 'HEADER.FIELDS.NOT', fields: ['Received'] } },
      ],
    });
    expect(parse('a FETCH 1 body[text]')).toMatchObject({ items: [{ item: 'BODY[]', section: { path: [], text: 'TEXT' } }] });
    expect(parse('a FETCH 1 BODY[1.2.3]')).toMatchObject({ items: [{ section: { path: [1, 2, 3] } }] });
  });

  it('BINARY, BINARY.PEEK, BINARY.SIZE and the RFC 3501 items', () => {
    expect(parse('a FETCH 1 (BINARY.PEEK[1]<0.10> BINARY[] BINARY.SIZE[2])')).toMatchObject({
      items: [
        { item: 'BINARY', path: [1], partial: { offset: 0, length: 10 }, peek: true },
        { item: 'BINARY', path: [], partial: null, peek: false },
        { item: 'BINARY.SIZE', path: [2] },
      ],
    });
    expect(parse('a FETCH 1 (RFC822 RFC822.HEADER RFC822.TEXT RFC822.SIZE ENVELOPE BODYSTRUCTURE BODY INTERNALDATE)')).toMatchObject({
      items: ['RFC822', 'RFC822.HEADER', 'RFC822.TEXT', 'RFC822.SIZE', 'ENVELOPE', 'BODYSTRUCTURE', 'BODY', 'INTERNALDATE'].map((item) => ({ item })),
    });
  });

  it('refuses malformed items with a reason', () => {
    expect(bad('a FETCH 1 (FLAGS').message).toBe('FETCH: expected a closing parenthesis or a space and another FETCH data item, got end of line');
    expect(bad('a FETCH 1 BODY[1.MIMEX]').message).toContain('got "MIMEX"');
    expect(bad('a FETCH 1 BODY[MIME]').message).toContain('MIME needs a part number');
    expect(bad('a FETCH 1 BODY[]<0>').message).toContain('"." between offset and length');
    expect(bad('a FETCH 1 BINARY[TEXT]').message).toBe('FETCH: expected a body part number (1, 2, ...), got "TEXT]"');
    expect(bad('a FETCH 1 BODY.PEEK').message).toContain('BODY.PEEK needs a section');
    expect(bad('a FETCH 1 FOO').message).toContain('unknown FETCH data item "FOO"');
    expect(bad('a FETCH 1 ()').message).toContain('expected a FETCH data item');
  });
});

describe('SEARCH (RFC 9051 §6.4.4)', () => {
  it('the RFC examples', () => {
    expect(parse('A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith"')).toEqual({
      tag: 'A282', name: 'SEARCH', uid: false, charset: null, returns: null,
      criteria: [
        { key: 'FLAGGED' },
        { key: 'SINCE', date: { day: 1, month: 2, year: 1994 } },
        { key: 'NOT', operand: { key: 'FROM', value: 'Smith' } },
      ],
    });
    expect(parse('A283 SEARCH TEXT "string not in mailbox"')).toMatchObject({ criteria: [{ key: 'TEXT', value: 'string not in mailbox' }] });
    expect(parse('A284 SEARCH CHARSET UTF-8 TEXT {12}\r\nразделе\r\n'.replace('{12}', `{${utf8Bytes('разделе').length}}`))).toMatchObject({
      charset: 'UTF-8', criteria: [{ key: 'TEXT', value: 'разделе' }],
    });
    expect(parse('A285 SEARCH RETURN (MIN MAX) 1:5000')).toMatchObject({ returns: ['MIN', 'MAX'], criteria: [{ key: 'SEQUENCE', set: set([1, 5000]) }] });
    expect(parse('A286 UID SEARCH RETURN () UNDELETED')).toMatchObject({ uid: true, returns: [], criteria: [{ key: 'UNDELETED' }] });
    expect(parse('a SEARCH RETURN (SAVE COUNT ALL) OR FROM alice TO bob')).toMatchObject({
      returns: ['SAVE', 'COUNT', 'ALL'],
      criteria: [{ key: 'OR', left: { key: 'FROM', value: 'alice' }, right: { key: 'TO', value: 'bob' } }],
    });
  });

  it('every key of RFC 9051 §6.4.4 plus NEW OLD RECENT', () => {
    const line = 'a SEARCH ALL ANSWERED BCC x BEFORE "1-Jan-2024" BODY y CC z DELETED DRAFT FLAGGED FROM f ' +
      'HEADER Message-ID <a@b> KEYWORD $Junk LARGER 100 NEW OLD ON 2-Mar-2020 RECENT SEEN SENTBEFORE 1-Jan-2000 ' +
      'SENTON 1-Jan-2000 SENTSINCE 1-Jan-2000 SINCE 1-Jan-2000 SMALLER 5 SUBJECT s TEXT t TO u UID 1:* UNANSWERED ' +
      'UNDELETED UNDRAFT UNFLAGGED UNKEYWORD foo UNSEEN 1,3:* $ (SEEN DELETED) NOT (OR SEEN (DRAFT))';
    const cmd = parse(line);
    if (cmd.name !== 'SEARCH') throw new Error('not SEARCH');
    expect(cmd.criteria.map((k) => k.key)).toEqual([
      'ALL', 'ANSWERED', 'BCC', 'BEFORE', 'BODY', 'CC', 'DELETED', 'DRAFT', 'FLAGGED', 'FROM', 'HEADER', 'KEYWORD',
      'LARGER', 'NEW', 'OLD', 'ON', 'RECENT', 'SEEN', 'SENTBEFORE', 'SENTON', 'SENTSINCE', 'SINCE', 'SMALLER',
      'SUBJECT', 'TEXT', 'TO', 'UID', 'UNANSWERED', 'UNDELETED', 'UNDRAFT', 'UNFLAGGED', 'UNKEYWORD', 'UNSEEN',
      'SEQUENCE', 'SEQUENCE', 'AND', 'NOT',
    ]);
    expect(cmd.criteria).toContainEqual({ key: 'HEADER', field: 'Message-ID', value: '<a@b>' });
    expect(cmd.criteria).toContainEqual({ key: 'SEQUENCE', set: { kind: 'saved' } });
    expect(cmd.criteria.at(-1)).toEqual({
      key: 'NOT', operand: { key: 'AND', operands: [{ key: 'OR', left: { key: 'SEEN' }, right: { key: 'AND', operands: [{ key: 'DRAFT' }] } }] },
    });
  });

  it('refuses malformed searches with a reason', () => {
    expect(bad('a SEARCH').message).toBe('SEARCH: expected a space after SEARCH, got end of line');
    expect(bad('a SEARCH FROM').message).toContain('expected a space after FROM');
    expect(bad('a SEARCH SINCE 1-Foo-2020').message).toContain('got "Foo"');
    expect(bad('a SEARCH BOGUS').message).toContain('unknown search key "BOGUS"');
    expect(bad('a SEARCH (SEEN').message).toContain('closing parenthesis');
    expect(bad('a SEARCH OR SEEN').message).toContain('expected a space after the first OR operand');
    expect(bad('a SEARCH RETURN (FOO) ALL').message).toContain('unknown SEARCH return option "FOO"');
    expect(bad(`a SEARCH ${'NOT '.repeat(200)}SEEN`).message).toContain('nested more than');
    expect(bad(`a SEARCH ${'('.repeat(200)}SEEN${')'.repeat(200)}`).message).toContain('nested more than');
  });
});
