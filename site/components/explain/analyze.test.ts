import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainTranscript } from './analyze.ts';
import { masked } from './secrets.ts';

const plain = (user: string, pass: string) => btoa(`\0${user}\0${pass}`);

describe('explainTranscript', () => {
  it('AUTH before STARTTLS on 587: the refusal, its rule, the password masked and flagged as sent in clear', () => {
    const t = explainTranscript(
      ['S: 220 mail.example.com ESMTP', 'C: EHLO laptop', 'S: 250-mail.example.com', 'S: 250 STARTTLS', `C: AUTH PLAIN ${plain('alice', 'wonderland')}`, 'S: 530 5.7.0 Must issue a STARTTLS command first', 'C: QUIT', 'S: 221 2.0.0 Bye'].join('\n'),
    );
    expect(t.parsed).toMatchObject({ format: 'cs', protocol: 'smtp' });
    const auth = t.lines.find((l) => l.text.startsWith('AUTH'))!;
    expect(auth.side).toBe('client');
    expect(auth.secret).toMatchObject({ user: 'alice' });
    expect(masked(auth.text, auth.secret)).toBe('AUTH PLAIN ••••••••');
    expect(masked(auth.text, auth.secret)).not.toContain(plain('alice', 'wonderland'));
    expect(auth.callouts.map((c) => c.tone)).toEqual(['warning']);
    const refusal = t.lines.find((l) => l.text.startsWith('530'))!;
    expect(refusal.callouts.map((c) => c.tone)).toContain('stop');
    expect(refusal.callouts.find((c) => c.tone === 'refusal')?.rfc.rfc).toBe(3207);
    expect(t.lines.find((l) => l.text.startsWith('250 '))!.state).toBe('ready');
  });

  it('a password after STARTTLS is masked but not flagged, and the state follows TLS', () => {
    const t = explainTranscript(
      ['S: 220 mx ESMTP', 'C: EHLO a', 'S: 250 STARTTLS', 'C: STARTTLS', 'S: 220 2.0.0 Ready to start TLS', 'C: EHLO a', 'S: 250 AUTH PLAIN LOGIN', 'C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', `C: ${btoa('alice')}`, 'S: 334 UGFzc3dvcmQ6', `C: ${btoa('wonderland')}`, 'S: 235 2.7.0 Authentication successful'].join('\n'),
    );
    const user = t.lines.find((l) => l.text === btoa('alice'))!;
    const pass = t.lines.find((l) => l.text === btoa('wonderland'))!;
    expect(user.secret).toBeNull();
    expect(pass.secret).not.toBeNull();
    expect(pass.callouts).toEqual([]);
    expect(pass.tls).toBe(true);
    expect(t.lines.find((l) => l.text.startsWith('220 2.0.0'))!.state).toBe('connected');
  });

  it('a 4xx says retry, a 5xx says stop', () => {
    const t = explainTranscript(['220 mx ESMTP', 'HELO a', '250 mx', 'MAIL FROM:<a@b.example>', '250 2.1.0 Ok', 'RCPT TO:<x@y.example>', '451 4.3.0 Try again later', 'RCPT TO:<z@y.example>', '550 5.1.1 No such user'].join('\n'));
    expect(t.parsed.format).toBe('plain');
    expect(t.lines.find((l) => l.text.startsWith('451'))!.callouts).toContainEqual(expect.objectContaining({ tone: 'retry' }));
    expect(t.lines.find((l) => l.text.startsWith('550'))!.callouts).toContainEqual(expect.objectContaining({ tone: 'stop', text: expect.stringContaining('5.1.1') }));
    expect(t.lines.filter((l) => l.side === 'client').map((l) => l.text)).toEqual(['HELO a', 'MAIL FROM:<a@b.example>', 'RCPT TO:<x@y.example>', 'RCPT TO:<z@y.example>']);
  });

  it('POP3 -ERR [IN-USE] is temporary; PASS is masked', () => {
    const t = explainTranscript(['S: +OK ready', 'C: USER bob', 'S: +OK', 'C: PASS builder', 'S: -ERR [IN-USE] Mailbox is locked by another session'].join('\n'));
    const pass = t.lines.find((l) => l.text.startsWith('PASS'))!;
    expect(masked(pass.text, pass.secret)).toBe('PASS ••••••••');
    expect(t.lines.at(-1)!.callouts.find((c) => c.tone === 'retry')?.title).toMatch(/IN-USE.*temporary/);
  });

  it('IMAP NO [AUTHENTICATIONFAILED]: the knowledge base entry, and LOGIN’s password masked', () => {
    const t = explainTranscript(['S: * OK [CAPABILITY IMAP4rev1] ready', 'C: a1 LOGIN alice "wrong pass"', 'S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.'].join('\n'));
    const login = t.lines[1]!;
    expect(masked(login.text, login.secret)).toBe('a1 LOGIN alice ••••••••');
    expect(t.lines[2]!.callouts).toContainEqual(expect.objectContaining({ tone: 'stop', title: 'NO [AUTHENTICATIONFAILED]' }));
    expect(t.lines[2]!.state).toBe('not-authenticated');
  });

  it("reads Thunderbird's mailnews log", () => {
    const t = explainTranscript(
      [
        '2026-11-30 10:00:01.123000 UTC - [Parent 4711: Main Thread]: D/mailnews.imap ImapClient: Connecting to imap.example.com:993',
        '2026-11-30 10:00:01.223000 UTC - [Parent 4711: Main Thread]: D/mailnews.imap ImapClient: S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready',
        '2026-11-30 10:00:01.323000 UTC - [Parent 4711: Main Thread]: D/mailnews.imap ImapClient: C: 1 authenticate PLAIN',
        '2026-11-30 10:00:01.423000 UTC - [Parent 4711: Main Thread]: D/mailnews.imap ImapClient: S: +',
        `2026-11-30 10:00:01.523000 UTC - [Parent 4711: Main Thread]: D/mailnews.imap ImapClient: C: ${plain('alice', 'wonderland')}`,
        '2026-11-30 10:00:01.623000 UTC - [Parent 4711: Main Thread]: D/mailnews.imap ImapClient: S: 1 OK Logged in',
      ].join('\n'),
    );
    expect(t.parsed).toMatchObject({ format: 'thunderbird', protocol: 'imap' });
    expect(t.lines.filter((l) => l.side !== 'note').map((l) => l.side)).toEqual(['server', 'client', 'server', 'client', 'server']);
    expect(t.lines.at(-2)!.secret).toMatchObject({ user: 'alice' });
    expect(t.lines.at(-1)!.state).toBe('authenticated');
  });

  it('says what it could not read instead of showing nothing', () => {
    expect(explainTranscript('').parsed.warnings).toEqual(['Paste a transcript to explain it.']);
    expect(explainTranscript('hello there\nhow are you').parsed.warnings.join(' ')).toMatch(/Which protocol/);
    const mixed = explainTranscript(['C: EHLO a', 'S: 250 ok', 'C: MAIL FROM:<a@b>', 'S: 250 ok', ' -> RCPT TO:<c@d>', '<-  250 ok', ' -> DATA', '<-  354 go'].join('\n'));
    expect(mixed.parsed.warnings.join(' ')).toMatch(/mixes/);
  });

  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('S: 220 x', 'C: EHLO', 'S: * OK', '+OK', 'C: a LOGIN b c', 'S: 334 ', ' -> AUTH PLAIN', '<-  535 no', '*get* b\'+OK\\r\\n\'')), { maxLength: 40 }), (lines) => {
        const t = explainTranscript(lines.join('\n'));
        expect(t.lines.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
