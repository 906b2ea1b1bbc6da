/** Short pastes to try the page with, in the shape each tool prints (passwords are the lab's demo ones). */
export interface Example {
  id: string;
  label: string;
  text: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'swaks',
    label: 'swaks: AUTH refused before STARTTLS',
    text: [
      '=== Trying mail.example.com:587...',
      '=== Connected to mail.example.com.',
      '<-  220 mail.example.com ESMTP Postfix',
      ' -> EHLO laptop.example.com',
      '<-  250-mail.example.com',
      '<-  250-PIPELINING',
      '<-  250-STARTTLS',
      '<-  250 8BITMIME',
      ' -> AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=',
      '<** 530 5.7.0 Must issue a STARTTLS command first',
      ' -> QUIT',
      '<-  221 2.0.0 Bye',
      '=== Connection closed with remote host.',
    ].join('\n'),
  },
  {
    id: 'imaplib',
    label: 'Python imaplib: a wrong password',
    text: [
      "  54:01.22 imaplib version 2.58",
      "  54:01.22 new IMAP4 connection, tag=b'KDFE'",
      "  54:01.23 < b'* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot ready.'",
      "  54:01.23 > b'KDFE0 CAPABILITY'",
      "  54:01.23 < b'* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN'",
      "  54:01.23 < b'KDFE0 OK Pre-login capabilities listed, post-login capabilities have more.'",
      "  54:01.24 > b'KDFE1 LOGIN alice \"not-the-password\"'",
      "  54:03.25 < b'KDFE1 NO [AUTHENTICATIONFAILED] Authentication failed.'",
      "  54:03.25 NO response: b'[AUTHENTICATIONFAILED] Authentication failed.'",
    ].join('\n'),
  },
  {
    id: 'pop3',
    label: 'C:/S: POP3 with a mailbox in use',
    text: ['S: +OK POP3 server ready', 'C: CAPA', 'S: +OK', 'S: USER', 'S: UIDL', 'S: .', 'C: USER bob', 'S: +OK', 'C: PASS builder', 'S: -ERR [IN-USE] Mailbox is locked by another session', 'C: QUIT', 'S: +OK Bye'].join('\n'),
  },
];
