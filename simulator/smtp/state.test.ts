/** The transition table, the registry, and every (state × command) pair (h2 `test_state_machines.py`). */
import { describe, expect, it } from 'vitest';
import { citeRfc } from '../fsm.ts';
import { driverIn } from './server-fixture.test-helper.ts';
import { allowedCommands, SMTP_COMMANDS } from './registry.ts';
import { COMMAND_STATES, isChunkState, isCommandState, nextState, SMTP_STATES, SMTP_TRANSITIONS, type SmtpState } from './state.ts';

const REPLY_LINE = /^[2-5]\d\d[ -]/;

describe('the transition table', () => {
  it('has no duplicate (from, on) rows and only known states', () => {
    const keys = SMTP_TRANSITIONS.map((t) => `${t.from}|${t.on}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of SMTP_TRANSITIONS) {
      expect(SMTP_STATES).toContain(t.from);
      expect(SMTP_STATES).toContain(t.to);
      expect(citeRfc(t.rfc)).toMatch(/^RFC \d+ §/);
    }
  });

  it('reaches every state from connected, and every state but closed can close', () => {
    const seen = new Set<SmtpState>(['connected']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of SMTP_TRANSITIONS) if (seen.has(t.from) && !seen.has(t.to)) grew = seen.add(t.to).size > 0;
    }
    expect([...seen].sort()).toEqual([...SMTP_STATES].sort());
    for (const state of SMTP_STATES) if (state !== 'closed') expect(nextState(state, 'connection lost')).toBe('closed');
  });

  it('refuses a transition that is not in the table (our bug, so it throws)', () => {
    expect(() => nextState('connected', 'DATA')).toThrow(/no transition from connected on DATA/);
  });

  it('allowedCommands follows the registry', () => {
    expect(allowedCommands('connected').map((c) => c.verb)).toEqual(['EHLO', 'HELO', 'STARTTLS', 'RSET', 'NOOP', 'VRFY', 'HELP', 'QUIT']);
    expect(allowedCommands('rcpt').map((c) => c.verb)).toContain('DATA');
    expect(allowedCommands('data')).toEqual([]);
    for (const c of SMTP_COMMANDS) for (const s of c.states) expect(COMMAND_STATES).toContain(s);
  });

  it('lists the commands in a session order from their specs, not in file-name order', () => {
    expect(SMTP_COMMANDS.map((c) => c.verb)).toEqual(['EHLO', 'HELO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT', 'DATA', 'BDAT', 'RSET', 'NOOP', 'VRFY', 'HELP', 'QUIT']);
    expect(new Set(SMTP_COMMANDS.map((c) => c.order)).size, 'two commands share an order').toBe(SMTP_COMMANDS.length);
  });
});

const LINES = [
  ...SMTP_COMMANDS.flatMap((c) => [c.verb, `${c.verb} x`, `${c.verb} FROM:<bob@example.org>`, `${c.verb} TO:<bob@example.org>`, `${c.verb} 0 LAST`, `${c.verb} PLAIN`]),
  'EXPN x',
  'FOO',
  '',
  '*',
  '=',
  '.',
  'AGJvYgBidWlsZGVy',
];

describe('every (state × command line) gets an answer and never throws', () => {
  for (const state of SMTP_STATES) {
    it(state, () => {
      for (const line of LINES) {
        const driver = driverIn(state);
        const lines = driver.send(`${line}\r\n`);
        for (const l of lines) expect(l, `${state} / ${line}`).toMatch(REPLY_LINE);
        if (isCommandState(state) && !/^BDAT \d/i.test(line)) expect(lines.length, `${state} / ${line}`).toBeGreaterThan(0);
        if (state === 'closed' || state === 'starttls' || (state === 'data' && line !== '.')) expect(lines, `${state} / ${line}`).toEqual([]);
        // RFC 3030 §2: inside a chunk every octet is message data, answered only when the chunk is whole.
        if (isChunkState(state)) expect(lines, `${state} / ${line}`).toEqual([]);
        if (state === 'auth') expect(lines.length, `${state} / ${line}`).toBeGreaterThan(0);
      }
    });
  }
});
