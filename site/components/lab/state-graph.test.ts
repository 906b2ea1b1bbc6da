import { describe, expect, it } from 'vitest';
import { SMTP_TRANSITIONS } from '../../../simulator/smtp/state.ts';
import { allowedHere, layout, stateGraph } from './state-graph.ts';

describe('stateGraph', () => {
  it('draws every SMTP state and an edge for each table row (except the any-state drops)', () => {
    const g = stateGraph('smtp');
    expect(g.states).toContain('rcpt');
    for (const row of SMTP_TRANSITIONS) {
      if (row.on === 'connection lost' || row.on === '421') continue;
      const edge = g.edges.find((e) => e.from === row.from && e.to === row.to);
      expect(edge?.label.split(', ')).toContain(row.on);
    }
  });

  it('lays states out by distance from the initial state', () => {
    const placed = layout(stateGraph('smtp'));
    const column = (s: string): number => placed.find((p) => p.state === s)!.column;
    expect(column('connected')).toBe(0);
    expect(column('ready')).toBe(1);
    expect(column('mail')).toBe(2);
    expect(column('rcpt')).toBe(3);
    expect(new Set(placed.map((p) => `${p.column}/${p.row}`)).size).toBe(placed.length);
  });

  it('draws IMAP\'s sub-states under the state they return to, each in a place of its own', () => {
    const g = stateGraph('imap');
    for (const s of ['sasl', 'tls-handshake', 'idle-selected', 'literal-authenticated', 'responding']) expect(g.states).toContain(s);
    expect(g.edges.find((e) => e.from === 'not-authenticated' && e.to === 'sasl')?.rfc).toBe('RFC 9051 §6.2.2');
    expect(g.edges.some((e) => e.label.includes('dropped') || e.label.includes('bye'))).toBe(false);
    const placed = layout(g);
    const at = (s: string) => placed.find((p) => p.state === s)!;
    expect(at('authenticated').row).toBe(0);
    expect(at('selected').row).toBe(0);
    for (const [sub, home] of [['sasl', 'not-authenticated'], ['literal-not-authenticated', 'not-authenticated'], ['idle-authenticated', 'authenticated'], ['idle-selected', 'selected'], ['responding', 'selected']]) {
      expect(at(sub!).column, sub).toBe(at(home!).column);
      expect(at(sub!).row, sub).toBeGreaterThan(at(home!).row);
    }
    expect(new Set(placed.map((p) => `${p.column}/${p.row}`)).size).toBe(placed.length);
  });

  it('works for POP3 and IMAP tables too', () => {
    expect(layout(stateGraph('pop3')).find((p) => p.state === 'TRANSACTION')?.column).toBe(1);
    expect(layout(stateGraph('imap')).find((p) => p.state === 'selected')?.column).toBe(2);
  });

  it('draws the POP3 states that change what a line means, and UPDATE, with their RFC cited one way', () => {
    const g = stateGraph('pop3');
    for (const s of ['SASL', 'TLS-HANDSHAKE', 'UPDATE']) expect(g.states).toContain(s);
    expect(g.edges.find((e) => e.from === 'AUTHORIZATION' && e.to === 'SASL')?.rfc).toBe('RFC 5034 §4');
    expect(g.edges.find((e) => e.from === 'TLS-HANDSHAKE' && e.to === 'AUTHORIZATION')?.label).toBe('TLS-done');
    expect(g.edges.find((e) => e.from === 'UPDATE' && e.to === 'CLOSED')?.rfc).toBe('RFC 1939 §6');
    const placed = layout(g);
    expect(new Set(placed.map((p) => `${p.column}/${p.row}`)).size).toBe(placed.length);
  });

  it('lists the commands the registry allows in a state', () => {
    const verbs = allowedHere('smtp', 'ready').map((c) => c.verb);
    expect(verbs).toContain('MAIL');
    expect(verbs).not.toContain('RCPT');
    expect(allowedHere('smtp', 'mail').find((c) => c.verb === 'RCPT')?.template).toBe('RCPT TO:<bob@example.org>');
    expect(allowedHere('pop3', 'TRANSACTION').map((c) => c.verb)).toContain('RETR');
    expect(allowedHere('imap', 'authenticated').map((c) => c.template)).toContain('a1 SELECT INBOX');
  });

  it('puts a whole line with an argument on the prompt, never a bare verb that needs one', () => {
    // A bare EHLO is answered 501 (RFC 5321 §4.1.1.1 requires the domain).
    expect(allowedHere('smtp', 'connected').find((c) => c.verb === 'EHLO')?.template).toBe('EHLO laptop.example.com');
    expect(allowedHere('pop3', 'AUTHORIZATION').find((c) => c.verb === 'USER')?.template).toBe('USER alice@example.com');
    expect(allowedHere('imap', 'not-authenticated').find((c) => c.verb === 'LOGIN')?.template).toBe('a1 LOGIN alice@example.com wonderland');
  });
});
