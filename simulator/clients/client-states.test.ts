import { describe, expect, it } from 'vitest';
import { IMAP_CLIENT_TRANSITIONS } from './imap-client-state.ts';
import { POP3_CLIENT_TRANSITIONS } from './pop3-client-state.ts';

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
});
