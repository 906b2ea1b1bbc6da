import { describe, expect, it } from 'vitest';
import { POP3_COMMANDS } from './registry.ts';
import { allowedCommands, nextState, POP3_STATES, POP3_TRANSITIONS } from './state.ts';

describe('POP3 state table', () => {
  it('lists every state and reaches CLOSED from each', () => {
    for (const state of POP3_STATES.filter((s) => s !== 'CLOSED')) {
      expect(POP3_TRANSITIONS.some((t) => t.from === state && t.to === 'CLOSED')).toBe(true);
    }
    for (const t of POP3_TRANSITIONS) expect(POP3_STATES).toContain(t.to);
  });

  it('follows RFC 1939: login leads to TRANSACTION, QUIT there to UPDATE, a drop never to UPDATE', () => {
    expect(nextState('AUTHORIZATION', 'PASS')).toBe('TRANSACTION');
    expect(nextState('AUTHORIZATION', 'APOP')).toBe('TRANSACTION');
    expect(nextState('AUTHORIZATION', 'AUTH')).toBe('TRANSACTION');
    expect(nextState('TRANSACTION', 'QUIT')).toBe('UPDATE');
    expect(nextState('AUTHORIZATION', 'QUIT')).toBe('CLOSED');
    expect(POP3_TRANSITIONS.filter((t) => t.to === 'UPDATE').map((t) => t.on)).toEqual(['QUIT']);
    expect(() => nextState('CLOSED', 'QUIT')).toThrow(/no transition/);
  });

  it('derives the allowed commands of each state from the registry', () => {
    expect(allowedCommands('AUTHORIZATION').sort()).toEqual(['APOP', 'AUTH', 'CAPA', 'PASS', 'QUIT', 'STLS', 'USER']);
    expect(allowedCommands('TRANSACTION').sort()).toEqual(['CAPA', 'DELE', 'LIST', 'NOOP', 'QUIT', 'RETR', 'RSET', 'STAT', 'TOP', 'UIDL']);
    expect(allowedCommands('UPDATE')).toEqual([]);
    for (const c of POP3_COMMANDS) expect(c.rfc).toMatch(/^\d{4}#[\d.]+$/);
  });
});
