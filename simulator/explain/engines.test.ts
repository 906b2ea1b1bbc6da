/**
 * The knowledge base against what our engines really send: every SMTP reply constant's code and
 * enhanced code, every CAPA tag, every IMAP capability, and every line of real sessions, which
 * explainLine must tile exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImapServer } from '../imap/server.ts';
import { IMAP_STATES } from '../imap/state.ts';
import { POP3_STATES } from '../pop3/state.ts';
import { SMTP_STATES } from '../smtp/state.ts';
import { defaultWorld } from '../world/world.ts';
import { Pop3Server } from '../pop3/server.ts';
import * as smtpReplies from '../smtp/replies.ts';
import { SmtpServer } from '../smtp/server.ts';
import { testContext } from '../testing/context.ts';
import { EngineDriver } from '../testing/transcript.ts';
import { explainLine } from './explain-line.ts';
import { lookup } from './knowledge.ts';
import { ENHANCED_DETAILS } from './smtp-enhanced.ts';
import { SMTP_REPLY_CODES } from './smtp-replies.ts';
import type { Protocol, Side } from './types.ts';
import { expectTiles } from './test-support.ts';

const T = Date.UTC(2026, 10, 26, 8, 0, 0);
const PLAIN_ALICE = 'AGFsaWNlAHdvbmRlcmxhbmQ=';

/** Every reply code and enhanced code written in the SMTP engine's sources (replies.ts and inline ones). */
function smtpCodesInSource(): Array<[string, string | null]> {
  const dir = new URL('../smtp/', import.meta.url).pathname;
  const found: Array<[string, string | null]> = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.includes('.test') && !n.includes('test-helper'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const m of text.matchAll(/\br\((\d{3}),\s*(null|'([\d.]+)')/g)) found.push([m[1]!, m[3] ?? null]);
    for (const m of text.matchAll(/code:\s*(\d{3}),\s*status:\s*(null|'([\d.]+)')/g)) found.push([m[1]!, m[3] ?? null]);
  }
  return found;
}

describe('every SMTP reply the server can send is explained', () => {
  const replies = Object.entries(smtpReplies).flatMap(([name, value]) => {
    if (!/^R\d{3}/.test(name)) return [];
    const reply = typeof value === 'function' ? (value as (...a: unknown[]) => unknown)('x', 'x') : value;
    return reply && typeof reply === 'object' && 'code' in reply ? [[name, reply as smtpReplies.Reply] as const] : [];
  });

  it('finds the reply constants', () => {
    expect(replies.length).toBeGreaterThan(40);
  });

  for (const [name, reply] of replies) {
    it(`${name}: ${reply.code} ${reply.status ?? ''}`, () => {
      expect(
        SMTP_REPLY_CODES.some((e) => e.token === String(reply.code)),
        `reply code ${reply.code}`,
      ).toBe(true);
      if (reply.status) {
        const [c, s, d] = reply.status.split('.');
        expect(c).toBe(String(reply.code)[0]);
        expect(
          ENHANCED_DETAILS.some((e) => e.token === `X.${s}.${d}`),
          `enhanced ${reply.status}`,
        ).toBe(true);
        expect(lookup('smtp', reply.status, 'enhanced-code')?.title).toMatch(/^(Success|Temporary failure|Permanent failure): /);
      }
    });
  }

  it('covers the codes written inline anywhere in simulator/smtp', () => {
    const codes = smtpCodesInSource();
    expect(codes.length).toBeGreaterThan(40);
    for (const [code, status] of codes) {
      expect(
        SMTP_REPLY_CODES.some((e) => e.token === code),
        code,
      ).toBe(true);
      if (status)
        expect(
          ENHANCED_DETAILS.some((e) => e.token === `X.${status.split('.').slice(1).join('.')}`),
          status,
        ).toBe(true);
    }
  });
});

/** Plays client lines and returns the whole dialogue as [side, line] pairs. */
function dialogue<S extends string, E>(driver: EngineDriver<S, E>, lines: string[]): Array<[Side, string]> {
  const out: Array<[Side, string]> = driver.start().map((l) => ['server', l]);
  for (const line of lines) {
    out.push(['client', line]);
    for (const reply of driver.send(`${line}\r\n`)) out.push(['server', reply]);
  }
  return out;
}

function smtpSession(port: number): Array<[Side, string]> {
  const driver = new EngineDriver(new SmtpServer(testContext('mail.example.com', port, defaultWorld(T))));
  return dialogue(driver, [
    'RCPT TO:<bob@example.org>',
    'EHLO laptop.example.org',
    'STARTTLS',
    'EHLO laptop.example.org',
    'VRFY bob',
    'HELP',
    'HELP MAIL',
    'MAIL FROM:<alice@example.com>',
    `AUTH PLAIN ${PLAIN_ALICE}`,
    'RSET',
    `AUTH PLAIN ${PLAIN_ALICE}`,
    'AUTH LOGIN',
    'MAIL FROM:<alice@example.com> SIZE=100 BODY=8BITMIME',
    'RCPT TO:<bob@example.org>',
    'DATA',
    'Subject: hi',
    '',
    '..dot',
    '.',
    'EXPN staff',
    'NOOP',
    'BOGUS',
    'MAIL FROM:<x@elsewhere.test>',
    'RCPT TO:<nobody@example.com>',
    'RCPT TO:<a@b.c> XYZ=1',
    'QUIT',
  ]);
}

