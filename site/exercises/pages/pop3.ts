/** Page 6, POP3: the three states, deletion at QUIT, leaving a copy, UIDL, TOP, CAPA, STLS. */
import { all, answered, exchanges, fail, findExchange, goal, header, mailboxHas, mailboxLacks, neverSent, pass } from '../checks.ts';
import type { Exercise, GoalCheck, Snippet } from '../types.ts';

const BOB_995 = ['/connect mail.example.org 995', 'USER bob@example.org', 'PASS builder'];
/** Bob's message 1 in the default world. */
const PLANS_REPLY = /^Subject: Re: Site plans for Monday/i;

/** RFC 1939 §6: the removal shows in a new session; in the session that sent DELE, STAT already hides the mark. */
const statAfterReconnect: GoalCheck = (run) =>
  goal('a STAT in a new session shows 1 message',
    exchanges(run, 995).some((e) => /^STAT$/i.test(e.command) && e.replies.some((r) => /^\+OK 1 /.test(r)) && !e.session.lines.some((l) => l.from === 'C' && /^DELE\b/i.test(l.text))),
    'no STAT on 995 in a session without DELE answered +OK 1');

export const exercises: Exercise[] = [
  {
    id: 'pop3-delete-at-quit',
    start: 'default',
    title: 'Retrieve and delete message 1, then show it is gone only after QUIT',
    goal: 'Over POP3 (port 995), log in as bob, RETR and DELE message 1 and QUIT. Then connect again and show with STAT that one message fewer is left.',
    hints: [
      'DELE only marks the message; the server removes it in the UPDATE state, after QUIT (RFC 1939 §6).',
      'Log in as Bob (bob@example.org, password builder) with USER and PASS; STAT shows count and size.',
      'End the session with QUIT, then connect again, log in and count the messages.',
    ],
    solution: [...BOB_995, 'STAT', 'RETR 1', 'DELE 1', 'STAT', 'QUIT', ...BOB_995, 'STAT', 'QUIT'],
    wrong: [...BOB_995, 'RETR 1', 'DELE 1', 'STAT', 'QUIT'],
    check: all(
      answered('message 1 was retrieved', /^RETR 1$/i, /^\+OK/, 995),
      answered('message 1 was marked deleted', /^DELE 1$/i, /^\+OK/, 995),
      mailboxLacks('message 1 ("Re: Site plans for Monday") left the maildrop', 'bob@example.org', 'INBOX', header(PLANS_REPLY)),
      statAfterReconnect,
    ),
  },
  {
    id: 'pop3-no-quit-no-delete',
    start: 'default',
    title: 'Hang up without QUIT',
    goal: 'Log in as bob on 995, DELE message 1, then /disconnect without QUIT. Reconnect and show with STAT that both messages are still there.',
    hints: [
      'RFC 1939 §6: the UPDATE state is entered only by QUIT from TRANSACTION.',
      'If the connection just drops, the marks are forgotten.',
      'Mark a message, then leave with /disconnect instead of QUIT, and count again in a new session.',
    ],
    solution: [...BOB_995, 'DELE 1', '/disconnect', ...BOB_995, 'STAT', 'QUIT'],
    wrong: [...BOB_995, 'DELE 1', 'QUIT', ...BOB_995, 'STAT', 'QUIT'],
    check: all(
      answered('message 1 was marked deleted', /^DELE 1$/i, /^\+OK/, 995),
      mailboxHas('message 1 is still in the maildrop', 'bob@example.org', 'INBOX', header(PLANS_REPLY)),
      answered('STAT after reconnecting shows 2 messages', /^STAT$/i, /^\+OK 2 /, 995),
    ),
  },
  {
    id: 'pop3-leave-copy',
    start: 'default',
    title: 'Read without taking: leave a copy on the server',
    goal: 'As bob on 995, list the unique ids with UIDL and read the headers of message 2 with TOP, deleting nothing.',
    hints: [
      'UIDL gives ids that stay the same across sessions (RFC 1939 §7): clients use them to remember what they already have.',
      'TOP msg n: the headers and the first n body lines.',
      'TOP with 0 lines gives only the header; no DELE anywhere.',
    ],
    solution: [...BOB_995, 'UIDL', 'TOP 2 0', 'QUIT'],
    wrong: [...BOB_995, 'UIDL', 'TOP 2 0', 'DELE 2', 'QUIT'],
    check: all(
      answered('UIDL listed the ids', /^UIDL$/i, /^\+OK/, 995),
      answered('TOP 2 showed the headers', /^TOP 2 \d+$/i, /^\+OK/, 995),
      neverSent('nothing deleted', /^DELE\b/i),
      (run) => ((run.world.store.mailbox('bob@example.org', 'INBOX')?.messages.length ?? 0) === 2
        ? pass('Done: both messages are still on the server.')
        : fail('Not yet: Bob\'s maildrop no longer has both messages.')),
    ),
  },
  {
    id: 'pop3-stls',
    start: 'default',
    title: 'Upgrade port 110 with STLS',
    goal: 'On port 110, try USER first and read the refusal, then upgrade with STLS and log in as bob.',
    hints: [
      'CAPA lists STLS on 110 (RFC 2595 §4).',
      'After +OK to STLS the TLS handshake runs; then log in as usual.',
      'Try USER before STLS to see the refusal, then upgrade and log in again.',
    ],
    solution: ['/connect mail.example.org 110', 'USER bob@example.org', 'STLS', 'USER bob@example.org', 'PASS builder', 'QUIT'],
    wrong: ['/connect mail.example.org 110', 'USER bob@example.org', 'PASS builder', 'QUIT'],
    check: (run) => {
      const refused = findExchange(run, /^USER /i, /^-ERR/, 110);
      const logged = findExchange(run, /^PASS /i, /^\+OK/, 110);
      if (!refused) return fail('Not yet: no USER on port 110 was refused before TLS.');
      return logged ? pass('Done: logged in after STLS.') : fail('Not yet: no PASS on port 110 got +OK.');
    },
  },
  {
    id: 'pop3-rset',
    start: 'default',
    title: 'Undo a DELE with RSET',
    goal: 'As bob on 995, DELE message 2, change your mind with RSET, then QUIT. Both messages must survive.',
    hints: ['RSET unmarks every message marked as deleted (RFC 1939 §5).', 'Mark a message, unmark everything, then end the session properly.', 'STAT after RSET says 2 again.'],
    solution: [...BOB_995, 'DELE 2', 'RSET', 'QUIT'],
    wrong: [...BOB_995, 'DELE 2', 'QUIT'],
    check: (run) => {
      const dele = exchanges(run, 995).some((e) => /^DELE 2$/i.test(e.command));
      const count = run.world.store.mailbox('bob@example.org', 'INBOX')?.messages.length ?? 0;
      if (!dele) return fail('Not yet: DELE 2 was never sent.');
      return count === 2 ? pass('Done: the DELE was undone; both messages remain.') : fail(`Not yet: ${count} messages remain, not 2.`);
    },
  },
];

