/** RFC 5321 §4.1.2 paths and ESMTP parameters; reply formatting. */
import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { isAddressLiteral, isDomain, parseMailbox, parsePath } from './address.ts';
import { parseCommandLine, parseMailFrom, parseParams, parseRcptTo } from './parse.ts';
import { formatReply, R250Ok, R334Challenge } from './replies.ts';

describe('paths and mailboxes', () => {
  it('parses the forms RFC 5321 allows', () => {
    expect(parsePath('<a.b+c@Example.ORG>', false)).toEqual({
      ok: true,
      mailbox: { localPart: 'a.b+c', domain: 'example.org', address: 'a.b+c@example.org', nonAscii: false },
      rest: '',
    });
    expect(parsePath('<> SIZE=1', true)).toEqual({ ok: true, mailbox: null, rest: ' SIZE=1' });
    expect(parsePath('<"quoted > @ odd"@x.test>', false)).toMatchObject({ ok: true, mailbox: { localPart: '"quoted > @ odd"' } });
    expect(parsePath('<@a.test,@b.test:u@c.test>', false)).toMatchObject({ ok: true, mailbox: { address: 'u@c.test' } });
    expect(parseMailbox('用户@例子.广告')).toMatchObject({ nonAscii: true, domain: '例子.广告' });
    expect(parseMailbox('u@[IPv6:2001:db8::1]')).toMatchObject({ domain: '[ipv6:2001:db8::1]' });
  });

  it('refuses what it does not allow', () => {
    for (const bad of ['<a..b@x.test>', '<.a@x.test>', '<a@x..test>', '<a@>', '<@x.test>', '<a@x_y.test>', '<a@[300.1.1.1]>', '<@-bad:u@x.test>', '<@a.test u@x.test>', '<u@x.test', 'u@x.test']) {
      expect(parsePath(bad, true).ok, bad).toBe(false);
    }
    expect(parsePath(`<a@${`${'d'.repeat(63)}.`.repeat(4)}test>`, false)).toEqual({ ok: false, why: 'the path is longer than 256 octets' });
    expect(isDomain('a-b.c1')).toBe(true);
    expect(isDomain('-a.b')).toBe(false);
    expect(isAddressLiteral('[192.0.2.1]')).toBe(true);
    expect(isAddressLiteral('[192.0.2]')).toBe(false);
  });
});

describe('command lines and parameters', () => {
  it('splits the verb off, case-insensitively, keeping the argument', () => {
    expect(parseCommandLine('mail FROM:<a@b.test>  ')).toEqual({ verb: 'MAIL', args: 'FROM:<a@b.test>' });
    expect(parseCommandLine('QUIT')).toEqual({ verb: 'QUIT', args: '' });
  });

  it('parses esmtp-params', () => {
    expect(parseParams(' SIZE=10  body=8BITMIME SMTPUTF8')).toEqual([
      { keyword: 'SIZE', value: '10' },
      { keyword: 'BODY', value: '8BITMIME' },
      { keyword: 'SMTPUTF8', value: null },
    ]);
    expect(parseParams('X=a=b')).toBe('the value of X is empty or has forbidden characters');
    expect(parseParams('X=')).toBe('the value of X is empty or has forbidden characters');
  });

  it('MAIL FROM and RCPT TO', () => {
    expect(parseMailFrom('FROM:<a@b.test> SIZE=5')).toMatchObject({ ok: true, params: [{ keyword: 'SIZE', value: '5' }] });
    expect(parseRcptTo('TO:<postmaster>', 'example.org')).toMatchObject({ ok: true, mailbox: { address: 'postmaster@example.org' } });
    expect(parseRcptTo('To:<PostMaster@Example.org>', 'x')).toMatchObject({ ok: true, mailbox: { address: 'PostMaster@example.org' } });
    expect(parseRcptTo('TO:', 'x')).toMatchObject({ ok: false, reply: { code: 501 } });
  });
});

describe('reply formatting (RFC 5321 §4.2.1, RFC 2034 §4)', () => {
  it('puts the enhanced code on every line, hyphens on all but the last, and never a control character', () => {
    const multi = { code: 250, status: '2.0.0', lines: ['one', 'two\r\nINJECTED'] };
    expect(utf8Text(formatReply(multi, true))).toBe('250-2.0.0 one\r\n250 2.0.0 two??INJECTED\r\n');
    expect(utf8Text(formatReply(R250Ok, false))).toBe('250 OK\r\n');
    expect(utf8Text(formatReply(R334Challenge(''), true))).toBe('334 \r\n');
  });
});
