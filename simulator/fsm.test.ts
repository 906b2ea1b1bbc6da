import { describe, expect, it } from 'vitest';
import { citeRfc, edges, rfc, StateMachine, stateTable } from './fsm.ts';

type S = 'a' | 'b' | 'end';
type T = 'go' | 'stop';

const table = stateTable<S, T>({
  name: 'test machine',
  states: ['a', 'b', 'end'],
  initial: 'a',
  transitions: [{ from: 'a', on: 'go', to: 'b', rfc: rfc(1939, '4') }, ...edges<S, T>(['a', 'b'], 'stop', 'end', rfc(1939, '6'))],
});

describe('fsm', () => {
  it('cites a section one way: RFC n §s', () => {
    expect(citeRfc(rfc(5321, '4.1.1.1'))).toBe('RFC 5321 §4.1.1.1');
  });

  it('moves only along the table and reports each move', () => {
    const m = new StateMachine(table);
    expect(m.can('go')).toBe(true);
    expect(m.fire('go')).toEqual({ kind: 'state', from: 'a', to: 'b' });
    expect(m.can('go')).toBe(false);
    expect(() => m.fire('go')).toThrow(/test machine: no transition from b on go/);
    expect(m.state).toBe('b');
    m.fire('stop');
    expect(m.state).toBe('end');
  });

  it('refuses a table with an undeclared state or two edges for one (state, trigger)', () => {
    expect(() => stateTable<S, T>({ name: 'x', states: ['a', 'b'], initial: 'a', transitions: [{ from: 'a', on: 'go', to: 'end', rfc: rfc(1, '1') }] })).toThrow(/undeclared/);
    expect(() =>
      stateTable<S, T>({ name: 'x', states: ['a', 'b'], initial: 'a', transitions: [{ from: 'a', on: 'go', to: 'b', rfc: rfc(1, '1') }, { from: 'a', on: 'go', to: 'a', rfc: rfc(1, '1') }] }),
    ).toThrow(/two edges/);
  });
});
