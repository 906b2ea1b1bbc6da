/**
 * Page 2, how email travels: submission, relay, delivery, access. The exercise needs only what
 * page 1 (using the terminal) taught: /connect and /disconnect, and reading a greeting.
 */
import { fail, pass } from '../checks.ts';
import type { Exercise, RunResult, Snippet } from '../types.ts';

/** A session to `host` on one of `ports` whose first line is the greeting `greeting`. */
function greeted(run: RunResult, host: string, ports: readonly number[], greeting: RegExp): boolean {
  return run.sessions.some((s) => s.host === host && ports.includes(s.port) && greeting.test(s.lines[0]?.text ?? ''));
}

export const exercises: Exercise[] = [
  {
    id: 'journey-doors',
    start: 'default',
    title: 'Knock on the three doors of one message',
    goal: 'Follow Alice\'s message to Bob: connect to Alice\'s submission server, then to Bob\'s server on the relay port, then to Bob\'s server on the IMAP port with TLS, and read each greeting.',
    hints: [
      '/hosts lists the hosts and the domains each one serves.',
      'Submission is 465 or 587, relay is 25, IMAP with TLS is 993: section 1, 2 and 3 above.',
      '/disconnect closes one connection before you open the next.',
    ],
    solution: ['/connect mail.example.com 587', '/disconnect', '/connect mail.example.org 25', '/disconnect', '/connect mail.example.org 993', '/disconnect'],
    wrong: ['/connect mail.example.com 587', '/disconnect', '/connect mail.example.com 25', '/disconnect', '/connect mail.example.com 993', '/disconnect'],
    check: (run) => {
      const missing = [
        greeted(run, 'mail.example.com', [465, 587], /^220 /) ? null : 'Alice\'s submission server (mail.example.com on 465 or 587)',
        greeted(run, 'mail.example.org', [25], /^220 /) ? null : 'Bob\'s server on the relay port (mail.example.org on 25)',
        greeted(run, 'mail.example.org', [993], /^\* OK /) ? null : 'Bob\'s server on the IMAP port with TLS (mail.example.org on 993)',
      ].filter((m): m is string => m !== null);
      return missing.length === 0
        ? pass('Done: the submission server, the MX on 25 and the IMAP server each greeted you.')
        : fail(`Not yet: no greeting from ${missing.join('; ')}.`);
    },
  },
];

export const snippets: Snippet[] = [];
