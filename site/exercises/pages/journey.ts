/** Page 1, how email travels: submission, relay, delivery, access — one message end to end. */
import { all, answered, fail, header, mailboxHas, pass } from '../checks.ts';
import type { Exercise, Snippet } from '../types.ts';

export const exercises: Exercise[] = [
  {
    id: 'journey-submit',
    start: 'default',
    title: 'Hand a message to Alice\'s submission server',
    goal: 'As Alice\'s mail program, log in to mail.example.com on 465 and submit a message to bob@example.org. It waits in the outbound queue for relay.',
    hints: ['Submission needs AUTH (RFC 6409 §4.3).', 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=', 'Then MAIL FROM, RCPT TO, DATA, the message and "."'],
    solution: ['/connect mail.example.com 465', 'EHLO laptop', 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Journey', '', 'Off you go.', '.', 'QUIT'],
    wrong: ['/connect mail.example.com 465', 'EHLO laptop', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'QUIT'],
    check: (run) => (run.world.queue.some((q) => q.from === 'alice@example.com' && q.recipients.some((r) => r.address === 'bob@example.org'))
      ? pass('Done: the message is queued on mail.example.com for relay to example.org.')
      : fail('Not yet: mail.example.com\'s queue holds no message from alice to bob.')),
  },
  {
    id: 'journey-relay-and-read',
    start: 'default',
    title: 'Be the relay, then be Bob',
    goal: 'Play the relay: deliver a message from alice to bob on mail.example.org port 25. Then, as Bob, read it over IMAP on 993 and find the Received: line the server added.',
    hints: ['Port 25, no login: the server accepts mail for its own domain.', 'Log in as bob@example.org / builder and FETCH the new message (number 3).', 'c FETCH 3 BODY.PEEK[HEADER]'],
    solution: ['/connect mail.example.org 25', 'EHLO mail.example.com', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Relayed', '', 'Hello.', '.', 'QUIT',
      '/connect mail.example.org 993', 'a LOGIN bob@example.org builder', 'b SELECT INBOX', 'c FETCH 3 BODY.PEEK[HEADER]', 'd LOGOUT'],
    wrong: ['/connect mail.example.org 25', 'EHLO mail.example.com', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Relayed', '', 'Hello.', '.', 'QUIT'],
    check: all(
      mailboxHas('the message reached Bob\'s INBOX', 'bob@example.org', 'INBOX', header(/^Subject: Relayed/i)),
      answered('Bob fetched a header with a Received: line', /^\S+ (?:UID )?FETCH /i, /^Received: /, 993),
    ),
  },
];

export const snippets: Snippet[] = [];
