import { describe, expect, it } from 'vitest';
import { commandRegistry, type CommandSpec } from './command.ts';
import { rfc } from './fsm.ts';

type Spec = CommandSpec<'x' | 'y'> & { order: number };
const spec = (verb: string, states: Array<'x' | 'y'>, order = 0): Spec => ({ verb, states, syntax: verb, rfc: rfc(1939, '5'), summary: '', order });
const byOrder = (c: Spec) => c.order;

describe('commandRegistry', () => {
  it('finds a command by verb in any case and lists those a state allows, in rank order', () => {
    const r = commandRegistry([spec('QUIT', ['x', 'y'], 20), spec('STAT', ['y'], 10)], byOrder);
    expect(r.find('stat')?.verb).toBe('STAT');
    expect(r.find('NOPE')).toBeUndefined();
    expect(r.allowedIn('y').map((c) => c.verb)).toEqual(['STAT', 'QUIT']);
    expect(r.allowedIn('x').map((c) => c.verb)).toEqual(['QUIT']);
  });

  it('gives the same order whatever order the files come in, ties by verb', () => {
    const files = [spec('USER', ['x'], 10), spec('APOP', ['x'], 10), spec('CAPA', ['x', 'y'], 0), spec('QUIT', ['x', 'y'], 90)];
    const orders = [files, [...files].reverse(), [files[2]!, files[0]!, files[3]!, files[1]!]].map((list) => commandRegistry(list, byOrder).all.map((c) => c.verb));
    for (const order of orders) expect(order).toEqual(['CAPA', 'APOP', 'USER', 'QUIT']);
  });

  it('refuses two files for one verb, and a command the rank cannot place', () => {
    expect(() => commandRegistry([spec('STAT', ['y']), spec('STAT', ['x'])], byOrder)).toThrow(/two commands named STAT/);
    expect(() => commandRegistry([spec('STAT', ['y'])], () => Number.NaN)).toThrow(/STAT has no place in the command order/);
  });
});
