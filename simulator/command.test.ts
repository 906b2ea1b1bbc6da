import { describe, expect, it } from 'vitest';
import { commandRegistry, type CommandSpec } from './command.ts';
import { rfc } from './fsm.ts';

const spec = (verb: string, states: Array<'x' | 'y'>): CommandSpec<'x' | 'y'> => ({ verb, states, syntax: verb, rfc: rfc(1939, '5'), summary: '' });

describe('commandRegistry', () => {
  it('finds a command by verb in any case and lists those a state allows, in file order', () => {
    const r = commandRegistry([spec('STAT', ['y']), spec('QUIT', ['x', 'y'])]);
    expect(r.find('stat')?.verb).toBe('STAT');
    expect(r.find('NOPE')).toBeUndefined();
    expect(r.allowedIn('y').map((c) => c.verb)).toEqual(['STAT', 'QUIT']);
    expect(r.allowedIn('x').map((c) => c.verb)).toEqual(['QUIT']);
  });

  it('refuses two files for one verb', () => {
    expect(() => commandRegistry([spec('STAT', ['y']), spec('STAT', ['x'])])).toThrow(/two commands named STAT/);
  });
});