function pop3Session(port: number): Array<[Side, string]> {
  const world = defaultWorld(T);
  const driver = new EngineDriver(new Pop3Server(testContext('mail.example.org', port, world)));
  return dialogue(driver, [
    'CAPA',
    'STAT',
    'PASS x',
    'STLS',
    'CAPA',
    'USER bob',
    'PASS builder',
    'CAPA',
    'STAT',
    'LIST',
    'UIDL',
    'TOP 1 0',
    'DELE 1',
    'RETR 1',
    'RSET',
    'STLS',
    'USER bob',
    'QUIT',
  ]);
}

function imapSession(port: number): Array<[Side, string]> {
  const driver = new EngineDriver(new ImapServer(testContext('mail.example.com', port, defaultWorld(T))));
  return dialogue(driver, [
    'a1 CAPABILITY',
    'a2 SELECT INBOX',
    'a3 LOGIN alice wonderland',
    'a0 STARTTLS',
    'a1 CAPABILITY',
    'a3 LOGIN alice wonderland',
    'a4 CAPABILITY',
    'a5 ENABLE IMAP4rev2',
    'a6 LIST "" *',
    'a7 NAMESPACE',
    'a8 STATUS INBOX (MESSAGES UIDNEXT UNSEEN SIZE)',
    'a9 SELECT INBOX',
    'b1 FETCH 1:* (FLAGS UID RFC822.SIZE)',
    'b2 SEARCH UNSEEN',
    'b3 STORE 1 +FLAGS (\\Flagged)',
    'b4 COPY 1 Nope',
    'b5 UID FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT)])',
    'b6 ID NIL',
    'b7 BOGUS',
    'b8 LOGOUT',
  ]);
}

describe("the engines' states are explained", () => {
  it('SMTP, POP3 and IMAP state tables', () => {
    for (const st of SMTP_STATES) expect(lookup('smtp', st, 'state'), st).toBeDefined();
    for (const st of POP3_STATES) expect(lookup('pop3', st, 'state'), st).toBeDefined();
    for (const st of IMAP_STATES) expect(lookup('imap', st, 'state'), st).toBeDefined();
  });
});

describe('capabilities the engines advertise are explained', () => {
  it('every POP3 CAPA tag, before and after login, on 110 and 995', () => {
    for (const port of [110, 995]) {
      const lines = pop3Session(port);
      const tags = new Set<string>();
      lines.forEach(([side, line], i) => {
        if (side === 'server' && lines[i - 1]?.[1] === 'CAPA') {
          for (let j = i + 1; j < lines.length && lines[j]![1] !== '.'; j++) tags.add(lines[j]![1].split(' ')[0]!);
        }
      });
      expect(tags.size).toBeGreaterThan(5);
      for (const tag of tags) expect(lookup('pop3', tag, 'capability'), `CAPA ${tag}`).toBeDefined();
    }
  });

  it('every IMAP capability, in the greeting, before and after login, on 143 and 993', () => {
    for (const port of [143, 993]) {
      const lines = imapSession(port);
      const caps = new Set<string>();
      for (const [side, line] of lines) {
        if (side !== 'server') continue;
        const list = /^\* CAPABILITY (.*)$/.exec(line)?.[1] ?? /\[CAPABILITY ([^\]]*)\]/.exec(line)?.[1];
        list?.split(' ').forEach((c) => caps.add(c));
      }
      expect(caps.size).toBeGreaterThan(10);
      for (const cap of caps) expect(lookup('imap', cap, 'capability'), `CAPABILITY ${cap}`).toBeDefined();
    }
  });

  it('every EHLO keyword the SMTP server sends', () => {
    for (const port of [25, 465, 587]) {
      const lines = smtpSession(port);
      const keywords = lines.filter(([s, l]) => s === 'server' && /^250[- ][A-Z0-9-]+( |$)/.test(l) && !/^250[- ]2\./.test(l));
      for (const [, line] of keywords.filter(([, l]) => !/\./.test(l.split(' ')[0]!.slice(4)))) {
        const word = line.slice(4).split(' ')[0]!;
        if (word === 'OK') continue;
        expect(lookup('smtp', word, 'ehlo-keyword'), line).toBeDefined();
      }
    }
  });
});

describe('explainLine tiles every line of real sessions', () => {
  const sessions: Array<[Protocol, string, Array<[Side, string]>]> = [
    ['smtp', '587', smtpSession(587)],
    ['smtp', '25', smtpSession(25)],
    ['pop3', '110', pop3Session(110)],
    ['pop3', '995', pop3Session(995)],
    ['imap', '143', imapSession(143)],
    ['imap', '993', imapSession(993)],
  ];
  for (const [protocol, port, lines] of sessions) {
    it(`${protocol} on ${port} (${lines.length} lines)`, () => {
      expect(lines.length).toBeGreaterThan(15);
      for (const [side, line] of lines) {
        expectTiles(explainLine(protocol, line, side), line);
        expectTiles(explainLine(protocol, `${line}\r\n`, side), `${line}\r\n`);
      }
    });
  }

  it('every SMTP server reply line starts with an explained code', () => {
    for (const [side, line] of smtpSession(587)) {
      if (side !== 'server') continue;
      const [first] = explainLine('smtp', line, 'server');
      expect(first?.kind, line).toBe('reply-code');
      expect(first?.explanation, line).toBeDefined();
    }
  });

  it('every IMAP server line starts with an explained tag, * or +', () => {
    let literal = 0; // octets of literal data still to come: those lines are message text
    for (const [side, line] of imapSession(143)) {
      if (side !== 'server') continue;
      if (literal > 0) {
        literal -= line.length + 2;
        continue;
      }
      literal = Number(/\{(\d+)\}$/.exec(line)?.[1] ?? 0);
      const [first] = explainLine('imap', line, 'server');
      expect(first?.explanation, JSON.stringify(line)).toBeDefined();
    }
  });
});
