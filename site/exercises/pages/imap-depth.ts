/** Page 8, IMAP in depth: UIDs and UIDVALIDITY, partial fetches, MOVE, literals, several clients. */
import { all, answered, exchanges, fail, header, mailboxHas, mailboxLacks, messages, pass } from '../checks.ts';
import type { Exercise, Snippet } from '../types.ts';

const ALICE = ['/connect mail.example.com 993', 'a LOGIN alice@example.com wonderland'];
const ALICE_INBOX = [...ALICE, 'b SELECT INBOX'];
/** The snippets run as IMAP4rev2 sessions, as IMAP basics taught (RFC 9051 Appendix A). */
const ALICE_INBOX_REV2 = [...ALICE, 'b ENABLE IMAP4rev2', 'b SELECT INBOX'];
const WELCOME = header(/^Subject: Welcome to Mailwire/i);
const SITE_PLANS = header(/^Subject: Site plans for Monday/i);

export const exercises: Exercise[] = [
  {
    id: 'imap-move-archive',
    start: 'default',
    title: 'Move a message to Archive',
    goal: 'As alice on 993, move message 1 ("Welcome to Mailwire") from INBOX to Archive in one command.',
    hints: ['MOVE (RFC 6851, part of IMAP4rev2) has the effect of COPY, \\Deleted and EXPUNGE, as a single action (RFC 6851 §3.3).', 'The untagged * 1 EXPUNGE tells you message numbers shifted.', 'MOVE takes the message numbers, then the mailbox name.'],
    solution: [...ALICE_INBOX, 'c MOVE 1 Archive', 'd LOGOUT'],
    wrong: [...ALICE_INBOX, 'c COPY 1 Archive', 'd LOGOUT'],
    check: all(
      mailboxHas('Archive holds the welcome message', 'alice@example.com', 'Archive', WELCOME),
      mailboxLacks('INBOX no longer holds it', 'alice@example.com', 'INBOX', WELCOME),
    ),
  },
  {
    id: 'imap-partial-peek',
    start: 'default',
    title: 'Read the first 40 bytes without marking the message read',
    goal: 'As alice on 993, fetch only the first 40 octets of the text of message 2, and leave message 2 unread.',
    hints: [
      'BODY.PEEK[...] does not set \\Seen; BODY[...] does (RFC 9051 §6.4.5).',
      'A partial fetch adds <start.count> after the section.',
      'The section for the body without the header is TEXT.',
    ],
    solution: [...ALICE_INBOX, 'c FETCH 2 (BODY.PEEK[TEXT]<0.40>)', 'd LOGOUT'],
    wrong: [...ALICE_INBOX, 'c FETCH 2 (BODY[TEXT]<0.40>)', 'd LOGOUT'],
    check: all(
      answered('a partial fetch of message 2 came back', /^\S+ FETCH 2 /i, /^\* 2 FETCH \(.*BODY\[TEXT\]<0> \{40\}/),
      (run) => (messages(run.world, 'alice@example.com').find(SITE_PLANS)?.flags.has('\\Seen')
        ? fail('Not quite: message 2 is now \\Seen. Use BODY.PEEK.')
        : pass('Done: message 2 is still unread.')),
    ),
  },
  {
    id: 'imap-uid-fetch',
    start: 'default',
    title: 'Ask by UID, not by position',
    goal: 'As alice on 993, delete message 1 for good, then fetch the flags of the "Café on Friday?" message by its UID (3), which did not change.',
    hints: [
      'After an expunge, sequence numbers shift down; UIDs never change (RFC 9051 §2.3.1.1, §7.5.1).',
      'UID FETCH takes UIDs instead of sequence numbers.',
      'Expunge message 1 first (\\Deleted, then EXPUNGE); then ask for the message by its UID.',
    ],
    solution: [...ALICE_INBOX, 'c STORE 1 +FLAGS (\\Deleted)', 'd EXPUNGE', 'e UID FETCH 3 (FLAGS)', 'f LOGOUT'],
    wrong: [...ALICE_INBOX, 'c STORE 1 +FLAGS (\\Deleted)', 'd EXPUNGE', 'e FETCH 3 (FLAGS)', 'f LOGOUT'],
    check: all(
      answered('message 1 was expunged', /^\S+ EXPUNGE$/i, /^\* 1 EXPUNGE$/),
      answered('UID FETCH 3 found the message, now number 2', /^\S+ UID FETCH 3 /i, /^\* 2 FETCH \(UID 3 /),
    ),
  },
  {
    id: 'imap-literal',
    start: 'default',
    title: 'Log in with a literal',
    goal: 'On 993, log in as alice sending the password as an IMAP literal: {10}, wait for the + continuation, then the 10 octets.',
    hints: [
      'A literal is {n} at the end of a line; the server answers "+" and then reads exactly n octets (RFC 9051 §4.3).',
      '"wonderland" is 10 octets.',
      'End the LOGIN line with the literal\'s length in braces, wait for "+", then send the password alone.',
    ],
    solution: ['/connect mail.example.com 993', 'a LOGIN alice@example.com {10}', 'wonderland', 'b LOGOUT'],
    wrong: ['/connect mail.example.com 993', 'a LOGIN alice@example.com wonderland', 'b LOGOUT'],
    check: (run) => {
      const ex = exchanges(run);
      const i = ex.findIndex((e) => /^\S+ LOGIN \S+ \{10\}$/i.test(e.command) && e.replies.some((r) => r.startsWith('+')));
      const next = i >= 0 ? ex[i + 1] : undefined;
      return next && next.replies.some((r) => /^\S+ OK /.test(r))
        ? pass('Done: logged in with a literal.')
        : fail('Not yet: no LOGIN with a {10} literal that the server answered with + and then OK.');
    },
  },
];

export const snippets: Snippet[] = [
  { id: 'imap-uid-fetch', setup: ALICE_INBOX_REV2, lines: ['c UID FETCH 1:* (FLAGS)'], reply: ['* 1 FETCH (UID 1 FLAGS (\\Seen))', '* 2 FETCH (UID 2 FLAGS ())', '* 3 FETCH (UID 3 FLAGS (\\Flagged))', 'c OK UID FETCH completed'] },
  { id: 'imap-partial', setup: ALICE_INBOX_REV2, lines: ['c FETCH 2 (BODY.PEEK[1]<0.20>)'], reply: ['* 2 FETCH (BODY[1]<0> {20}', 'Alice, the plans are)', 'c OK FETCH completed'] },
  {
    id: 'imap-bodystructure', setup: ALICE_INBOX_REV2, lines: ['c FETCH 2 BODYSTRUCTURE'],
    reply: ['* 2 FETCH (BODYSTRUCTURE (("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "7BIT" 49 1 NIL NIL NIL NIL)("TEXT" "CSV" ("NAME" "plans.csv") NIL NIL "BASE64" 64 1 NIL ("ATTACHMENT" ("FILENAME" "plans.csv")) NIL NIL) "MIXED" ("BOUNDARY" "b1") NIL NIL NIL))', 'c OK FETCH completed'],
  },
  { id: 'imap-move', setup: ALICE_INBOX_REV2, lines: ['c MOVE 1 Archive'], reply: [/^\* OK \[COPYUID \d+ 1 1\] Moved$/, '* 1 EXPUNGE', 'c OK MOVE completed'], display: ['* OK [COPYUID 1795683605 1 1] Moved', '* 1 EXPUNGE', 'c OK MOVE completed'] },
  { id: 'imap-literal', setup: ['/connect mail.example.com 993'], lines: ['a LOGIN alice@example.com {10}'], reply: ['+ Ready for literal data'] },
];
