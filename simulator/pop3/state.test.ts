import { describe, expect, it } from 'vitest';
import { citeRfc, nextState } from '../fsm.ts';
import { allowedCommands, POP3_COMMANDS } from './registry.ts';
import { POP3_STATES, POP3_TABLE, POP3_TRANSITIONS, type Pop3State, type Pop3Trigger } from './state.ts';

const next = (from: Pop3State, on: Pop3Trigger): Pop3State => nextState(POP3_TABLE, from, on);

describe('POP3 state table', () => {
  it('lists every state and reaches CLOSED from each', () => {
    for (const state of POP3_STATES.filter((s) => s !== 'CLOSED')) {
      expect(POP3_TRANSITIONS.some((t) => t.from === state && t.to === 'CLOSED')).toBe(true);
    }
    for (const t of POP3_TRANSITIONS) expect(POP3_STATES).toContain(t.to);
  });

  it('follows RFC 1939: login leads to TRANSACTION, QUIT there to UPDATE, a drop never to UPDATE', () => {
    expect(next('AUTHORIZATION', 'PASS')).toBe('TRANSACTION');
    expect(next('AUTHORIZATION', 'APOP')).toBe('TRANSACTION');
    expect(next('AUTHORIZATION', 'AUTH')).toBe('TRANSACTION');
    expect(next('TRANSACTION', 'QUIT')).toBe('UPDATE');
    expect(next('AUTHORIZATION', 'QUIT')).toBe('CLOSED');
    expect(POP3_TRANSITIONS.filter((t) => t.to === 'UPDATE').map((t) => t.on)).toEqual(['QUIT']);
    expect(() => next('CLOSED', 'QUIT')).toThrow(/no transition/);
  });

  it('names the states that change what a line means: SASL and TLS-HANDSHAKE, left only as RFC 5034 and RFC 2595 say', () => {
    expect(next('AUTHORIZATION', 'AUTH-challenge')).toBe('SASL');
    expect(next('SASL', 'AUTH')).toBe('TRANSACTION');
    expect(next('SASL', 'AUTH-failed')).toBe('AUTHORIZATION');
    expect(next('AUTHORIZATION', 'STLS')).toBe('TLS-HANDSHAKE');
    expect(next('TLS-HANDSHAKE', 'TLS-done')).toBe('AUTHORIZATION');
    expect(() => next('TLS-HANDSHAKE', 'PASS')).toThrow(/no transition/);
  });

  it('derives the allowed commands of each state from the registry', () => {
    expect(allowedCommands('AUTHORIZATION').sort()).toEqual(['APOP', 'AUTH', 'CAPA', 'PASS', 'QUIT', 'STLS', 'USER']);
    expect(allowedCommands('TRANSACTION').sort()).toEqual(['CAPA', 'DELE', 'LIST', 'NOOP', 'QUIT', 'RETR', 'RSET', 'STAT', 'TOP', 'UIDL']);
    expect(allowedCommands('UPDATE')).toEqual([]);
    expect(allowedCommands('SASL')).toEqual([]);
    for (const c of POP3_COMMANDS) expect(citeRfc(c.rfc)).toMatch(/^RFC \d{4} §[\d.]+$/);
  });

  it('lists the commands in a session order from their specs, not in file-name order', () => {
    expect(POP3_COMMANDS.map((c) => c.verb)).toEqual(['CAPA', 'STLS', 'USER', 'PASS', 'APOP', 'AUTH', 'STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'TOP', 'UIDL', 'QUIT']);
    expect(allowedCommands('AUTHORIZATION')).toEqual(['CAPA', 'STLS', 'USER', 'PASS', 'APOP', 'AUTH', 'QUIT']);
    expect(new Set(POP3_COMMANDS.map((c) => c.order)).size, 'two commands share an order').toBe(POP3_COMMANDS.length);
  });
});
