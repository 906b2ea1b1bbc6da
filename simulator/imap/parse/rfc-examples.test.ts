/**
 * Every client command in the examples of RFC 9051 (wrapped lines joined, literals included),
 * read whole, byte by byte and split at every offset.
 */
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../wire/bytes.ts';
import { readEverySplit } from './split-feed.ts';

const ONE_LINE = `abcd CAPABILITY|efgh STARTTLS|a002 NOOP|A023 LOGOUT|a004 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=
A001 AUTHENTICATE GSSAPI|A01 AUTHENTICATE PLAIN|A01 AUTHENTICATE EXTERNAL =|a001 LOGIN SMITH SESAME
t2 ENABLE CONDSTORE X-GOOD-IDEA|A142 SELECT INBOX|A143 SELECT Drafts|A932 EXAMINE blurdybloop
A003 CREATE owatagusiam/|A004 CREATE owatagusiam/blurdybloop|A005 CREATE NonNormalized|A682 LIST "" *
A683 DELETE blurdybloop|A685 DELETE foo/bar|A86 LIST "" %|A683 RENAME blurdybloop sarasoop
Z433 RENAME INBOX old-mail|1001 RENAME X Y|1002 SUBSCRIBE Y|1003 UNSUBSCRIBE X
A002 SUBSCRIBE #news.comp.mail.mime|A002 UNSUBSCRIBE #news.comp.mail.mime|A101 LIST "" ""
A102 LIST #news.comp.mail.misc ""|A103 LIST /usr/staff/jones ""|A202 LIST ~/Mail/ %|A01 LIST "" "*"
A02 LIST (SUBSCRIBED) "" "*"|A03 LIST () "" "%" RETURN (CHILDREN)|A04 LIST (REMOTE) "" "%" RETURN (CHILDREN)
A05 LIST (REMOTE SUBSCRIBED) "" "*"|A06 LIST (REMOTE) "" "*" RETURN (SUBSCRIBED)
C04 LIST (SUBSCRIBED RECURSIVEMATCH) "" "%"|C04 LIST (SUBSCRIBED RECURSIVEMATCH) "" "%" RETURN (CHILDREN)
D03 LIST (RECURSIVEMATCH SUBSCRIBED) "" "*2"|a1 LIST "" ("foo")|a2 LIST (SUBSCRIBED) "" "foo/*"
a3 LIST (SUBSCRIBED RECURSIVEMATCH) "" foo RETURN (CHILDREN)|a1 LIST (REMOTE) "" *|a2 LIST () "" %
a3.1 LIST "" (% music/rock)|A01 LIST "" % RETURN (STATUS (MESSAGES UNSEEN))
A02 LIST (SUBSCRIBED RECURSIVEMATCH) "" % RETURN (STATUS (MESSAGES))|A001 NAMESPACE
A002 CREATE "INBOX.Sent Mail"|A002 LIST (SPECIAL-USE) "" "*"|A003 LIST (SPECIAL-USE) "#mh/" "*"
A006 CREATE "#mh/Deleted Items"|A002 LIST "" "Other Users/%"|A003 LIST "" "#Users/Mike/%"
A002 LIST "" "~mark/%"|A042 STATUS blurdybloop (UIDNEXT MESSAGES)|A004 COPY 2:4 meeting
A005 UID COPY 305:310 meeting|A006 COPY 2 funny|A002 IDLE|A003 FETCH 4 ALL|A341 CLOSE|A342 UNSELECT
A202 EXPUNGE|A282 SEARCH RETURN (MIN COUNT) FLAGGED|A283 SEARCH RETURN () FLAGGED
A284 SEARCH TEXT "string not in mailbox"|A284 SEARCH RETURN (MIN) UNSEEN
A285 UID SEARCH RETURN (MIN MAX) 1:5000|A286 SEARCH RETURN (COUNT) DELETED
A282 SEARCH RETURN (SAVE) FLAGGED SINCE 1-Feb-1994|A283 FETCH $ (UID INTERNALDATE FLAGS BODY.PEEK[HEADER])
A301 UID SEARCH UID $ SMALLER 4096|A301 UID SEARCH $ SMALLER 4096|E283 COPY $ "Other Messages"
F282 SEARCH RETURN (SAVE) KEYWORD $Junk|F283 COPY $ "Junk"|F284 STORE $ +FLAGS.Silent (\\Deleted)
G283 SEARCH RETURN (ALL) SINCE 28-Oct-2006|C283 SEARCH RETURN (ALL SAVE) SINCE 12-Feb-2006
C285 SEARCH RETURN (MAX SAVE MIN) SINCE 12-Feb-2006 NOT FROM "Smith"
C286 SEARCH RETURN (MAX SAVE MIN COUNT) SINCE 12-Feb-2006 NOT FROM "Smith"
A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])|A003 STORE 2:4 +FLAGS (\\Deleted)
A003 COPY 2:4 MEETING|a UID MOVE 42:69 foo|A003 UID EXPUNGE 3000:3002
A999 UID FETCH 4827313:4828442 FLAGS|o356 RENAME this that|b LOGIN "fred" "foo"|l create "///////"
k2 status "/archive/projects/experiment-iv" (messages)|h search from maria@example.com|m356 DELETE Notes
n1 uid copy 1:* oldmail|d select inbox|A222 COPY 1:2 owatagusiam|A223 COPY 3:200 blurdybloop
a000 starttls|A001 AUTHENTICATE SCRAM-SHA-256|babc ENABLE IMAP4rev2|a003 fetch 12 full
a004 fetch 12 body[header]|a005 store 12 +flags \\deleted|a006 logout`
  .split(/[|\n]/);

