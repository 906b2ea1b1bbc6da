import { describe, expect, it } from 'vitest';
import { asksForTls, tlsAccepted } from './console-rules.ts';

describe('console TLS rules', () => {
  it('knows the three protocols\' TLS commands', () => {
    for (const line of ['STARTTLS', 'stls', 'a1 STARTTLS', ' STLS ']) expect(asksForTls(line)).toBe(true);
    for (const line of ['EHLO x', 'STARTTLS now', 'a1 LOGIN a b', '']) expect(asksForTls(line)).toBe(false);
  });

  it('starts TLS only on a positive answer', () => {
    expect(tlsAccepted('220 2.0.0 Ready to start TLS\r\n')).toBe(true);
    expect(tlsAccepted('+OK Begin TLS negotiation\r\n')).toBe(true);
    expect(tlsAccepted('a1 OK Begin TLS negotiation now\r\n')).toBe(true);
    expect(tlsAccepted('454 4.7.0 TLS not available\r\n')).toBe(false);
    expect(tlsAccepted('-ERR no\r\n')).toBe(false);
    expect(tlsAccepted('a1 BAD TLS is already active\r\n')).toBe(false);
  });
});
