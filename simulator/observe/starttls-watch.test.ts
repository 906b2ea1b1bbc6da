import { describe, expect, it } from 'vitest';
import { StartTlsWatch, tlsAgreed } from './starttls-watch.ts';

describe('StartTlsWatch', () => {
  it('SMTP: STARTTLS, then the final 220 agrees (RFC 3207 §4)', () => {
    const w = new StartTlsWatch();
    expect(w.clientLine('smtp', 'EHLO a')).toBe(false);
    expect(w.clientLine('smtp', 'starttls')).toBe(true);
    expect(w.serverLine('220-still going')).toBeNull();
    expect(w.serverLine('220 2.0.0 Ready to start TLS')).toBe('agreed');
    expect(w.pending).toBe(false);
  });

  it('SMTP: any other final reply refuses', () => {
    const w = new StartTlsWatch();
    w.clientLine('smtp', 'STARTTLS');
    expect(w.serverLine('454 4.7.0 TLS not available')).toBe('refused');
    w.clientLine('smtp', 'STARTTLS ');
    expect(w.serverLine('501 5.5.4 Syntax')).toBe('refused');
  });

  it('POP3: STLS; +OK agrees and -ERR refuses (RFC 2595 §4)', () => {
    const w = new StartTlsWatch();
    expect(w.clientLine('pop3', 'STARTTLS')).toBe(false);
    expect(w.clientLine('pop3', 'stls')).toBe(true);
    expect(w.serverLine('+OK Begin TLS negotiation')).toBe('agreed');
    w.clientLine('pop3', 'STLS');
    expect(w.serverLine('-ERR Command not permitted when TLS active')).toBe('refused');
  });

  it('IMAP: only the tagged reply to this tag answers (RFC 9051 §6.2.1)', () => {
    const w = new StartTlsWatch();
    expect(w.clientLine('imap', 'STARTTLS')).toBe(false);
    expect(w.clientLine('imap', 'a1 starttls')).toBe(true);
    expect(w.serverLine('* OK still here')).toBeNull();
    expect(w.serverLine('a0 OK other command')).toBeNull();
    expect(w.serverLine('a1 OK Begin TLS negotiation now')).toBe('agreed');
    w.clientLine('imap', 'b STARTTLS');
    expect(w.serverLine('b BAD TLS already active')).toBe('refused');
    w.clientLine('imap', 'c STARTTLS');
    expect(w.serverLine('c NO not now')).toBe('refused');
  });

  it('ignores server lines when nothing is pending, and forgets on reset', () => {
    const w = new StartTlsWatch();
    expect(w.serverLine('220 hello')).toBeNull();
    w.clientLine('smtp', 'STARTTLS');
    w.reset();
    expect(w.serverLine('220 ready')).toBeNull();
  });

  it('tells a protocol-blind console when to start TLS, from the command and the reply', () => {
    expect(tlsAgreed('STARTTLS', '220 2.0.0 Ready to start TLS\r\n')).toBe(true);
    expect(tlsAgreed(' stls ', '+OK Begin TLS negotiation\r\n')).toBe(true);
    expect(tlsAgreed('a1 STARTTLS', '* OK still here\r\na1 OK Begin TLS negotiation now\r\n')).toBe(true);
    expect(tlsAgreed('STARTTLS', '454 4.7.0 TLS not available\r\n')).toBe(false);
    expect(tlsAgreed('STLS', '-ERR no\r\n')).toBe(false);
    expect(tlsAgreed('a1 STARTTLS', 'a1 BAD TLS is already active\r\n')).toBe(false);
    for (const line of ['EHLO x', 'STARTTLS now', 'a1 LOGIN a b', '']) expect(tlsAgreed(line, '220 ok\r\n+OK\r\na1 OK\r\n')).toBe(false);
  });
});
