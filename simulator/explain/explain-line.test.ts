/** explainLine, decodeAuthLine and lookup on the lines the issue names, plus random lines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAuthLine, explainLine } from './explain-line.ts';
import { lookup } from './knowledge.ts';
import { expectTiles } from './test-support.ts';
import type { Protocol, Side, Span } from './types.ts';

const brief = (spans: Span[]) => spans.filter((s) => s.kind !== 'separator').map((s) => [s.kind, s.text, s.explanation?.token]);

describe('explainLine', () => {
  it('250-8BITMIME: the code, the continuation dash, the keyword', () => {
    const spans = explainLine('smtp', '250-8BITMIME', 'server');
    expect(spans.map((s) => [s.kind, s.text, s.explanation?.kind])).toEqual([
      ['reply-code', '250', 'reply-code'],
      ['separator', '-', 'wire'],
      ['keyword', '8BITMIME', 'ehlo-keyword'],
    ]);
    expect(spans[2]!.explanation!.rfc.url).toBe('https://www.rfc-editor.org/rfc/rfc6152#section-2');
  });

  it('a3 OK [UIDVALIDITY 3857529045] …: the tag, OK, the response code', () => {
    const spans = explainLine('imap', 'a3 OK [UIDVALIDITY 3857529045] UIDs valid', 'server');
    expect(brief(spans)).toEqual([
      ['tag', 'a3', 'tag'],
      ['status', 'OK', 'OK'],
      ['punctuation', '[', undefined],
      ['response-code', 'UIDVALIDITY', 'UIDVALIDITY'],
      ['number', '3857529045', undefined],
      ['punctuation', ']', undefined],
      ['text', 'UIDs valid', undefined],
    ]);
    expect(spans.find((s) => s.kind === 'response-code')!.explanation!.rfc.url).toBe('https://www.rfc-editor.org/rfc/rfc9051#section-7.1');
  });

  it('C: MAIL FROM:<a@b>: the command, in transcript notation', () => {
    const spans = explainLine('smtp', 'C: MAIL FROM:<a@b>', 'server');
    expect(brief(spans)).toEqual([
      ['punctuation', 'C: ', undefined],
      ['command', 'MAIL', 'MAIL'],
      ['keyword', 'FROM:', 'MAIL'],
      ['address', '<a@b>', undefined],
    ]);
  });

  it('accepts the pipelined transcript prefix "C> "', () => {
    expect(explainLine('smtp', 'C> RCPT TO:<b@c.d>', 'server')[1]).toMatchObject({ kind: 'command', text: 'RCPT' });
  });

  it('an enhanced code after the reply code, explained from RFC 3463', () => {
    const spans = explainLine('smtp', '554 5.7.1 <x@y.z>: Relay access denied\r\n', 'server');
    expect(brief(spans).slice(0, 2)).toEqual([
      ['reply-code', '554', '554'],
      ['enhanced-code', '5.7.1', '5.7.1'],
    ]);
    expect(spans[1]!.explanation?.token).toBe('SP');
    expect(spans.at(-1)).toMatchObject({ kind: 'line-end', text: '\r\n' });
    expect(spans.at(-1)!.explanation?.token).toBe('CRLF');
  });

  it('a mismatched class digit is not taken for an enhanced code (RFC 2034 §4)', () => {
    expect(explainLine('smtp', '250 5.7.1 odd', 'server').some((s) => s.kind === 'enhanced-code')).toBe(false);
  });

  it('untagged IMAP data: * 3 EXISTS, FETCH flags, LIST attributes', () => {
    expect(brief(explainLine('imap', '* 3 EXISTS', 'server'))).toEqual([
      ['untagged', '*', '*'],
      ['number', '3', undefined],
      ['untagged', 'EXISTS', 'EXISTS'],
    ]);
    const fetch = explainLine('imap', '* 1 FETCH (FLAGS (\\Seen \\Answered) UID 4)', 'server');
    expect(fetch.filter((s) => s.kind === 'flag').map((s) => s.explanation?.token)).toEqual(['\\Seen', '\\Answered']);
    const list = explainLine('imap', '* LIST (\\HasNoChildren \\Trash) "/" Trash', 'server');
    expect(list.filter((s) => s.kind === 'attribute').map((s) => s.explanation?.kind)).toEqual(['mailbox-attribute', 'mailbox-attribute']);
  });

  it('POP3 status, response code and CAPA lines', () => {
    expect(brief(explainLine('pop3', '-ERR [IN-USE] maildrop is locked', 'server'))).toEqual([
      ['status', '-ERR', '-ERR'],
      ['response-code', '[IN-USE]', 'IN-USE'],
      ['text', ' maildrop is locked', undefined],
    ]);
    expect(explainLine('pop3', '-ERR [SYS/TEMP/DISK] try later', 'server')[2]!.explanation?.token).toBe('SYS/TEMP');
    expect(brief(explainLine('pop3', 'SASL PLAIN', 'server', { command: 'CAPA' }))).toEqual([
      ['capability', 'SASL', 'SASL'],
      ['parameter', 'PLAIN', 'PLAIN'],
    ]);
    expect(explainLine('pop3', 'TOP secret plans', 'server', { command: 'RETR' }).map((s) => s.kind)).toEqual(['text']);
    expect(explainLine('pop3', '..dot', 'server')[0]!.kind).toBe('dot-stuffing');
    const greeting = explainLine('pop3', '+OK mail.example.org POP3 ready <1.17@mail.example.org>', 'server');
    expect(greeting.find((s) => s.kind === 'argument')).toMatchObject({ text: '<1.17@mail.example.org>' });
  });

  it('message content is text, apart from the end marker and dot-stuffing', () => {
    expect(explainLine('smtp', 'QUIT', 'client', { inData: true }).map((s) => s.kind)).toEqual(['text']);
    expect(explainLine('smtp', '.', 'client', { inData: true })[0]!.kind).toBe('terminator');
    expect(explainLine('smtp', '..hidden', 'client', { inData: true }).map((s) => s.kind)).toEqual(['dot-stuffing', 'text']);
    expect(explainLine('pop3', '+OK not a status', 'server', { inData: true }).map((s) => s.kind)).toEqual(['text']);
    expect(explainLine('imap', '* 1 EXISTS', 'server', { inData: true }).map((s) => s.kind)).toEqual(['text']);
  });

  it('literals at the end of an IMAP line', () => {
    const spans = explainLine('imap', 'a1 APPEND Drafts (\\Draft) {11}', 'client');
    expect(spans.at(-1)).toMatchObject({ kind: 'literal', text: '{11}' });
    expect(spans.at(-1)!.explanation?.token).toBe('{n}');
  });

  it('never throws and always tiles, for any line, either side, any protocol', () => {
    const protocols: Protocol[] = ['smtp', 'pop3', 'imap'];
    const sides: Side[] = ['server', 'client'];
    const pieces = fc.constantFrom(
      '250',
      '-',
      ' ',
      '5.7.1',
      '[',
      ']',
      '(',
      ')',
      '"',
      '\\',
      '{12}',
      '{',
      '*',
      '+',
      'OK',
      'AUTH',
      'PLAIN',
      'AGFsaWNl',
      '=',
      '\r',
      '\n',
      '\t',
      '\u00a0',
      '+OK',
      '-ERR',
      'a1',
      'UID',
      'FETCH',
      'BODY[',
      '.',
      ':',
      '<',
      '>',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...protocols),
        fc.constantFrom(...sides),
        fc.array(fc.oneof(pieces, fc.string()), { maxLength: 12 }),
        fc.boolean(),
        (p, side, parts, inAuth) => {
          const line = parts.join('');
          expectTiles(explainLine(p, line, side, { inAuth }), line);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('decodeAuthLine', () => {
  it('decodes an AUTH PLAIN initial response inline, NULs shown as \\0', () => {
    const d = decodeAuthLine('smtp', 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'client');
    expect(d?.display).toBe('\\0alice\\0wonderland');
    expect(d?.start).toBe(11);
    expect(Array.from(d!.bytes.slice(0, 2))).toEqual([0, 97]);
  });

  it('decodes the AUTH LOGIN prompts', () => {
    expect(decodeAuthLine('smtp', '334 VXNlcm5hbWU6', 'server')?.display).toBe('Username:');
    expect(decodeAuthLine('smtp', '334 UGFzc3dvcmQ6', 'server')?.display).toBe('Password:');
    expect(decodeAuthLine('smtp', 'YWxpY2U=', 'client', { inAuth: true })?.display).toBe('alice');
  });

  it('works for POP3 AUTH and IMAP AUTHENTICATE, and the "=" empty response', () => {
    expect(decodeAuthLine('pop3', 'AUTH PLAIN AGJvYgBidWlsZGVy', 'client')?.display).toBe('\\0bob\\0builder');
    expect(decodeAuthLine('imap', 'a1 AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'client')?.display).toBe('\\0alice\\0wonderland');
    expect(decodeAuthLine('imap', '+ VXNlcm5hbWU6', 'server', { inAuth: true })?.display).toBe('Username:');
    expect(decodeAuthLine('imap', 'a1 AUTHENTICATE PLAIN =', 'client')?.display).toBe('(empty)');
  });

  it('is null for lines without base64, and for words that only look like it', () => {
    expect(decodeAuthLine('smtp', '250 OK', 'server')).toBeNull();
    expect(decodeAuthLine('smtp', 'QUIT', 'client')).toBeNull();
    expect(decodeAuthLine('imap', '+ idle', 'server')).toBeNull();
    expect(decodeAuthLine('smtp', '334 not base64!', 'server')).toBeNull();
  });

  it('shows octets that are not UTF-8 as \\xNN', () => {
    expect(decodeAuthLine('smtp', '334 //79', 'server')?.display).toBe('\\xff\\xfe\\xfd');
  });
});

describe('lookup', () => {
  it('composes RFC 3463 codes from class and detail', () => {
    expect(lookup('smtp', '5.7.1')?.title).toBe('Permanent failure: Delivery not authorized, message refused');
    expect(lookup('smtp', '4.7.0')?.title).toBe('Temporary failure: Other or undefined security status');
    expect(lookup('smtp', '2.0.0')?.title).toMatch(/^Success: /);
    expect(lookup('smtp', '5.7.99')?.title).toBe('Permanent failure: Security or Policy Status');
    expect(lookup('smtp', '5.07.1')).toBeUndefined();
  });

  it('explains unknown reply codes by their first digit (RFC 5321 §4.2)', () => {
    expect(lookup('smtp', '299')?.meaning).toMatch(/first digit/);
    expect(lookup('smtp', '299')?.rfc.section).toBe('4.2.1');
  });

  it('distinguishes kinds: IMAP CAPABILITY command, code and response; \\Flagged flag and attribute', () => {
    expect(lookup('imap', 'CAPABILITY', 'command')?.rfc.section).toBe('6.1.1');
    expect(lookup('imap', 'CAPABILITY', 'response-code')?.rfc.section).toBe('7.1');
    expect(lookup('imap', 'capability', 'untagged')?.rfc.section).toBe('7.2.2');
    expect(lookup('imap', '\\Flagged', 'flag')?.rfc.rfc).toBe(9051);
    expect(lookup('imap', '\\Flagged', 'mailbox-attribute')?.rfc.rfc).toBe(6154);
  });

  it('falls back to AUTH= for any SASL mechanism capability', () => {
    expect(lookup('imap', 'AUTH=XOAUTH2', 'capability')?.title).toBe('SASL XOAUTH2');
    expect(lookup('imap', 'AUTH=PLAIN', 'capability')?.rfc.rfc).toBe(4616);
  });

  it('has the codes the brief lists', () => {
    for (const code of ['235', '334', '421', '452', '530', '534', '535', '538', '552', '555'])
      expect(lookup('smtp', code, 'reply-code'), code).toBeDefined();
    for (const code of ['5.7.8', '5.7.0', '4.7.0', '5.7.11', '5.1.1', '2.0.0', '5.5.2', '5.6.7', '4.7.12'])
      expect(lookup('smtp', code, 'enhanced-code'), code).toBeDefined();
    for (const k of [
      'SIZE',
      'PIPELINING',
      '8BITMIME',
      'ENHANCEDSTATUSCODES',
      'SMTPUTF8',
      'CHUNKING',
      'BINARYMIME',
      'STARTTLS',
      'AUTH',
      'DSN',
    ])
      expect(lookup('smtp', k, 'ehlo-keyword'), k).toBeDefined();
    for (const c of ['IN-USE', 'LOGIN-DELAY', 'SYS/TEMP', 'SYS/PERM', 'AUTH']) expect(lookup('pop3', c, 'response-code'), c).toBeDefined();
    for (const s of ['AUTHORIZATION', 'TRANSACTION', 'UPDATE']) expect(lookup('pop3', s, 'state'), s).toBeDefined();
    for (const u of [
      'EXISTS',
      'EXPUNGE',
      'FETCH',
      'RECENT',
      'FLAGS',
      'LIST',
      'STATUS',
      'SEARCH',
      'ESEARCH',
      'CAPABILITY',
      'ENABLED',
      'NAMESPACE',
      'ID',
    ])
      expect(lookup('imap', u, 'untagged'), u).toBeDefined();
    for (const c of [
      'ALERT',
      'ALREADYEXISTS',
      'APPENDUID',
      'AUTHENTICATIONFAILED',
      'AUTHORIZATIONFAILED',
      'BADCHARSET',
      'CANNOT',
      'CAPABILITY',
      'CLIENTBUG',
      'CLOSED',
      'CONTACTADMIN',
      'COPYUID',
      'CORRUPTION',
      'EXPIRED',
      'EXPUNGEISSUED',
      'HASCHILDREN',
      'INUSE',
      'LIMIT',
      'NONEXISTENT',
      'NOPERM',
      'OVERQUOTA',
      'PARSE',
      'PERMANENTFLAGS',
      'PRIVACYREQUIRED',
      'READ-ONLY',
      'READ-WRITE',
      'SERVERBUG',
      'TRYCREATE',
      'UIDNEXT',
      'UIDNOTSTICKY',
      'UIDVALIDITY',
      'UNAVAILABLE',
      'UNKNOWN-CTE',
    ]) {
      expect(lookup('imap', c, 'response-code'), c).toBeDefined();
    }
  });
});
