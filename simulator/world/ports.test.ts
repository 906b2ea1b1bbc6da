import { describe, expect, it } from 'vitest';
import { MAIL_PORTS, portLabel, upgradeVerb } from './ports.ts';

describe('port labels', () => {
  it('name every listening port by protocol, role where it varies, and how TLS starts', () => {
    expect(MAIL_PORTS.map(portLabel)).toEqual([
      '25: SMTP relay (STARTTLS)',
      '465: SMTP submission (implicit TLS)',
      '587: SMTP submission (STARTTLS)',
      '2525: SMTP submission, unofficial (STARTTLS)',
      '110: POP3 (STLS)',
      '995: POP3 (implicit TLS)',
      '143: IMAP (STARTTLS)',
      '993: IMAP (implicit TLS)',
    ]);
  });

  it("use each protocol's own upgrade command (RFC 2595 §4: POP3's is STLS)", () => {
    expect(upgradeVerb('pop3')).toBe('STLS');
    expect(upgradeVerb('smtp')).toBe('STARTTLS');
    expect(upgradeVerb('imap')).toBe('STARTTLS');
  });
});
