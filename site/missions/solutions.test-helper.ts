/**
 * For the tests only (never shipped: the panel's hints do not hand over the lines): a right
 * solution per mission, and a partial or wrong one with the items it must still tick.
 */
const PLAIN_ALICE = 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=';
const STARTTLS_587 = ['/connect mail.example.com 587', 'EHLO laptop.example.com', PLAIN_ALICE, 'STARTTLS', 'EHLO laptop.example.com', PLAIN_ALICE];
const BOB_IMAP = ['/connect mail.example.org 993', 'a LOGIN bob@example.org builder'];
const BOB_POP3 = ['/connect mail.example.org 995', 'USER bob@example.org', 'PASS builder'];

export interface MissionSolution {
  right: string[];
  /** A plausible attempt that falls short, and the items it does tick. */
  partial: string[];
  ticked: string[];
}

export const SOLUTIONS: Record<string, MissionSolution> = {
  'mission-hello': {
    right: ['/connect mail.example.org 25', 'EHLO laptop.example.com', 'QUIT'],
    // The wrong host: port 25 of mail.example.com is not what the mission asked for.
    partial: ['/connect mail.example.com 25', 'EHLO laptop.example.com', 'QUIT', '/connect mail.example.org 25', 'EHLO'],
    ticked: ['connected'],
  },
  'mission-deliver': {
    right: ['/connect mail.example.org 25', 'EHLO mail.example.com', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: By hand', '', 'Hello Bob.', '.', 'QUIT'],
    // The message never ends: no "." line.
    partial: ['/connect mail.example.org 25', 'EHLO mail.example.com', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: By hand', '', 'Hello Bob.', '/disconnect'],
    ticked: ['sender', 'recipient'],
  },
  'mission-relay-denied': {
    right: ['/connect mail.example.org 25', 'EHLO laptop.example.com', 'MAIL FROM:<bob@example.org>', 'RCPT TO:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'QUIT'],
    partial: ['/connect mail.example.org 25', 'EHLO laptop.example.com', 'MAIL FROM:<bob@example.org>', 'RCPT TO:<alice@example.com>', 'QUIT'],
    ticked: ['refused'],
  },
  'mission-auth': {
    right: ['/connect mail.example.com 465', 'EHLO laptop.example.com', PLAIN_ALICE, 'QUIT'],
    // Carol's credentials: a login, but not Alice's.
    partial: ['/connect mail.example.com 465', 'EHLO laptop.example.com', 'AUTH PLAIN AGNhcm9sQGV4YW1wbGUuY29tAHNpbmdlcg==', 'QUIT'],
    ticked: ['connected', 'offered'],
  },
  'mission-starttls': {
    right: [...STARTTLS_587, 'QUIT'],
    // STARTTLS, but AUTH without the second EHLO: refused (RFC 3207 §4.2).
    partial: ['/connect mail.example.com 587', 'EHLO laptop.example.com', PLAIN_ALICE, 'STARTTLS', PLAIN_ALICE, 'QUIT'],
    ticked: ['connected', 'ehlo', 'refused', 'starttls'],
  },
  'mission-submit': {
    right: [...STARTTLS_587, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: Sent properly', '', 'Hi Bob, this came through 587.', '.', 'QUIT'],
    // Logged in, then quit before DATA.
    partial: [...STARTTLS_587, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'QUIT'],
    ticked: ['login'],
  },
  'mission-imap-read': {
    right: [...BOB_IMAP, 'b SELECT INBOX', 'c FETCH 1 BODY[]', 'd LOGOUT'],
    // BODY.PEEK reads without setting \Seen (RFC 9051 §6.4.5).
    partial: [...BOB_IMAP, 'b SELECT INBOX', 'c FETCH 1 BODY.PEEK[]', 'd LOGOUT'],
    ticked: ['login', 'select', 'fetch'],
  },
  'mission-imap-organise': {
    right: [...BOB_IMAP, 'b SELECT INBOX', 'c STORE 1 +FLAGS (\\Flagged)', 'd CREATE Projects', 'e MOVE 1 Projects', 'f LOGOUT'],
    partial: [...BOB_IMAP, 'b SELECT INBOX', 'c STORE 1 +FLAGS (\\Flagged)', 'd CREATE Projects', 'e LOGOUT'],
    ticked: ['flagged', 'created'],
  },
  'mission-pop3-read': {
    right: [...BOB_POP3, 'STAT', 'RETR 1', 'QUIT'],
    // Port 110 without STLS: the password never goes through.
    partial: ['/connect mail.example.org 110', 'USER bob@example.org', 'PASS builder', 'STAT', 'RETR 1', 'QUIT'],
    ticked: [],
  },
  'mission-pop3-delete': {
    right: [...BOB_POP3, 'DELE 1', 'QUIT'],
    // The connection dropped instead of QUIT: nothing is deleted.
    partial: [...BOB_POP3, 'DELE 1', '/disconnect'],
    ticked: ['dele'],
  },
  'mission-pop3-stls': {
    right: ['/connect mail.example.org 110', 'USER bob@example.org', 'STLS', 'USER bob@example.org', 'PASS builder', 'QUIT'],
    // Gave up on 110 and used 995: a login, but not the one asked for.
    partial: ['/connect mail.example.org 110', 'USER bob@example.org', 'QUIT', ...BOB_POP3, 'QUIT'],
    ticked: ['refused'],
  },
  'mission-imap-143': {
    right: ['/connect mail.example.com 143', 'a CAPABILITY', 'b LOGIN alice@example.com wonderland', 'c STARTTLS', 'd CAPABILITY', 'e LOGIN alice@example.com wonderland', 'f LOGOUT'],
    partial: ['/connect mail.example.com 143', 'a CAPABILITY', 'b LOGIN alice@example.com wonderland', 'c LOGOUT', '/connect mail.example.com 993', 'a LOGIN alice@example.com wonderland', 'b LOGOUT'],
    ticked: ['capability', 'refused'],
  },
};
