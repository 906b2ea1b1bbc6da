import { describe, expect, it } from 'vitest';
import { citeRfc } from '../fsm.ts';
import { ABORTABLE, SMTP_CLIENT_TABLE } from '../smtp/client-state.ts';
import { IMAP_CLIENT_TABLE, IMAP_CLIENT_TRANSITIONS } from './imap-client-state.ts';
import { POP3_CLIENT_TABLE, POP3_CLIENT_TRANSITIONS } from './pop3-client-state.ts';

/** The tables the UI draws: closed, every state reachable from the first, and every one able to end. */
function checkTable(table: Readonly<Record<string, readonly string[]>>, first: string): void {
  const states = Object.keys(table);
  for (const targets of Object.values(table)) for (const t of targets) expect(states).toContain(t);
  const reach = (from: string): Set<string> => {
    const seen = new Set([from]);
    for (const s of seen) for (const t of table[s] ?? []) seen.add(t);
    return seen;
  };
  expect([...reach(first)].sort()).toEqual([...states].sort());
  for (const s of states) expect(reach(s).has('done'), `${s} can end`).toBe(true);
  expect(table['done']).toEqual([]);
}

describe('client state tables', () => {
  it('POP3 client', () => checkTable(POP3_CLIENT_TRANSITIONS, 'greeting'));
  it('IMAP client', () => checkTable(IMAP_CLIENT_TRANSITIONS, 'greeting'));

  it('are simulator/fsm.ts tables: one edge per move, each citing its RFC section one way', () => {
    for (const [moves, table] of [[POP3_CLIENT_TRANSITIONS, POP3_CLIENT_TABLE], [IMAP_CLIENT_TRANSITIONS, IMAP_CLIENT_TABLE]] as const) {
      expect(table.transitions.length).toBe(Object.values(moves).flat().length);
      for (const t of table.transitions) expect(citeRfc(t.rfc)).toMatch(/^RFC \d{4} §[\d.]+$/);
    }
    for (const t of SMTP_CLIENT_TABLE.transitions) expect(citeRfc(t.rfc)).toMatch(/^RFC \d{4} §[\d.]+$/);
    expect(SMTP_CLIENT_TABLE.transitions.filter((t) => t.to === 'done').map((t) => t.from).sort()).toEqual([...ABORTABLE].sort());
  });
});
