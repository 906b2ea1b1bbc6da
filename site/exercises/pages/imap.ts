/** Page 7, IMAP basics: the capability line, ENABLE IMAP4rev2, tags, states, mailboxes, flags, FETCH, SEARCH, STORE, EXPUNGE. */
import { all, answered, exchanges, fail, header, mailboxHas, mailboxLacks, messages, pass } from '../checks.ts';
import type { Exercise, GoalCheck, Snippet } from '../types.ts';

const ALICE = ['/connect mail.example.com 993', 'a LOGIN alice@example.com wonderland'];
const ALICE_INBOX = [...ALICE, 'b SELECT INBOX'];
/** The same, as an IMAP4rev2 session (RFC 9051 Appendix A: ENABLE first). */
const ALICE_REV2 = [...ALICE, 'b ENABLE IMAP4rev2'];
const ALICE_INBOX_REV2 = [...ALICE_REV2, 'b SELECT INBOX'];
const CAPS_AFTER_LOGIN = 'ENABLE IDLE MOVE UIDPLUS NAMESPACE ID UNSELECT CHILDREN LIST-EXTENDED LIST-STATUS SPECIAL-USE LITERAL+ ESEARCH SEARCHRES STATUS=SIZE BINARY';
const SITE_PLANS = header(/^Subject: Site plans for Monday/i);
const CAFE = header(/^Subject: =\?UTF-8\?Q\?Caf/i);

