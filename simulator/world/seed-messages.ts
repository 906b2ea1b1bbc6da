import { utf8Bytes } from '../wire/bytes.ts';

/** The messages the default world starts with: enough to LIST, FETCH and SEARCH on day one. */
export interface SeedMessage {
  to: string;
  mailbox: string;
  flags: string[];
  ageMinutes: number;
  raw: Uint8Array;
}

function message(lines: string[]): Uint8Array {
  return utf8Bytes(lines.join('\r\n') + '\r\n');
}

export const SEED_MESSAGES: readonly SeedMessage[] = [
  {
    to: 'alice@example.com',
    mailbox: 'INBOX',
    flags: ['\\Seen'],
    ageMinutes: 60 * 26,
    raw: message([
      'Return-Path: <carol@example.com>',
      'From: Carol Singer <carol@example.com>',
      'To: Alice <alice@example.com>',
      'Subject: Welcome to Mailwire',
      'Date: Tue, 24 Nov 2026 09:12:00 +0000',
      'Message-ID: <welcome.1@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hi Alice,',
      '',
      'This message is already in your INBOX. Try FETCH, RETR or TOP on it.',
      '',
      'Carol',
    ]),
  },
  {
    to: 'alice@example.com',
    mailbox: 'INBOX',
    flags: [],
    ageMinutes: 60 * 3,
    raw: message([
      'Return-Path: <bob@example.org>',
      'From: Bob Builder <bob@example.org>',
      'To: Alice <alice@example.com>',
      'Cc: Carol Singer <carol@example.com>',
      'Subject: Site plans for Monday',
      'Date: Wed, 25 Nov 2026 16:40:00 +0000',
      'Message-ID: <plans.7@example.org>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      'This is a multi-part message in MIME format.',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Alice, the plans are attached. Can we meet at 10?',
      '--b1',
      'Content-Type: text/csv; name="plans.csv"',
      'Content-Disposition: attachment; filename="plans.csv"',
      'Content-Transfer-Encoding: base64',
      '',
      'cm9vbSx3aWR0aCxsZW5ndGgKa2l0Y2hlbiwzLjIsNC41CmhhbGwsMS44LDYuMAo=',
      '--b1--',
    ]),
  },
  {
    to: 'alice@example.com',
    mailbox: 'INBOX',
    flags: ['\\Flagged'],
    ageMinutes: 30,
    raw: message([
      'Return-Path: <carol@example.com>',
      'From: Carol Singer <carol@example.com>',
      'To: alice@example.com',
      'Subject: =?UTF-8?Q?Caf=C3=A9_on_Friday=3F?=',
      'Date: Thu, 26 Nov 2026 08:05:00 +0000',
      'Message-ID: <cafe.3@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Café on Friday? The usual place, 12:30.',
    ]),
  },
  {
    to: 'bob@example.org',
    mailbox: 'INBOX',
    flags: [],
    ageMinutes: 60 * 5,
    raw: message([
      'Return-Path: <alice@example.com>',
      'From: Alice <alice@example.com>',
      'To: Bob Builder <bob@example.org>',
      'Subject: Re: Site plans for Monday',
      'Date: Thu, 26 Nov 2026 07:15:00 +0000',
      'Message-ID: <re-plans.2@example.com>',
      'In-Reply-To: <plans.7@example.org>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '10 works for me. See you Monday.',
      '',
      'Alice',
    ]),
  },
  {
    to: 'bob@example.org',
    mailbox: 'INBOX',
    flags: ['\\Seen'],
    ageMinutes: 60 * 48,
    raw: message([
      'Return-Path: <carol@example.com>',
      'From: Carol Singer <carol@example.com>',
      'To: bob@example.org',
      'Subject: Choir practice moved',
      'Date: Tue, 24 Nov 2026 18:00:00 +0000',
      'Message-ID: <choir.9@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Practice is on Thursday this week, same time.',
    ]),
  },
];
