/** Page 4, SMTP: the dialogue, the envelope, DATA and dot-stuffing, relay vs submission. */
import { all, answered, bodyText, header, mailboxHas } from '../checks.ts';
import type { Exercise, Snippet } from '../types.ts';

const TO_BOB = ['/connect mail.example.org 25', 'EHLO laptop'];

/** 517 octets with its CRLF: over the 512 of RFC 5321 §4.5.3.1.4. */
const LONG_COMMAND = `NOOP ${'0123456789'.repeat(51)}`;
/** 1,102 octets with its CRLF: over the 1,000 of RFC 5321 §4.5.3.1.6. */
const LONG_TEXT = 'x'.repeat(1100);

export const exercises: Exercise[] = [
  {
    id: 'smtp-deliver',
    start: 'default',
    title: 'Deliver a message from Alice to Bob',
    goal: 'Connect to Bob\'s mail server, mail.example.org, on port 25 and deliver a message from alice@example.com to bob@example.org with the subject "Hello".',
    hints: [
      'The order is EHLO, MAIL FROM, RCPT TO, DATA, then the message, then a line with a single dot.',
      'The message needs a header line "Subject: Hello", then an empty line, then the body.',
      'Addresses go in angle brackets: MAIL FROM:<…>. The snippets above show each step\'s reply.',
    ],
    solution: [...TO_BOB, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'From: Alice <alice@example.com>', 'To: Bob <bob@example.org>', 'Subject: Hello', '', 'Hi Bob!', '.', 'QUIT'],
    wrong: [...TO_BOB, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Hello', '', 'Hi Bob!', 'QUIT'],
    check: mailboxHas('a message from alice@example.com with the subject "Hello" is in Bob\'s INBOX', 'bob@example.org', 'INBOX',
      (m) => header(/^Subject: Hello\s*$/i)(m) && header(/^Return-Path: <alice@example\.com>$/i)(m)),
  },
  {
    id: 'smtp-envelope',
    start: 'default',
    title: 'The envelope decides, not the To: line',
    goal: 'Deliver to bob@example.org a message whose header says "To: carol@example.com". Then think about who received it.',
    hints: [
      'RCPT TO is the envelope: that is where the server delivers.',
      'Inside DATA, write a header line "To: carol@example.com".',
      'The envelope names Bob; the header line names Carol. Then check whose INBOX it reached.',
    ],
    solution: [...TO_BOB, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'To: carol@example.com', 'Subject: Envelope', '', 'Who gets this?', '.', 'QUIT'],
    wrong: [...TO_BOB, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'To: bob@example.org', 'Subject: Envelope', '', 'Who gets this?', '.', 'QUIT'],
    check: mailboxHas('Bob\'s INBOX holds a message whose To: line names carol@example.com', 'bob@example.org', 'INBOX', header(/^To:.*carol@example\.com/i)),
  },
  {
    id: 'smtp-dot-stuffing',
    start: 'default',
    title: 'Send a line that is a single dot',
    goal: 'Deliver to bob@example.org a message whose body contains a line that is just "." — without ending the message early.',
    hints: [
      'A line with a single dot ends DATA (RFC 5321 §4.1.1.4).',
      'RFC 5321 §4.5.2: the sender doubles a leading dot; the receiver removes one.',
      'Type one dot more than you want the line to have.',
    ],
    solution: [...TO_BOB, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Dots', '', 'The next line is a dot:', '..', 'and this one is not.', '.', 'QUIT'],
    wrong: [...TO_BOB, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Dots', '', 'The next line is a dot:', '.', 'and this one is not.', '.', 'QUIT'],
    check: mailboxHas('Bob has a message whose body has a line that is a single dot', 'bob@example.org', 'INBOX',
      (m) => bodyText(m).split('\r\n').includes('.') && /and this one is not\./.test(bodyText(m))),
  },
  {
    id: 'smtp-relay-denied',
    start: 'default',
    title: 'Be refused as an open-relay attempt',
    goal: 'Without logging in, ask mail.example.org (port 25) to take a message for alice@example.com, a domain it does not serve, and read its refusal.',
    hints: [
      'mail.example.org serves example.org only.',
      'MAIL FROM works; the refusal comes at RCPT TO.',
      'Ask for a recipient in a domain this server does not serve, and read the 5xx reply.',
    ],
    solution: [...TO_BOB, 'MAIL FROM:<bob@example.org>', 'RCPT TO:<alice@example.com>', 'QUIT'],
    wrong: [...TO_BOB, 'MAIL FROM:<bob@example.org>', 'RCPT TO:<bob@example.org>', 'QUIT'],
    check: answered('the relay attempt was refused with 550 5.7.1', /^RCPT TO:<alice@example\.com>/i, /^550 5\.7\.1 /, 25),
  },
  {
    id: 'smtp-rset',
    start: 'default',
    title: 'Change your mind with RSET',
    goal: 'Start a transaction to bob@example.org, abandon it with RSET, then deliver a message with the subject "Second try". Only that message may arrive.',
    hints: [
      'RSET clears the envelope but keeps the session (RFC 5321 §4.1.1.5).',
      'After RSET, start again with MAIL FROM.',
      'The second transaction is a whole one: envelope, DATA, the message and the dot.',
    ],
    solution: [...TO_BOB, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'RSET', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Second try', '', 'Sorry for the noise.', '.', 'QUIT'],
    wrong: [...TO_BOB, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'MAIL FROM:<alice@example.com>', 'DATA', 'Subject: Second try', '', 'Sorry.', '.', 'QUIT'],
    check: all(
      answered('RSET was accepted', /^RSET$/i, /^250 /),
      mailboxHas('"Second try" reached Bob', 'bob@example.org', 'INBOX', header(/^Subject: Second try/i)),
    ),
  },
  {
    id: 'smtp-line-limit',
    start: 'default',
    title: 'Past the 512-octet limit, and back',
    goal: 'On mail.example.org port 25, send a command line longer than 512 octets, read the reply, then show that the session still works with a NOOP that gets 250.',
    hints: [
      'RFC 5321 §4.5.3.1.4: 512 octets, counting the command word and the CRLF.',
      'The "Run in terminal" button of the snippet above puts a long line on your prompt.',
      'The reply starts with 500; then send an ordinary command.',
    ],
    solution: [...TO_BOB, LONG_COMMAND, 'NOOP', 'QUIT'],
    wrong: [...TO_BOB, 'NOOP', 'QUIT'],
    check: all(
      answered('a command over 512 octets was refused with 500', /^.{511,}$/, /^500 5\.5\.2 /, 25),
      answered('a NOOP after it still got 250', /^NOOP$/i, /^250 /, 25),
    ),
  },
];

export const snippets: Snippet[] = [
  { id: 'smtp-greeting', setup: [], lines: ['/connect mail.example.org 25'], reply: ['220 mail.example.org ESMTP Mailwire'] },
  {
    id: 'smtp-ehlo',
    after: ['smtp-greeting'],
    setup: ['/connect mail.example.org 25'],
    lines: ['EHLO laptop'],
    reply: ['250-mail.example.org greets laptop', '250-PIPELINING', '250-SIZE 10485760', '250-8BITMIME', '250-ENHANCEDSTATUSCODES', '250-SMTPUTF8', '250-CHUNKING', '250-STARTTLS', '250 HELP'],
  },
  { id: 'smtp-mail', after: ['smtp-greeting', 'smtp-ehlo'], setup: TO_BOB, lines: ['MAIL FROM:<alice@example.com>'], reply: ['250 2.1.0 Sender OK'] },
  { id: 'smtp-rcpt', after: ['smtp-greeting', 'smtp-ehlo', 'smtp-mail'], setup: [...TO_BOB, 'MAIL FROM:<alice@example.com>'], lines: ['RCPT TO:<bob@example.org>'], reply: ['250 2.1.5 Recipient OK'] },
  { id: 'smtp-data', after: ['smtp-greeting', 'smtp-ehlo', 'smtp-mail', 'smtp-rcpt'], setup: [...TO_BOB, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>'], lines: ['DATA'], reply: ['354 Start mail input; end with <CRLF>.<CRLF>'] },
  {
    id: 'smtp-end-data',
    after: ['smtp-greeting', 'smtp-ehlo', 'smtp-mail', 'smtp-rcpt', 'smtp-data'],
    setup: [...TO_BOB, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA'],
    lines: ['Subject: Hello', '', 'Hi Bob!', '.'],
    reply: [/^250 2\.0\.0 OK: \d+ octets, queued as \S+$/],
    display: ['250 2.0.0 OK: 27 octets, queued as MWX…'],
  },
  // A whole transaction start, not just RCPT: in page order it follows a refused message, whose transaction is over.
  {
    id: 'smtp-relay', after: ['smtp-greeting', 'smtp-ehlo'], setup: TO_BOB, lines: ['MAIL FROM:<bob@example.org>', 'RCPT TO:<alice@example.com>'],
    reply: ['250 2.1.0 Sender OK', '550 5.7.1 <alice@example.com>: Relay access denied'],
  },
  // Two MAIL commands, not one: in page order it follows the finished transaction above, after which one MAIL is accepted.
  {
    id: 'smtp-nested-mail', after: ['smtp-greeting', 'smtp-ehlo'], setup: TO_BOB, lines: ['MAIL FROM:<alice@example.com>', 'MAIL FROM:<alice@example.com>'],
    reply: ['250 2.1.0 Sender OK', '503 5.5.1 Bad sequence of commands: nested MAIL command; a transaction is already open (RSET ends it)'],
  },
  { id: 'smtp-quit', after: ['smtp-greeting', 'smtp-ehlo'], setup: TO_BOB, lines: ['QUIT'], reply: ['221 2.0.0 mail.example.org Service closing transmission channel'] },
  { id: 'smtp-line-too-long', after: ['smtp-greeting', 'smtp-ehlo'], setup: TO_BOB, lines: [LONG_COMMAND, 'NOOP'], reply: ['500 5.5.2 Line too long (the limit is 512 octets)', '250 2.0.0 OK'] },
  {
    id: 'smtp-text-line-too-long', setup: [...TO_BOB, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Long', '', LONG_TEXT], lines: ['.'],
    reply: ['554 5.6.0 Message not accepted: a line exceeded 1000 octets'],
  },
];
