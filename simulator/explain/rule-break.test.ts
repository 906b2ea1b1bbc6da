/** explainRuleBreak: the rule behind each refusal, on fixed cases and on replies the engines really send. */
import { describe, expect, it } from 'vitest';
import { ImapServer } from '../imap/server.ts';
import { defaultWorld } from '../world/world.ts';
import { Pop3Server } from '../pop3/server.ts';
import { SmtpServer } from '../smtp/server.ts';
import { testContext } from '../testing/context.ts';
import { EngineDriver } from '../testing/transcript.ts';
import { RULE_CASES } from './rule-cases.test-data.ts';
import { commandVerb, explainRuleBreak } from './rule-break.ts';

const T = Date.UTC(2026, 10, 26, 8, 0, 0);

describe('explainRuleBreak', () => {
  for (const c of RULE_CASES) {
    it(`${c.protocol} ${c.state}: ${c.command} → ${c.reply.slice(0, 40)} = RFC ${c.rfc} §${c.section}`, () => {
      const found = explainRuleBreak(c.protocol, c.state, c.command, c.reply);
      expect(found?.rfc.rfc).toBe(c.rfc);
      expect(found?.rfc.section).toBe(c.section);
      expect(found?.rule.length).toBeGreaterThan(10);
    });
  }

  it('is null for replies that refuse nothing', () => {
    expect(explainRuleBreak('smtp', 'ready', 'MAIL FROM:<a@b.c>', '250 2.1.0 Sender OK')).toBeNull();
    expect(explainRuleBreak('pop3', 'TRANSACTION', 'STAT', '+OK 2 320')).toBeNull();
    expect(explainRuleBreak('imap', 'selected', 'a1 NOOP', 'a1 OK NOOP completed')).toBeNull();
  });

  it('finds the verb of a command line', () => {
    expect(commandVerb('smtp', 'MAIL FROM:<a@b>')).toBe('MAIL');
    expect(commandVerb('smtp', 'C: rcpt to:<a@b>')).toBe('RCPT');
    expect(commandVerb('imap', 'a1 uid fetch 1 flags')).toBe('UID');
    expect(commandVerb('pop3', 'retr 1')).toBe('RETR');
  });

  it('lists what the state allows, from the engine tables', () => {
    const smtp = explainRuleBreak('smtp', 'ready', 'RCPT TO:<b@c.d>', '503 5.5.1 Bad sequence of commands: need MAIL command');
    expect(smtp?.allowed).toContain('MAIL');
    expect(smtp?.allowed).not.toContain('RCPT');
    const imap = explainRuleBreak('imap', 'not-authenticated', 'a1 SELECT INBOX', 'a1 BAD no');
    expect(imap?.allowed).toEqual(expect.arrayContaining(['LOGIN', 'AUTHENTICATE', 'STARTTLS']));
    const pop3 = explainRuleBreak('pop3', 'AUTHORIZATION', 'STAT', '-ERR no');
    expect(pop3?.allowed).toContain('USER');
  });
});

describe("explainRuleBreak on the engines' own refusals", () => {
  it('SMTP: every 503 the server sends in a scripted session is explained', () => {
    const server = new SmtpServer(testContext('mail.example.com', 587, defaultWorld(T)));
    const d = new EngineDriver(server);
    d.start();
    const script = [
      'RCPT TO:<bob@example.org>',
      'DATA',
      'EHLO a.example',
      'RCPT TO:<bob@example.org>',
      'DATA',
      'STARTTLS',
      'EHLO a.example',
      'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=',
      'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=',
      'MAIL FROM:<alice@example.com>',
      'MAIL FROM:<alice@example.com>',
      'DATA',
      'AUTH LOGIN',
      'STARTTLS',
    ];
    let refusals = 0;
    for (const line of script) {
      const state = server.state;
      const replies = d.send(`${line}\r\n`);
      const last = replies[replies.length - 1] ?? '';
      if (last.startsWith('503')) {
        refusals++;
        const found = explainRuleBreak('smtp', state, line, last);
        expect(found, `${state} ${line} → ${last}`).not.toBeNull();
      }
    }
    expect(refusals).toBeGreaterThanOrEqual(6);
  });

  it("RCPT before MAIL names RFC 5321 §3.3 (the lab's Playwright case)", () => {
    const server = new SmtpServer(testContext('mail.example.com', 25, defaultWorld(T)));
    const d = new EngineDriver(server);
    d.start();
    d.send('EHLO a.example\r\n');
    const state = server.state;
    const [reply] = d.send('RCPT TO:<bob@example.com>\r\n');
    expect(reply).toMatch(/^503 /);
    expect(explainRuleBreak('smtp', state, 'RCPT TO:<bob@example.com>', reply!)?.rfc.url).toBe(
      'https://www.rfc-editor.org/rfc/rfc5321#section-3.3',
    );
  });

  it('POP3 and IMAP wrong-state refusals are explained', () => {
    const pop = new Pop3Server(testContext('mail.example.org', 995, defaultWorld(T)));
    const p = new EngineDriver(pop);
    p.start();
    for (const line of ['STAT', 'LIST', 'RETR 1', 'DELE 1', 'UIDL', 'TOP 1 1', 'RSET']) {
      const [reply] = p.send(`${line}\r\n`);
      expect(reply).toMatch(/^-ERR/);
      expect(explainRuleBreak('pop3', pop.state, line, reply!)?.rfc.section, line).toBe('5');
    }
    const imap = new ImapServer(testContext('mail.example.com', 993, defaultWorld(T)));
    const i = new EngineDriver(imap);
    i.start();
    for (const line of ['a1 SELECT INBOX', 'a2 LIST "" *', 'a3 FETCH 1 FLAGS', 'a4 UID SEARCH ALL', 'a5 EXPUNGE']) {
      const replies = i.send(`${line}\r\n`);
      const last = replies[replies.length - 1]!;
      expect(last).toMatch(/ BAD /);
      expect(explainRuleBreak('imap', imap.state, line, last)?.rfc.section, line).toMatch(/^6\.[34]$/);
    }
  });
});
