import { describe, expect, it } from 'vitest';
import { stateGraph, transitionRows, type Machine } from './state-graph.ts';

describe('state diagrams come from the engines\' tables', () => {
  for (const machine of ['smtp', 'pop3', 'imap'] as Machine[]) {
    it(`${machine}: every edge joins drawn states, and every row is in the table`, () => {
      const g = stateGraph(machine);
      for (const e of g.edges) {
        expect(g.states).toContain(e.from);
        expect(g.states).toContain(e.to);
        expect(e.triggers.length).toBeGreaterThan(0);
      }
      const rows = transitionRows(machine);
      const covers = (from: string, to: string, on: string) =>
        rows.some((r) => r.to === to && r.on === on && (r.from === 'every other state' || r.from.split(', ').includes(from)));
      for (const e of g.edges) for (const on of e.triggers) expect(covers(e.from, e.to, on), `${e.from} -${on}-> ${e.to}`).toBe(true);
    });
  }

  it('draws the steps the pages talk about', () => {
    const edge = (m: Machine, from: string, to: string) => stateGraph(m).edges.find((e) => e.from === from && e.to === to);
    expect(edge('smtp', 'ready', 'mail')?.triggers).toContain('MAIL');
    expect(edge('smtp', 'starttls', 'connected')?.triggers).toContain('TLS started');
    expect(edge('pop3', 'TRANSACTION', 'UPDATE')?.triggers).toEqual(['QUIT']);
    expect(edge('imap', 'authenticated', 'selected')).toBeDefined();
    // The tutorial draws IMAP's four states; its table lists the sub-states too.
    expect(stateGraph('imap').states).toEqual(['not-authenticated', 'authenticated', 'selected', 'logout']);
    expect(transitionRows('imap').some((r) => r.to === 'idle-selected')).toBe(true);
    // Lost connections are left out of the drawing but kept in the table.
    expect(edge('pop3', 'TRANSACTION', 'CLOSED')).toBeUndefined();
    expect(transitionRows('pop3').some((r) => r.from.split(', ').includes('TRANSACTION') && r.to === 'CLOSED')).toBe(true);
    // A trigger taken from every other state is one row, not one per state.
    const bye = transitionRows('imap').filter((r) => r.on === 'bye');
    expect(bye).toEqual([expect.objectContaining({ from: 'every other state', to: 'logout' })]);
    expect(transitionRows('imap').filter((r) => r.on === 'LOGOUT')).toEqual([expect.objectContaining({ from: 'not-authenticated, authenticated, selected' })]);
  });
});
