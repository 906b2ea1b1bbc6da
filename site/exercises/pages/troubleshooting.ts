/** Page 12, troubleshooting: real failures reproduced, each with the reply that names it. */
import { answered } from '../checks.ts';
import type { Exercise, Snippet } from '../types.ts';

export const exercises: Exercise[] = [
  {
    id: 'trouble-535',
    start: 'default',
    title: 'A wrong password on submission',
    goal: 'On 465, log in as alice with the password "wrong" and read the 535 reply.',
    hints: ['Make the AUTH PLAIN argument with /base64 \\0alice@example.com\\0wrong.', 'The reply code 535 with 5.7.8 means the credentials were wrong (RFC 4954 §6).', 'Paste what /base64 printed after AUTH PLAIN.'],
    solution: ['/connect mail.example.com 465', 'EHLO laptop', 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdyb25n', 'QUIT'],
    wrong: ['/connect mail.example.com 465', 'EHLO laptop', 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=', 'QUIT'],
    check: answered('AUTH failed with 535 5.7.8', /^AUTH /i, /^535 5\.7\.8 /, 465),
  },
  {
    id: 'trouble-530',
    start: 'default',
    title: 'Must issue a STARTTLS command first',
    goal: 'On 2525 (an unofficial submission port), try AUTH before STARTTLS and read the 530 reply.',
    hints: ['2525 behaves like 587 here: STARTTLS first.', 'EHLO, then AUTH PLAIN …', 'The reply starts 530 5.7.0.'],
    solution: ['/connect mail.example.com 2525', 'EHLO laptop', 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=', 'QUIT'],
    wrong: ['/connect mail.example.com 465', 'EHLO laptop', 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=', 'QUIT'],
    check: answered('AUTH on 2525 was refused with 530', /^AUTH /i, /^530 /, 2525),
  },
  {
    id: 'trouble-imap-authfailed',
    start: 'default',
    title: 'NO [AUTHENTICATIONFAILED]',
    goal: 'On 993, log in as alice with a wrong password and read the response code.',
    hints: ['IMAP names the reason in brackets (RFC 5530 §3).', 'a LOGIN alice@example.com …', 'Any password but the right one will do.'],
    solution: ['/connect mail.example.com 993', 'a LOGIN alice@example.com nope', 'b LOGOUT'],
    wrong: ['/connect mail.example.com 993', 'a LOGIN alice@example.com wonderland', 'b LOGOUT'],
    check: answered('LOGIN failed with [AUTHENTICATIONFAILED]', /^\S+ LOGIN /i, /^\S+ NO \[AUTHENTICATIONFAILED\]/, 993),
  },
  {
    id: 'trouble-pop3-plaintext',
    start: 'default',
    title: 'POP3 on 110 refuses your password',
    goal: 'On 110 of mail.example.com, send USER alice@example.com and read which response code the -ERR carries.',
    hints: ['RFC 2449 §8 defines response codes in brackets for POP3.', 'Start to log in with USER, before any STLS.', 'The refusal says [AUTH]: use STLS or port 995.'],
    solution: ['/connect mail.example.com 110', 'USER alice@example.com', 'QUIT'],
    wrong: ['/connect mail.example.com 995', 'USER alice@example.com', 'QUIT'],
    check: answered('USER on 110 was refused with [AUTH]', /^USER /i, /^-ERR \[AUTH\]/, 110),
  },
];

export const snippets: Snippet[] = [
  { id: 'trouble-refused', setup: [], lines: ['/connect mail.example.com 26'], reply: ['REFUSED: mail.example.com port 26: connection refused (nothing listens there)'] },
  { id: 'trouble-535', setup: ['/connect mail.example.com 465', 'EHLO laptop'], lines: ['AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdyb25n'], reply: ['535 5.7.8 Authentication credentials invalid'] },
  { id: 'trouble-relay', setup: ['/connect mail.example.org 25', 'EHLO laptop', 'MAIL FROM:<bob@example.org>'], lines: ['RCPT TO:<alice@example.com>'], reply: ['550 5.7.1 <alice@example.com>: Relay access denied'] },
  { id: 'trouble-530', setup: ['/connect mail.example.com 587', 'EHLO laptop'], lines: ['AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ='], reply: ['530 5.7.0 Must issue a STARTTLS command first'] },
  { id: 'trouble-authfailed', setup: ['/connect mail.example.com 993'], lines: ['a LOGIN alice@example.com nope'], reply: ['a NO [AUTHENTICATIONFAILED] Invalid credentials'] },
  { id: 'trouble-logindisabled', setup: ['/connect mail.example.com 143'], lines: ['a LOGIN alice@example.com wonderland'], reply: ['a NO [PRIVACYREQUIRED] Plaintext passwords are refused before TLS: send STARTTLS first, or use port 993'] },
];
