/** Page 3, ports: which port answers what, and which ones nothing listens on. */
import { fail, pass } from '../checks.ts';
import type { Exercise, Snippet } from '../types.ts';

export const exercises: Exercise[] = [
  {
    id: 'ports-greetings',
    start: 'default',
    title: 'Three protocols, three greetings',
    goal: 'Connect to mail.example.com on 465, 995 and 993 in turn and read the first line each server sends.',
    hints: ['SMTP greets with 220, POP3 with +OK, IMAP with * OK.', '/connect opens a connection and /disconnect closes it (see Using the terminal).', 'You need not type anything but the two slash commands, three times.'],
    solution: ['/connect mail.example.com 465', '/disconnect', '/connect mail.example.com 995', '/disconnect', '/connect mail.example.com 993', '/disconnect'],
    wrong: ['/connect mail.example.com 465', '/disconnect', '/connect mail.example.com 995', '/disconnect'],
    check: (run) => {
      const greeted = (port: number, pattern: RegExp): boolean => run.sessions.some((s) => s.port === port && pattern.test(s.lines[0]?.text ?? ''));
      const missing = [
        [465, /^220 /], [995, /^\+OK /], [993, /^\* OK /],
      ].filter(([port, re]) => !greeted(port as number, re as RegExp)).map(([port]) => port);
      return missing.length === 0 ? pass('Done: 220, +OK and * OK.') : fail(`Not yet: no greeting seen on port ${missing.join(', ')}.`);
    },
  },
  {
    id: 'ports-26-refused',
    start: 'default',
    title: 'Port 26 is not a mail port here',
    goal: 'Try port 26 of mail.example.com, which some hosting companies use as an extra SMTP port, and see what happens.',
    hints: ['Nothing in the IANA registry makes 26 a mail port.', 'Use /connect with the host and the port.', 'There is nothing to type after it: watch what the terminal reports.'],
    solution: ['/connect mail.example.com 26'],
    wrong: ['/connect mail.example.com 25', '/disconnect'],
    check: (run) => (run.sessions.some((s) => s.port === 26 && s.errors.some((e) => e.startsWith('REFUSED')))
      ? pass('Done: connection refused — nothing listens on 26.')
      : fail('Not yet: no refused connection to port 26.')),
  },
  {
    id: 'ports-auth-offer',
    start: 'default',
    title: 'Where is AUTH offered?',
    goal: 'Say EHLO on port 25 and on port 465 of mail.example.com. Only one of them lists AUTH: find it.',
    hints: ['Port 25 is for relay between servers; no login.', 'Port 465 is submission over implicit TLS.', 'After /connect, EHLO and any name (laptop will do); QUIT ends the session.'],
    solution: ['/connect mail.example.com 25', 'EHLO laptop', 'QUIT', '/connect mail.example.com 465', 'EHLO laptop', 'QUIT'],
    wrong: ['/connect mail.example.com 25', 'EHLO laptop', 'QUIT'],
    check: (run) => {
      const ehlo = (port: number): string[] => run.sessions.filter((s) => s.port === port).flatMap((s) => s.lines.filter((l) => l.from === 'S').map((l) => l.text));
      const on25 = ehlo(25).some((l) => /^250[ -]/.test(l));
      const auth465 = ehlo(465).some((l) => /^250[ -]AUTH /.test(l));
      return on25 && auth465 ? pass('Done: AUTH is offered on 465, not on 25.') : fail('Not yet: say EHLO on both 25 and 465.');
    },
  },
];

export const snippets: Snippet[] = [
  { id: 'ports-465', setup: [], lines: ['/connect mail.example.com 465'], reply: ['220 mail.example.com ESMTP Mailwire'] },
  { id: 'ports-995', setup: [], lines: ['/connect mail.example.com 995'], reply: [/^\+OK mail\.example\.com POP3 Mailwire ready <mail\.example\.com-995-\d+\.\d+@mail\.example\.com>$/], display: ['+OK mail.example.com POP3 Mailwire ready <mail.example.com-995-1.1795683600000@mail.example.com>'] },
  { id: 'ports-65535', setup: [], lines: ['/connect mail.example.com 65536'], reply: ['"65536" is not a port number (1-65535). Usage: /connect HOST PORT'] },
  {
    id: 'ports-ehlo-25', setup: ['/connect mail.example.com 25'], lines: ['EHLO laptop'],
    reply: ['250-mail.example.com greets laptop', '250-PIPELINING', '250-SIZE 10485760', '250-8BITMIME', '250-ENHANCEDSTATUSCODES', '250-SMTPUTF8', '250-CHUNKING', '250-STARTTLS', '250 HELP'],
  },
  { id: 'ports-26', setup: [], lines: ['/connect mail.example.com 26'], reply: ['REFUSED: mail.example.com port 26: connection refused (nothing listens there)'] },
];
