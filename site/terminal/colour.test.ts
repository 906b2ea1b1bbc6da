import { describe, expect, it } from 'vitest';
import { classifyServerLine, printable, styled } from './colour.ts';

describe('classifyServerLine', () => {
  it('colours SMTP replies by their first digit (RFC 5321 §4.2.1)', () => {
    expect(classifyServerLine('220 mail.example.com ESMTP', 'smtp')).toBe('positive');
    expect(classifyServerLine('250-PIPELINING', 'smtp')).toBe('positive');
    expect(classifyServerLine('354 End data with <CR><LF>.<CR><LF>', 'smtp')).toBe('intermediate');
    expect(classifyServerLine('421 4.4.2 Timeout', 'smtp')).toBe('transient');
    expect(classifyServerLine('550 5.1.1 No such user', 'smtp')).toBe('permanent');
    expect(classifyServerLine('250', 'smtp')).toBe('positive');
    expect(classifyServerLine('2500 x', 'smtp')).toBe('plain');
    expect(classifyServerLine('hello', 'smtp')).toBe('plain');
  });

  it('colours POP3 status indicators (RFC 1939 §3)', () => {
    expect(classifyServerLine('+OK POP3 ready', 'pop3')).toBe('positive');
    expect(classifyServerLine('-ERR no such message', 'pop3')).toBe('permanent');
    expect(classifyServerLine('+ ', 'pop3')).toBe('intermediate');
    expect(classifyServerLine('1 120', 'pop3')).toBe('plain');
  });

  it('colours IMAP responses (RFC 9051 §7)', () => {
    expect(classifyServerLine('* OK [CAPABILITY IMAP4rev2] ready', 'imap')).toBe('untagged');
    expect(classifyServerLine('* 3 EXISTS', 'imap')).toBe('untagged');
    expect(classifyServerLine('a1 OK LOGIN completed', 'imap')).toBe('positive');
    expect(classifyServerLine('a2 NO [AUTHENTICATIONFAILED] Invalid credentials', 'imap')).toBe('transient');
    expect(classifyServerLine('a3 BAD Command unknown', 'imap')).toBe('permanent');
    expect(classifyServerLine('+ Ready for literal data', 'imap')).toBe('intermediate');
    expect(classifyServerLine('a4 OKAY', 'imap')).toBe('plain');
  });

  it('guesses when the protocol is unknown', () => {
    expect(classifyServerLine('250 ok', null)).toBe('positive');
    expect(classifyServerLine('-ERR', null)).toBe('permanent');
    expect(classifyServerLine('* BYE', null)).toBe('untagged');
  });
});

describe('styled and printable', () => {
  it('wraps text in the kind\'s SGR and resets after it', () => {
    expect(styled('positive', '250 ok')).toBe('\x1b[32m250 ok\x1b[0m');
    expect(styled('plain', 'x')).toBe('x');
  });

  it('shows control characters from a server instead of obeying them', () => {
    expect(printable('ok\x1b[2J\x07\tend')).toBe('ok\\x1b[2J\\x07\tend');
  });
});
