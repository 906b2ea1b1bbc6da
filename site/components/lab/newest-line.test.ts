import { describe, expect, it } from 'vitest';
import type { TrackedLine, TrackedSession } from '../../world/session-tracker.ts';
import { meaningOf, newestExchange } from './NewestLine.tsx';

const line = (direction: 'client' | 'server', text: string, state = 'ready'): TrackedLine => ({ direction, text, state, time: 0, ending: 'crlf' });

function session(lines: TrackedLine[]): TrackedSession {
  return {
    id: 's', protocol: 'smtp', origin: 'terminal', client: 'laptop', host: 'mail.example.com', port: 587, state: 'ready', openedAt: 0,
    closed: false, lines, refusal: null, messages: [], pop3Account: null, pop3Deleted: [],
  };
}

describe('the newest exchange', () => {
  it('is the last command and every reply line after it', () => {
    const s = session([line('server', '220 hi'), line('client', 'EHLO x'), line('server', '250-mail'), line('server', '250 HELP')]);
    expect(newestExchange(s)).toEqual({ sent: s.lines[1], replies: s.lines.slice(2) });
  });

  it('is the greeting alone before anything was sent, and a command alone while its reply is awaited', () => {
    const greeting = session([line('server', '220 hi')]);
    expect(newestExchange(greeting)).toEqual({ sent: null, replies: greeting.lines });
    const waiting = session([line('server', '220 hi'), line('client', 'NOOP')]);
    expect(newestExchange(waiting)).toEqual({ sent: waiting.lines[1], replies: [] });
  });
});

describe('what a line means', () => {
  it('is its command, reply code or status, not the IMAP tag', () => {
    expect(meaningOf('imap', line('client', 'a1 SELECT INBOX'), {})?.token).toBe('SELECT');
    expect(meaningOf('imap', line('server', 'a1 OK [READ-WRITE] SELECT completed'), { command: 'SELECT' })?.token).toBe('OK');
    expect(meaningOf('smtp', line('client', 'EHLO x'), {})?.token).toBe('EHLO');
    expect(meaningOf('smtp', line('server', '250 HELP'), { command: 'EHLO' })?.token).toBe('250');
    expect(meaningOf('pop3', line('server', '-ERR [AUTH] no'), {})?.token).toMatch(/-ERR/);
  });
});