export const snippets: Snippet[] = [
  { id: 'pop3-greeting', setup: [], lines: ['/connect mail.example.org 995'], reply: ['+OK mail.example.org POP3 Mailwire ready <mail.example.org-995-1.1795683600000@mail.example.org>'] },
  { id: 'pop3-user', after: ['pop3-greeting'], setup: ['/connect mail.example.org 995'], lines: ['USER bob@example.org', 'PASS builder'], reply: ['+OK send PASS', '+OK maildrop locked and ready: 2 messages (665 octets)'] },
  { id: 'pop3-stat', after: ['pop3-greeting', 'pop3-user'], setup: BOB_995, lines: ['STAT'], reply: ['+OK 2 665'] },
  { id: 'pop3-list', after: ['pop3-greeting', 'pop3-user'], setup: BOB_995, lines: ['LIST'], reply: ['+OK 2 messages (665 octets)', '1 356', '2 309', '.'] },
  { id: 'pop3-uidl', after: ['pop3-greeting', 'pop3-user'], setup: BOB_995, lines: ['UIDL'], reply: ['+OK unique-id listing follows', '1 1795683606.1', '2 1795683606.2', '.'] },
  { id: 'pop3-dele', after: ['pop3-greeting', 'pop3-user'], setup: BOB_995, lines: ['DELE 1', 'STAT'], reply: ['+OK message 1 deleted', '+OK 1 309'] },
  { id: 'pop3-retr-deleted', after: ['pop3-greeting', 'pop3-user'], setup: [...BOB_995, 'DELE 1'], lines: ['RETR 1'], reply: ['-ERR message 1 already deleted'] },
  { id: 'pop3-quit', after: ['pop3-greeting', 'pop3-user'], setup: [...BOB_995, 'DELE 1'], lines: ['QUIT'], reply: ['+OK mail.example.org POP3 server signing off (1 message left)'] },
  { id: 'pop3-user-110', setup: ['/connect mail.example.org 110'], lines: ['USER bob@example.org'], reply: ['-ERR [AUTH] plaintext authentication is disabled on an unencrypted connection: use STLS first, or port 995'] },
  { id: 'pop3-stls', setup: ['/connect mail.example.org 110'], lines: ['STLS'], reply: ['+OK Begin TLS negotiation'] },
];