const APPEND_326 = [
  'Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)',
  'From: Fred Foobar <foobar@Blurdybloop.example>',
  'Subject: afternoon meeting',
  'To: mooch@owatagu.siam.edu.example',
  'Message-Id: <B27397-0100000@Blurdybloop.example>',
  'MIME-Version: 1.0',
  'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII',
  '',
  'Hello Joe, do you think we can meet at 3:30 tomorrow?',
  '',
].join('\r\n');

const WITH_LITERALS = [
  `A003 APPEND saved-messages (\\Seen) {${APPEND_326.length}}\r\n${APPEND_326}`,
  `A003 APPEND saved-messages (\\Seen) {${APPEND_326.length}+}\r\n${APPEND_326}`,
  `A285 SEARCH CHARSET UTF-8 TEXT {12}\r\nотпуск`,
  'P283 SEARCH CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8+}\r\nмать',
  'B283 SEARCH RETURN (SAVE) CHARSET KOI8-R (OR $ 1,3000:3021) TEXT {4}\r\nXXXX',
  'A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man',
  `m STORE 42 FLAGS ${Array.from({ length: 250 }, (_, i) => `f${i + 1}`).join(' ')}`,
];

describe('RFC 9051 example commands', () => {
  it.each([...ONE_LINE, ...WITH_LITERALS])('%s', (text) => {
    const results = readEverySplit(utf8Bytes(`${text}\r\n`)).filter((r) => r.kind !== 'continue');
    expect(results).toMatchObject([{ kind: 'command', command: { tag: text.split(' ')[0] } }]);
  });

  it('A442 XPIG-LATIN is BAD; A044 BLURDYBLOOP {102856} is refused before its literal', () => {
    expect(readEverySplit(utf8Bytes('A442 XPIG-LATIN\r\n'))).toEqual([{ kind: 'bad', tag: 'A442', message: 'unknown command "XPIG-LATIN"' }]);
    expect(readEverySplit(utf8Bytes('A044 BLURDYBLOOP {102856}\r\n'))).toEqual([
      { kind: 'bad', tag: 'A044', message: 'unknown command "BLURDYBLOOP"' },
    ]);
  });
});