/** A FETCH that returns a body section without .PEEK, or RFC822 / RFC822.TEXT, sets \Seen (RFC 9051 §6.4.5). */
const BODY_FETCH = /\b(?:BODY\[|RFC822(?:\.TEXT)?\b|BINARY\[)/i;

const seenWithoutBody: GoalCheck = (run) => {
  const plans = messages(run.world, 'alice@example.com').find(SITE_PLANS);
  if (!plans) return fail('Not yet: "Site plans for Monday" is no longer in Alice\'s INBOX.');
  if (!plans.flags.has('\\Seen')) return fail('Not yet: message 2 does not have the \\Seen flag.');
  const fetched = exchanges(run).find((e) => /^\S+ (?:UID )?FETCH /i.test(e.command) && BODY_FETCH.test(e.command));
  return fetched ? fail(`Not quite: message 2 is \\Seen, but "${fetched.command}" fetched a body.`) : pass('Done: message 2 is \\Seen and no body was fetched.');
};

export const exercises: Exercise[] = [
  {
    id: 'imap-mark-read',
    start: 'default',
    title: 'Mark message 2 as read without fetching its body',
    goal: 'Log in as alice on 993, select INBOX, and give message 2 the \\Seen flag without fetching its body.',
    hints: [
      '"Read" is just the \\Seen flag (RFC 9051 §2.3.2).',
      'STORE changes flags: +FLAGS adds, -FLAGS removes.',
      'STORE takes the message number, +FLAGS and the flag in parentheses.',
    ],
    solution: [...ALICE_INBOX, 'c STORE 2 +FLAGS (\\Seen)', 'd LOGOUT'],
    wrong: [...ALICE_INBOX, 'c FETCH 2 BODY[]', 'd LOGOUT'],
    check: seenWithoutBody,
  },
  {
    id: 'imap-search-unseen',
    start: 'default',
    title: 'Which messages are unread?',
    goal: 'Log in as alice on 993, select INBOX and ask the server which messages are not \\Seen.',
    hints: ['SEARCH takes criteria; UNSEEN is one (RFC 9051 §6.4.4).', 'The answer is an untagged * ESEARCH line (or * SEARCH in an IMAP4rev1 session).', 'SELECT INBOX first: SEARCH works on the selected mailbox.'],
    solution: [...ALICE_INBOX, 'c SEARCH UNSEEN', 'd LOGOUT'],
    wrong: [...ALICE_INBOX, 'c SEARCH SEEN', 'd LOGOUT'],
    check: answered('the server listed the unseen messages', /^\S+ (?:UID )?SEARCH .*UNSEEN/i, /^\* (?:E?SEARCH) .*2/),
  },
  {
    id: 'imap-delete-expunge',
    start: 'default',
    title: 'Delete message 3 for good',
    goal: 'As alice on 993, delete message 3 ("Café on Friday?") from INBOX so that it is really gone.',
    hints: [
      'IMAP deletes in two steps: the \\Deleted flag, then EXPUNGE (RFC 9051 §6.4.3).',
      'A flag alone only marks the message; other clients still see it.',
      'After the flag, one more command removes every message marked \\Deleted.',
    ],
    solution: [...ALICE_INBOX, 'c STORE 3 +FLAGS (\\Deleted)', 'd EXPUNGE', 'e LOGOUT'],
    wrong: [...ALICE_INBOX, 'c STORE 3 +FLAGS (\\Deleted)', 'e LOGOUT'],
    check: mailboxLacks('message 3 was expunged from INBOX', 'alice@example.com', 'INBOX', CAFE),
  },
  {
    id: 'imap-create-copy',
    start: 'default',
    title: 'File a message in a new folder',
    goal: 'As alice on 993, create a mailbox named Projects and copy message 2 ("Site plans for Monday") into it.',
    hints: ['CREATE makes a mailbox; COPY puts a copy of messages into another one.', 'COPY works in the selected state on the selected mailbox.', 'COPY takes the message numbers, then the mailbox name.'],
    solution: [...ALICE_INBOX, 'c CREATE Projects', 'd COPY 2 Projects', 'e LOGOUT'],
    wrong: [...ALICE_INBOX, 'c CREATE Projects', 'd COPY 1 Projects', 'e LOGOUT'],
    check: all(
      mailboxHas('Projects holds "Site plans for Monday"', 'alice@example.com', 'Projects', SITE_PLANS),
      mailboxHas('the original is still in INBOX', 'alice@example.com', 'INBOX', SITE_PLANS),
    ),
  },
  {
    id: 'journey-relay-and-read',
    start: 'default',
    title: 'Be the relay, then be Bob',
    goal: 'Play the relay: deliver a message with the subject "Relayed" from alice to bob on mail.example.org port 25. Then, as Bob, read it over IMAP on 993 and find the Received: line the server added.',
    hints: [
      'Port 25, no login: the server accepts mail for its own domain (the SMTP page).',
      'Log in as bob@example.org / builder and select INBOX: the new message is the last one.',
      'FETCH with BODY.PEEK[HEADER] shows the header without marking the message \\Seen.',
    ],
    solution: ['/connect mail.example.org 25', 'EHLO mail.example.com', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Relayed', '', 'Hello.', '.', 'QUIT',
      '/connect mail.example.org 993', 'a LOGIN bob@example.org builder', 'b SELECT INBOX', 'c FETCH 3 BODY.PEEK[HEADER]', 'd LOGOUT'],
    wrong: ['/connect mail.example.org 25', 'EHLO mail.example.com', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Relayed', '', 'Hello.', '.', 'QUIT'],
    check: all(
      mailboxHas('the message reached Bob\'s INBOX', 'bob@example.org', 'INBOX', header(/^Subject: Relayed/i)),
      answered('Bob fetched a header with a Received: line', /^\S+ (?:UID )?FETCH /i, /^Received: /, 993),
    ),
  },
];

export const snippets: Snippet[] = [
  { id: 'imap-login', setup: ['/connect mail.example.com 993'], lines: ['a LOGIN alice@example.com wonderland'], reply: [/^a OK \[CAPABILITY [^\]]+\] LOGIN completed: logged in as alice@example\.com$/], display: ['a OK [CAPABILITY IMAP4rev2 IMAP4rev1 ENABLE IDLE MOVE …] LOGIN completed: logged in as alice@example.com'] },
  {
    id: 'imap-greeting', setup: [], lines: ['/connect mail.example.com 993'],
    reply: [`* OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN SASL-IR ${CAPS_AFTER_LOGIN}] mail.example.com IMAP4rev2 Mailwire ready`],
  },
  {
    id: 'imap-authenticate', setup: ['/connect mail.example.com 993'], lines: ['a AUTHENTICATE PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ='],
    reply: [`a OK [CAPABILITY IMAP4rev2 IMAP4rev1 ${CAPS_AFTER_LOGIN}] AUTHENTICATE completed: logged in as alice@example.com`],
  },
  { id: 'imap-enable', setup: ALICE, lines: ['b ENABLE IMAP4rev2'], reply: ['* ENABLED IMAP4rev2', 'b OK ENABLE completed'] },
  {
    id: 'imap-select', setup: ALICE_REV2, lines: ['c SELECT INBOX'],
    reply: ['* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)', '* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft \\*)] Flags and keywords are stored', '* 3 EXISTS', /^\* OK \[UIDVALIDITY \d+\] UIDs valid$/, '* OK [UIDNEXT 4] Predicted next UID', '* LIST (\\HasNoChildren) "/" INBOX', 'c OK [READ-WRITE] SELECT completed'],
    display: ['* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)', '* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft \\*)] Flags and keywords are stored', '* 3 EXISTS', '* OK [UIDVALIDITY 1795683600] UIDs valid', '* OK [UIDNEXT 4] Predicted next UID', '* LIST (\\HasNoChildren) "/" INBOX', 'c OK [READ-WRITE] SELECT completed'],
  },
  {
    id: 'imap-select-rev1', setup: ALICE, lines: ['b SELECT INBOX'],
    reply: ['* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)', '* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft \\*)] Flags and keywords are stored', '* 3 EXISTS', '* 3 RECENT', '* OK [UNSEEN 2] Message 2 is the first unseen', /^\* OK \[UIDVALIDITY \d+\] UIDs valid$/, '* OK [UIDNEXT 4] Predicted next UID', 'b OK [READ-WRITE] SELECT completed'],
    display: ['* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)', '* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft \\*)] Flags and keywords are stored', '* 3 EXISTS', '* 3 RECENT', '* OK [UNSEEN 2] Message 2 is the first unseen', '* OK [UIDVALIDITY 1795683600] UIDs valid', '* OK [UIDNEXT 4] Predicted next UID', 'b OK [READ-WRITE] SELECT completed'],
  },
  { id: 'imap-fetch-flags', setup: ALICE_INBOX_REV2, lines: ['c FETCH 1:3 (FLAGS)'], reply: ['* 1 FETCH (FLAGS (\\Seen))', '* 2 FETCH (FLAGS ())', '* 3 FETCH (FLAGS (\\Flagged))', 'c OK FETCH completed'] },
  { id: 'imap-search', setup: ALICE_INBOX_REV2, lines: ['c SEARCH UNSEEN'], reply: ['* ESEARCH (TAG "c") ALL 2:3', 'c OK SEARCH completed'] },
  { id: 'imap-search-rev1', setup: ALICE_INBOX, lines: ['c SEARCH UNSEEN'], reply: ['* SEARCH 2 3', 'c OK SEARCH completed'] },
  { id: 'imap-store', setup: ALICE_INBOX_REV2, lines: ['c STORE 2 +FLAGS (\\Seen)'], reply: ['* 2 FETCH (FLAGS (\\Seen))', 'c OK STORE completed'] },
  { id: 'imap-expunge', setup: [...ALICE_INBOX_REV2, 'c STORE 3 +FLAGS (\\Deleted)'], lines: ['d EXPUNGE'], reply: ['* 3 EXPUNGE', 'd OK EXPUNGE completed'] },
  { id: 'imap-bad-state', setup: ALICE, lines: ['c FETCH 1 FLAGS'], reply: ['c BAD FETCH is not allowed in the authenticated state; allowed here: CAPABILITY NOOP LOGOUT ID ENABLE SELECT EXAMINE CREATE DELETE RENAME SUBSCRIBE UNSUBSCRIBE LIST LSUB NAMESPACE STATUS APPEND IDLE'] },
  { id: 'imap-logout', setup: ALICE, lines: ['z LOGOUT'], reply: ['* BYE Mailwire IMAP server logging out', 'z OK LOGOUT completed'] },
];
