/** The reference pages' data: a card for every command the engines know, a searchable table. */
import { describe, expect, it } from 'vitest';
import { COMMAND_STATES } from '../imap/registry.ts';
import { POP3_COMMANDS } from '../pop3/registry.ts';
import { SMTP_COMMANDS } from '../smtp/registry.ts';
import { commandCards, referenceTable, searchReference } from './reference.ts';
import { readerUrl } from './rfc.ts';

describe('commandCards', () => {
  it('has a card, with syntax and example, for every command in each engine registry', () => {
    const registries: Array<['smtp' | 'pop3' | 'imap', string[]]> = [
      ['smtp', SMTP_COMMANDS.map((c) => c.verb)],
      ['pop3', POP3_COMMANDS.map((c) => c.verb)],
      ['imap', Object.keys(COMMAND_STATES)],
    ];
    for (const [protocol, verbs] of registries) {
      const cards = commandCards(protocol);
      for (const verb of verbs) {
        const card = cards.find((c) => c.verb === verb);
        expect(card, `${protocol} ${verb}`).toBeDefined();
        expect(card!.implemented).toBe(true);
        expect(card!.syntax.length).toBeGreaterThan(2);
        expect(card!.example).toMatch(/^C: /);
        expect(card!.states.length).toBeGreaterThan(0);
      }
    }
  });

  it('marks commands the RFC has but our server does not', () => {
    expect(commandCards('smtp').find((c) => c.verb === 'EXPN')?.implemented).toBe(false);
  });

  it('takes states from the engines: SMTP RCPT only inside a transaction', () => {
    expect(commandCards('smtp').find((c) => c.verb === 'RCPT')?.states).toEqual(expect.arrayContaining(['mail', 'rcpt']));
    expect(commandCards('smtp').find((c) => c.verb === 'RCPT')?.states).not.toContain('connected');
  });
});

describe('referenceTable', () => {
  it('holds every non-command token, with a citation and a link', () => {
    for (const p of ['smtp', 'pop3', 'imap'] as const) {
      const rows = referenceTable(p);
      expect(rows.length).toBeGreaterThan(30);
      for (const r of rows) {
        expect(r.kind).not.toBe('command');
        expect(r.citation).toMatch(/^RFC \d+( §[\dA-Z.]+)?$/);
        const [, n, section] = /^RFC (\d+)(?: §(\S+))?$/.exec(r.citation)!;
        expect(r.url, r.citation).toBe(readerUrl(Number(n), section));
        expect(r.url.startsWith('/rfc/'), r.citation).toBe(!r.external);
      }
    }
  });

  it('is searchable by token, words and RFC', () => {
    expect(searchReference('smtp', '535').map((r) => r.token)).toContain('535');
    expect(searchReference('smtp', 'relay').map((r) => r.token)).toContain('X.7.1');
    expect(searchReference('imap', 'uidvalidity').map((r) => r.token)).toContain('UIDVALIDITY');
    expect(searchReference('pop3', 'RFC 2449 maildrop').map((r) => r.token)).toContain('IN-USE');
    expect(searchReference('imap', 'no such thing at all')).toEqual([]);
  });
});
