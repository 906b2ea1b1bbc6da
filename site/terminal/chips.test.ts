import { describe, expect, it } from 'vitest';
import { EXAMPLE_LINES, PROTOCOL_CHIPS, exampleLine } from './chips.ts';
import { touchChips } from './touch-chips.ts';
import { smtpContext, smtpDriver } from '../../simulator/smtp/server-fixture.test-helper.ts';
import { makeHarness } from './testing/harness.ts';
import { createVirtualConnector } from './virtual-connector.ts';

describe('example lines for chips and the lab\'s allowed commands', () => {
  it('gives each verb that needs an argument a whole line starting with the verb', () => {
    for (const [protocol, lines] of Object.entries(EXAMPLE_LINES)) {
      for (const [verb, line] of Object.entries(lines)) {
        expect(line.startsWith(`${verb} `), `${protocol} ${verb}`).toBe(true);
        expect(line.length, `${protocol} ${verb}`).toBeGreaterThan(verb.length + 1);
      }
    }
    expect(exampleLine('smtp', 'ehlo')).toBe('EHLO laptop.example.com');
    expect(exampleLine('smtp', 'QUIT')).toBe('QUIT');
  });

  it('never offers a bare EHLO, HELO, MAIL, RCPT, USER, PASS or LOGIN as a chip', () => {
    const all = Object.values(PROTOCOL_CHIPS).flat();
    for (const chip of all) expect(chip).not.toMatch(/^(a\d+ )?(EHLO|HELO|MAIL FROM:|RCPT TO:|USER|PASS|LOGIN)\s*$/);
  });

  it('the SMTP chips, tapped in order on port 25, deliver without a 5xx', async () => {
    const h = makeHarness({ connector: createVirtualConnector(), cols: 120 });
    h.enter('/connect mail.example.org 25');
    await h.shows(/^220 /);
    const [ehlo, mail, rcpt] = PROTOCOL_CHIPS.smtp;
    h.enter(ehlo ?? '');
    await h.shows(/^250 /);
    h.enter(mail ?? '');
    h.enter(rcpt ?? '');
    await h.shows(/^250 2\.1\.5/);
    expect(h.lines().filter((l) => /^5\d\d /.test(l))).toEqual([]);
  });

  it('the POP3 and IMAP login chips are accepted by the engines (after TLS, on 995 and 993)', async () => {
    const pop = makeHarness({ connector: createVirtualConnector(), cols: 120 });
    pop.enter('/connect mail.example.com 995');
    await pop.shows(/^\+OK/);
    pop.enter(exampleLine('pop3', 'USER'));
    pop.enter(exampleLine('pop3', 'PASS'));
    await pop.shows(/^\+OK .*(maildrop|message|logged|locked)/i);
    const imap = makeHarness({ connector: createVirtualConnector(), cols: 120 });
    imap.enter('/connect mail.example.com 993');
    await imap.shows(/^\* OK/);
    imap.enter(`a1 ${exampleLine('imap', 'LOGIN')}`);
    await imap.shows(/^a1 OK/);
    imap.enter(`a2 ${exampleLine('imap', 'SELECT')}`);
    await imap.shows(/^a2 OK/);
  });
});

describe('touch chips follow the server state', () => {
  /** The chips after each line of a session with the real SMTP engine, in the state it reached. */
  function chipsAlong(lines: readonly string[]): Array<readonly string[]> {
    const driver = smtpDriver(smtpContext('mail.example.org', 25));
    return lines.map((line) => {
      driver.send(`${line}\r\n`);
      return touchChips('smtp', driver.engine.state);
    });
  }

  it('offer the next steps of an SMTP transaction, the end of the message after 354, and nothing inside a chunk', () => {
    const [ready, mail, rcpt, data, done] = chipsAlong(['EHLO laptop.example', 'MAIL FROM:<carol@example.net>', 'RCPT TO:<bob@example.org>', 'DATA', '.']);
    expect(ready).toContain('MAIL FROM:<alice@example.com>');
    expect(ready).not.toContain('DATA');
    expect(mail).toContain('RCPT TO:<bob@example.org>');
    expect(mail).not.toContain('MAIL FROM:<alice@example.com>');
    expect(rcpt).toContain('DATA');
    // RFC 5321 §4.1.1.4: after 354 a tap adds to the message or ends it; no command chip would be read as one.
    expect(data).toEqual(['Subject: Hello', '.']);
    expect(done).toContain('MAIL FROM:<alice@example.com>');
    const [, , , chunk] = chipsAlong(['EHLO laptop.example', 'MAIL FROM:<carol@example.net>', 'RCPT TO:<bob@example.org>', 'BDAT 100 LAST']);
    expect(chunk).toEqual([]);
  });

  it('offer DONE in IDLE and * in a SASL exchange, the only lines those sub-states take', () => {
    expect(touchChips('imap', 'idle-selected')).toEqual(['DONE']);
    expect(touchChips('pop3', 'SASL')).toEqual(['*']);
    expect(touchChips('imap', 'selected')).toContain('a4 FETCH 1 (FLAGS ENVELOPE)');
    expect(touchChips('imap', 'not-authenticated')).not.toContain('a4 FETCH 1 (FLAGS ENVELOPE)');
  });

  it('are the protocol\'s own while the state is unknown, and the connect lines when not connected', () => {
    expect(touchChips('pop3', null)).toEqual(PROTOCOL_CHIPS.pop3);
    expect(touchChips(null, null)).toContain('/connect mail.example.org 25');
  });
});
