import { describe, expect, it } from 'vitest';
import { StartTlsWatch } from './starttls-watch.ts';

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
});
