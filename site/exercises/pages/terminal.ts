/** Page 1, using the terminal: /connect, a line to the server, /disconnect. Nothing else is assumed. */
import { answered, fail, pass } from '../checks.ts';
import type { Exercise, Snippet } from '../types.ts';

export const exercises: Exercise[] = [
  {
    id: 'terminal-connect',
    start: 'default',
    title: 'Open a connection and close it',
    goal: 'Connect to mail.example.com on port 25, read the server\'s greeting, then close the connection from the terminal.',
    hints: ['/help lists the terminal\'s commands.', 'One slash command opens a connection (host, then port), another closes it.', 'The greeting starts with 220.'],
    solution: ['/connect mail.example.com 25', '/disconnect'],
    wrong: ['/connect mail.example.com 25'],
    check: (run) => {
      const session = run.sessions.find((s) => /^220 /.test(s.lines[0]?.text ?? ''));
      if (!session) return fail('Not yet: no connection was greeted with 220.');
      return session.closedBy === 'client'
        ? pass(`Done: ${session.host} greeted you on ${session.port}, and you closed the connection.`)
        : fail('Not yet: the connection is still open. Close it from the terminal.');
    },
  },
  {
    id: 'terminal-noop',
    start: 'default',
    title: 'Say something to a server',
    goal: 'Connect to mail.example.org on port 25 and send the server a NOOP; it should answer with a 250 line.',
    hints: ['A line without a / goes to the server.', 'NOOP is a whole command on its own: no arguments.', 'Connect first: a line typed while not connected goes nowhere.'],
    solution: ['/connect mail.example.org 25', 'NOOP', '/disconnect'],
    wrong: ['/connect mail.example.org 25', '/disconnect'],
    check: answered('mail.example.org answered your NOOP with 250', /^NOOP$/i, /^250 /),
  },
];

export const snippets: Snippet[] = [
  { id: 'terminal-connect', setup: [], lines: ['/connect mail.example.com 25'], reply: ['220 mail.example.com ESMTP Mailwire'] },
  { id: 'terminal-noop', setup: ['/connect mail.example.com 25'], lines: ['NOOP'], reply: ['250 2.0.0 OK'] },
];
