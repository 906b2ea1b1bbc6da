/**
 * BODYSTRUCTURE and section numbers for nested multiparts and message/rfc822 parts
 * (RFC 9051 §6.4.5.1 and §7.5.2), on a message APPENDed through the store.
 */
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../wire/bytes.ts';
import { freshWorld, session, T0 } from './test-helpers.ts';

const NESTED = [
  'From: Bob <bob@example.org>',
  'To: alice@example.com',
  'Subject: nested',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: multipart/alternative; boundary="inner"',
  '',
  '--inner',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'plain text',
  '--inner',
  'Content-Type: text/html; charset=us-ascii',
  '',
  '<p>html</p>',
  '--inner--',
  '--outer',
  'Content-Type: message/rfc822',
  '',
  'From: Carol <carol@example.com>',
  'Subject: inner message',
  '',
  'inner body',
  '--outer--',
  '',
].join('\r\n');

function fixture() {
  const world = freshWorld();
  world.store.append('alice@example.com', 'INBOX', utf8Bytes(NESTED), { internalDate: T0 });
  return session(world, { user: 'alice', mailbox: 'INBOX' }).driver;
}

describe('nested MIME structure', () => {
  it('describes multipart/alternative inside multipart/mixed and an attached message', () => {
    const [line] = fixture().send('a1 FETCH 4 BODYSTRUCTURE\r\n');
    expect(line).toBe(
      '* 4 FETCH (BODYSTRUCTURE ((("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 10 1 NIL NIL NIL NIL)' +
        '("TEXT" "HTML" ("CHARSET" "us-ascii") NIL NIL "7BIT" 11 1 NIL NIL NIL NIL) "ALTERNATIVE" ("BOUNDARY" "inner") NIL NIL NIL)' +
        '("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 69 (NIL "inner message" (("Carol" NIL "carol" "example.com")) (("Carol" NIL "carol" "example.com")) (("Carol" NIL "carol" "example.com")) NIL NIL NIL NIL NIL) ("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 10 1 NIL NIL NIL NIL) 4 NIL NIL NIL NIL)' +
        ' "MIXED" ("BOUNDARY" "outer") NIL NIL NIL))',
    );
  });

  it('numbers sections through both levels and into the attached message', () => {
    const d = fixture();
    expect(d.send('a1 FETCH 4 (BODY.PEEK[1.2])\r\n')).toEqual(['* 4 FETCH (BODY[1.2] {11}', '<p>html</p>)', 'a1 OK FETCH completed']);
    expect(d.send('a2 FETCH 4 (BODY.PEEK[2.HEADER.FIELDS (SUBJECT)])\r\n')).toEqual([
      '* 4 FETCH (BODY[2.HEADER.FIELDS (SUBJECT)] {26}',
      'Subject: inner message',
      '',
      ')',
      'a2 OK FETCH completed',
    ]);
    expect(d.send('a3 FETCH 4 (BODY.PEEK[2.1] BODY.PEEK[1.1.MIME])\r\n')).toEqual([
      '* 4 FETCH (BODY[2.1] {10}',
      'inner body BODY[1.1.MIME] {46}',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      ')',
      'a3 OK FETCH completed',
    ]);
    expect(d.send('a4 FETCH 4 (BODY.PEEK[9])\r\n')).toEqual(['* 4 FETCH (BODY[9] NIL)', 'a4 OK FETCH completed']);
  });
});
