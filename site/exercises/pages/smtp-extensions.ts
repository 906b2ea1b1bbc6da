/** Page 5, SMTP extensions and authentication: EHLO keywords, SIZE, AUTH and Base64, STARTTLS. */
import { all, answered, findExchange, pass, fail } from '../checks.ts';
import type { Exercise, GoalCheck, Snippet } from '../types.ts';

const ALICE_PLAIN = 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=';
const ON_465 = ['/connect mail.example.com 465', 'EHLO laptop'];
const ON_587 = ['/connect mail.example.com 587', 'EHLO laptop'];

/** A message from alice to bob sits in mail.example.com's outbound queue. */
const queuedForBob: GoalCheck = (run) =>
  run.world.queue.some((q) => q.fromHost === 'mail.example.com' && q.from === 'alice@example.com' && q.recipients.some((r) => r.address === 'bob@example.org'))
    ? pass('Done: mail.example.com accepted the message and queued it for relay to example.org.')
    : fail('Not yet: mail.example.com\'s queue has no message from alice@example.com to bob@example.org.');

export const exercises: Exercise[] = [
  {
    id: 'auth-587-refused',
    start: 'default',
    title: 'Log in on 587 without STARTTLS',
    goal: 'Connect to mail.example.com on port 587, say EHLO, and try AUTH PLAIN before starting TLS. Read the refusal.',
    hints: [
      'Look at the EHLO list: is AUTH offered before TLS?',
      'Send the AUTH command anyway: AUTH PLAIN followed by the Base64 of \\0alice@example.com\\0wonderland.',
      'The refusal is a 5xx reply that tells you what to do first.',
    ],
    solution: [...ON_587, ALICE_PLAIN, 'QUIT'],
    wrong: [...ON_587, 'QUIT'],
    check: answered('AUTH was refused with 530 before STARTTLS', /^AUTH /i, /^530 5\.7\.0 /, 587),
  },
  {
    id: 'auth-465-plain',
    start: 'default',
    title: 'Submit a message on 465 with AUTH PLAIN',
    goal: 'On port 465 (TLS from the first byte), log in as alice with AUTH PLAIN and submit a message to bob@example.org.',
    hints: [
      'Port 465 is implicit TLS: EHLO already lists AUTH PLAIN LOGIN.',
      'Type /base64 \\0alice@example.com\\0wonderland to make the argument.',
      'AUTH PLAIN and the string /base64 gave you; after 235, MAIL FROM, RCPT TO and DATA as on the SMTP page.',
    ],
    solution: [...ON_465, ALICE_PLAIN, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Via 465', '', 'Hi Bob.', '.', 'QUIT'],
    wrong: [...ON_465, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Via 465', '', 'Hi Bob.', '.', 'QUIT'],
    check: all(answered('alice logged in', /^AUTH /i, /^235 /, 465), queuedForBob),
  },
  {
    id: 'auth-login',
    start: 'default',
    title: 'AUTH LOGIN, one Base64 line at a time',
    goal: 'On port 465, log in as alice with AUTH LOGIN: answer the server\'s two Base64 prompts.',
    hints: [
      'The server\'s 334 lines are Base64 too: decode them with /base64 -d.',
      'Send the user name, then the password, each Base64-encoded.',
      'The user name is the full address: /base64 alice@example.com, then /base64 of the password.',
    ],
    solution: [...ON_465, 'AUTH LOGIN', 'YWxpY2VAZXhhbXBsZS5jb20=', 'd29uZGVybGFuZA==', 'QUIT'],
    wrong: [...ON_465, 'AUTH LOGIN', 'alice@example.com', 'wonderland', 'QUIT'],
    check: answered('AUTH LOGIN succeeded', /^d29uZGVybGFuZA==$/, /^235 2\.7\.0 /, 465),
  },
  {
    id: 'ext-size',
    start: 'default',
    title: 'Too big before it is sent',
    goal: 'Announce a 20 MB message with the SIZE parameter of MAIL FROM on port 25 of mail.example.org and read the refusal.',
    hints: [
      'EHLO says "SIZE 10485760": the largest message this server takes (RFC 1870).',
      'MAIL FROM:<address> SIZE=number',
      'Announce more octets than the SIZE line allows.',
    ],
    solution: ['/connect mail.example.org 25', 'EHLO laptop', 'MAIL FROM:<alice@example.com> SIZE=20000000', 'QUIT'],
    wrong: ['/connect mail.example.org 25', 'EHLO laptop', 'MAIL FROM:<alice@example.com> SIZE=2000', 'QUIT'],
    check: answered('the server refused the size up front with 552', /SIZE=\d+/i, /^552 /, 25),
  },
  {
    id: 'ext-starttls-587',
    start: 'default',
    title: 'STARTTLS, then EHLO again, then log in',
    goal: 'On port 587, upgrade to TLS with STARTTLS, say EHLO again and log in as alice.',
    hints: [
      'After 220 the client starts the TLS handshake (the terminal does it for you).',
      'RFC 3207 §4.2: both sides forget what came before TLS, and the client SHOULD say EHLO again.',
      'AUTH is listed only in the second EHLO reply; /base64 makes its argument.',
    ],
    solution: [...ON_587, 'STARTTLS', 'EHLO laptop', ALICE_PLAIN, 'QUIT'],
    wrong: [...ON_587, 'STARTTLS', ALICE_PLAIN, 'QUIT'],
    check: (run) => {
      const tls = findExchange(run, /^STARTTLS$/i, /^220 /, 587);
      const ok = findExchange(run, /^AUTH /i, /^235 /, 587);
      if (!tls) return fail('Not yet: no STARTTLS answered 220 on port 587.');
      return ok ? pass('Done: logged in over TLS on 587.') : fail('Not yet: STARTTLS worked, but AUTH did not get 235 (did you say EHLO again?).');
    },
  },
];

export const snippets: Snippet[] = [
  {
    id: 'ext-ehlo-465',
    setup: ['/connect mail.example.com 465'],
    lines: ['EHLO laptop'],
    reply: ['250-mail.example.com greets laptop', '250-PIPELINING', '250-SIZE 10485760', '250-8BITMIME', '250-ENHANCEDSTATUSCODES', '250-SMTPUTF8', '250-CHUNKING', '250-AUTH PLAIN LOGIN', '250 HELP'],
  },
  { id: 'ext-auth-plain', setup: ON_465, lines: [ALICE_PLAIN], reply: ['235 2.7.0 Authentication successful'] },
  { id: 'ext-auth-login', setup: ON_465, lines: ['AUTH LOGIN'], reply: ['334 VXNlcm5hbWU6'] },
  { id: 'ext-auth-bad', setup: ON_465, lines: ['AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdyb25n'], reply: ['535 5.7.8 Authentication credentials invalid'] },
  { id: 'ext-auth-587', setup: ON_587, lines: [ALICE_PLAIN], reply: ['530 5.7.0 Must issue a STARTTLS command first'] },
  { id: 'ext-starttls', setup: ON_587, lines: ['STARTTLS'], reply: ['220 2.0.0 Ready to start TLS'] },
  { id: 'ext-size', setup: ['/connect mail.example.org 25', 'EHLO laptop'], lines: ['MAIL FROM:<alice@example.com> SIZE=20000000'], reply: ['552 5.3.4 Message size exceeds fixed maximum message size of 10485760 octets'] },
];
