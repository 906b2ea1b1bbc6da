/** Page 8, TLS for mail: implicit TLS vs STARTTLS, and what each port refuses before TLS. */
import { answered, fail, findExchange, pass } from '../checks.ts';
import type { Exercise, Snippet } from '../types.ts';

const ALICE_PLAIN = 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=';

export const exercises: Exercise[] = [
  {
    id: 'tls-imap-starttls',
    start: 'default',
    title: 'IMAP on 143: LOGINDISABLED, then STARTTLS',
    goal: 'Connect to mail.example.com on 143, try LOGIN and read the refusal, then STARTTLS and log in as alice.',
    hints: [
      'The greeting lists LOGINDISABLED: no LOGIN before TLS (RFC 9051 §6.2.3).',
      'STARTTLS, wait for OK, and the handshake follows (RFC 9051 §6.2.1).',
      'a LOGIN … (refused), b STARTTLS, c LOGIN alice@example.com wonderland',
    ],
    solution: ['/connect mail.example.com 143', 'a LOGIN alice@example.com wonderland', 'b STARTTLS', 'c LOGIN alice@example.com wonderland', 'd LOGOUT'],
    wrong: ['/connect mail.example.com 143', 'a LOGIN alice@example.com wonderland', 'd LOGOUT'],
    check: (run) => {
      if (!findExchange(run, /^\S+ LOGIN /i, /^\S+ NO /, 143)) return fail('Not yet: no LOGIN on 143 was refused before TLS.');
      return findExchange(run, /^\S+ LOGIN /i, /^\S+ OK /, 143) ? pass('Done: logged in after STARTTLS.') : fail('Not yet: no LOGIN on 143 succeeded.');
    },
  },
  {
    id: 'tls-implicit-993',
    start: 'default',
    title: 'Implicit TLS: nothing to upgrade',
    goal: 'Connect to mail.example.com on 993 and send STARTTLS. Read why the server refuses.',
    hints: ['On 993 the connection is TLS from its first byte (RFC 8314 §3.2).', 'The greeting does not list STARTTLS.', 'a STARTTLS'],
    solution: ['/connect mail.example.com 993', 'a STARTTLS', 'b LOGOUT'],
    wrong: ['/connect mail.example.com 143', 'a STARTTLS', 'b LOGOUT'],
    check: answered('STARTTLS on 993 was refused', /^\S+ STARTTLS$/i, /^\S+ (?:BAD|NO) /, 993),
  },
  {
    id: 'tls-submission-both',
    start: 'default',
    title: 'The same login, two ways',
    goal: 'Log in as alice on 465 (implicit TLS) and also on 587 after STARTTLS.',
    hints: ['RFC 8314 §3.3: both are standard for submission.', 'On 465 EHLO already lists AUTH; on 587 it does so only after STARTTLS.', `465: EHLO, ${ALICE_PLAIN}. 587: EHLO, STARTTLS, EHLO, AUTH.`],
    solution: ['/connect mail.example.com 465', 'EHLO laptop', ALICE_PLAIN, 'QUIT', '/connect mail.example.com 587', 'EHLO laptop', 'STARTTLS', 'EHLO laptop', ALICE_PLAIN, 'QUIT'],
    wrong: ['/connect mail.example.com 465', 'EHLO laptop', ALICE_PLAIN, 'QUIT', '/connect mail.example.com 587', 'EHLO laptop', ALICE_PLAIN, 'QUIT'],
    check: (run) => {
      const a = findExchange(run, /^AUTH /i, /^235 /, 465);
      const b = findExchange(run, /^AUTH /i, /^235 /, 587);
      if (!a) return fail('Not yet: no successful AUTH on 465.');
      return b ? pass('Done: logged in on 465 and on 587.') : fail('Not yet: no successful AUTH on 587 (STARTTLS first, then EHLO again).');
    },
  },
];

export const snippets: Snippet[] = [
  { id: 'tls-143-greeting', setup: [], lines: ['/connect mail.example.com 143'], reply: ['* OK [CAPABILITY IMAP4rev2 IMAP4rev1 STARTTLS LOGINDISABLED ENABLE IDLE MOVE UIDPLUS NAMESPACE ID UNSELECT CHILDREN LIST-EXTENDED LIST-STATUS SPECIAL-USE LITERAL+ ESEARCH SEARCHRES STATUS=SIZE BINARY] mail.example.com IMAP4rev2 Mailwire ready'] },
  { id: 'tls-143-login', after: ['tls-143-greeting'], setup: ['/connect mail.example.com 143'], lines: ['a LOGIN alice@example.com wonderland'], reply: ['a NO [PRIVACYREQUIRED] Plaintext passwords are refused before TLS: send STARTTLS first, or use port 993'] },
  { id: 'tls-143-starttls', after: ['tls-143-greeting'], setup: ['/connect mail.example.com 143'], lines: ['b STARTTLS'], reply: ['b OK Begin TLS negotiation now'] },
  { id: 'tls-993-starttls', setup: ['/connect mail.example.com 993'], lines: ['a STARTTLS'], reply: ['a BAD TLS is already active on this connection'] },
];
