/** Page 9, TLS for mail: implicit TLS vs STARTTLS, and what each port refuses before TLS. */
import { all, answered, fail, findExchange, header, mailboxHas, pass } from '../checks.ts';
import type { Exercise, Snippet } from '../types.ts';

const ALICE_PLAIN = 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=';

/** Playing mail.example.com's MTA: one relay hop to mail.example.org over STARTTLS. */
const RELAY_OVER_TLS = ['/connect mail.example.org 25', 'EHLO mail.example.com', 'STARTTLS', 'EHLO mail.example.com', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: One hop', '', 'Hello Bob.', '.', 'QUIT'];
const BOB_INBOX = ['/connect mail.example.org 993', 'a LOGIN bob@example.org builder', 'b SELECT INBOX'];

export const exercises: Exercise[] = [
  {
    id: 'tls-imap-starttls',
    start: 'default',
    title: 'IMAP on 143: LOGINDISABLED, then STARTTLS',
    goal: 'Connect to mail.example.com on 143, try LOGIN and read the refusal, then STARTTLS and log in as alice.',
    hints: [
      'The greeting lists LOGINDISABLED: no LOGIN before TLS (RFC 9051 §6.2.3).',
      'STARTTLS, wait for OK, and the handshake follows (RFC 9051 §6.2.1).',
      'Three commands: LOGIN (refused), STARTTLS, and LOGIN again.',
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
    hints: ['On 993 the connection is TLS from its first byte (RFC 8314 §3.2).', 'The greeting does not list STARTTLS.', 'Send STARTTLS with a tag, as any IMAP command.'],
    solution: ['/connect mail.example.com 993', 'a STARTTLS', 'b LOGOUT'],
    wrong: ['/connect mail.example.com 143', 'a STARTTLS', 'b LOGOUT'],
    // RFC 9051 §6.2.1: on an Implicit TLS port the server MUST always answer STARTTLS with a tagged BAD.
    check: answered('STARTTLS on 993 was refused with BAD', /^\S+ STARTTLS$/i, /^\S+ BAD /, 993),
  },
  {
    id: 'tls-submission-both',
    start: 'default',
    title: 'The same login, two ways',
    goal: 'Log in as alice on 465 (implicit TLS) and also on 587 after STARTTLS.',
    hints: ['RFC 8314 §3.3: both are standard for submission.', 'On 465 EHLO already lists AUTH; on 587 it does so only after STARTTLS.', 'On 587: EHLO, STARTTLS, EHLO again, then AUTH; /base64 makes the AUTH PLAIN argument.'],
    solution: ['/connect mail.example.com 465', 'EHLO laptop', ALICE_PLAIN, 'QUIT', '/connect mail.example.com 587', 'EHLO laptop', 'STARTTLS', 'EHLO laptop', ALICE_PLAIN, 'QUIT'],
    wrong: ['/connect mail.example.com 465', 'EHLO laptop', ALICE_PLAIN, 'QUIT', '/connect mail.example.com 587', 'EHLO laptop', ALICE_PLAIN, 'QUIT'],
    check: (run) => {
      const a = findExchange(run, /^AUTH /i, /^235 /, 465);
      const b = findExchange(run, /^AUTH /i, /^235 /, 587);
      if (!a) return fail('Not yet: no successful AUTH on 465.');
      return b ? pass('Done: logged in on 465 and on 587.') : fail('Not yet: no successful AUTH on 587 (STARTTLS first, then EHLO again).');
    },
  },
  {
    id: 'tls-one-hop',
    start: 'default',
    title: 'One hop, one TLS',
    goal: 'Play the relay: deliver a message with the subject "One hop" to bob@example.org on mail.example.org port 25, over STARTTLS. Then, as Bob on 993, fetch its Received: line and find the TLS version that hop used.',
    hints: [
      'The SMTP extensions page showed STARTTLS on 587; on 25 it works the same, without AUTH.',
      'After the upgrade, EHLO again, then the envelope and DATA as on the SMTP page.',
      'In a FETCH, * stands for the last message, the one just delivered; BODY.PEEK[HEADER.FIELDS (RECEIVED)] fetches only that line without setting \\Seen.',
    ],
    solution: [...RELAY_OVER_TLS, ...BOB_INBOX, 'c FETCH * BODY.PEEK[HEADER.FIELDS (RECEIVED)]', 'd LOGOUT'],
    wrong: [...RELAY_OVER_TLS.filter((l, i) => i !== 2 && i !== 3), ...BOB_INBOX, 'c FETCH * BODY.PEEK[HEADER.FIELDS (RECEIVED)]', 'd LOGOUT'],
    check: all(
      mailboxHas('a message "One hop" that came in over TLS is in Bob\'s INBOX', 'bob@example.org', 'INBOX',
        (m) => header(/^Subject: One hop/i)(m) && /\(using TLSv1\.[23]\)\r\n/.test(new TextDecoder().decode(m.raw))),
      answered('Bob fetched the Received: line with the TLS version', /^\S+ (?:UID )?FETCH /i, /^\s+\(using TLSv1\.[23]\)$/, 993),
    ),
  },
];

export const snippets: Snippet[] = [
  { id: 'tls-143-greeting', setup: [], lines: ['/connect mail.example.com 143'], reply: ['* OK [CAPABILITY IMAP4rev2 IMAP4rev1 STARTTLS LOGINDISABLED ENABLE IDLE MOVE UIDPLUS NAMESPACE ID UNSELECT CHILDREN LIST-EXTENDED LIST-STATUS SPECIAL-USE LITERAL+ ESEARCH SEARCHRES STATUS=SIZE BINARY] mail.example.com IMAP4rev2 Mailwire ready'] },
  { id: 'tls-143-login', after: ['tls-143-greeting'], setup: ['/connect mail.example.com 143'], lines: ['a LOGIN alice@example.com wonderland'], reply: ['a NO [PRIVACYREQUIRED] Plaintext passwords are refused before TLS: send STARTTLS first, or use port 993'] },
  { id: 'tls-143-starttls', after: ['tls-143-greeting'], setup: ['/connect mail.example.com 143'], lines: ['b STARTTLS'], reply: ['b OK Begin TLS negotiation now'] },
  { id: 'tls-993-starttls', setup: ['/connect mail.example.com 993'], lines: ['a STARTTLS'], reply: ['a BAD TLS is already active on this connection'] },
  {
    id: 'tls-received', setup: [...RELAY_OVER_TLS, ...BOB_INBOX], lines: ['c FETCH * BODY.PEEK[HEADER.FIELDS (RECEIVED)]'],
    reply: [
      /^\* 3 FETCH \(BODY\[HEADER\.FIELDS \(RECEIVED\)\] \{\d+\}$/,
      'Received: from mail.example.com ([203.0.113.5])',
      /^\tby mail\.example\.org \(Mailwire\) with ESMTPS id \S+$/,
      '\t(using TLSv1.3)',
      '\tfor <bob@example.org>',
      /^\ttls TLS_AES_128_GCM_SHA256; \w{3}, \d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/,
      '',
      ')',
      'c OK FETCH completed',
    ],
    display: [
      '* 3 FETCH (BODY[HEADER.FIELDS (RECEIVED)] {232}',
      'Received: from mail.example.com ([203.0.113.5])',
      '\tby mail.example.org (Mailwire) with ESMTPS id MWXBNHC0-MAILEXAMPLEORG251-1',
      '\t(using TLSv1.3)',
      '\tfor <bob@example.org>',
      '\ttls TLS_AES_128_GCM_SHA256; Thu, 26 Nov 2026 09:00:00 +0000',
      '',
      ')',
      'c OK FETCH completed',
    ],
  },
  { id: 'tls-name-mismatch', setup: [], lines: ['/connect 192.0.2.10 993'], reply: ['TLS: TLS client sent a fatal alert: bad_certificate: the certificate is for mail.example.com, not 192.0.2.10'] },
];
