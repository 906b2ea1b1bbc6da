/** Mailbox patterns (RFC 9051 §6.3.9): what they match, and that no pattern costs more than pattern × name. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastestMs } from '../testing/timing.ts';
import { compilePattern, matchPattern, type MatchMeter } from './mailbox-pattern.ts';

const matches = (pattern: string, name: string): boolean => matchPattern(compilePattern(pattern), name);

/** The textbook reading of the rule as a regular expression: the oracle for short inputs only. */
function oracle(pattern: string, name: string): boolean {
  const source = [...pattern].map((ch) => (ch === '*' ? '.*' : ch === '%' ? '[^/]*' : ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'u').test(name);
}

describe('what a pattern matches (RFC 9051 §6.3.9)', () => {
  it('"*" crosses the hierarchy delimiter, "%" does not', () => {
    expect(matches('*', 'Archive/2024/Q1')).toBe(true);
    expect(matches('%', 'Archive/2024')).toBe(false);
    expect(matches('%', 'Archive')).toBe(true);
    expect(matches('Archive/%', 'Archive/2024')).toBe(true);
    expect(matches('Archive/%', 'Archive/2024/Q1')).toBe(false);
    expect(matches('Archive/*', 'Archive/2024/Q1')).toBe(true);
    expect(matches('A%e', 'Archive')).toBe(true);
    expect(matches('A%e', 'Ar/e')).toBe(false);
    expect(matches('', '')).toBe(true);
    expect(matches('Sent', 'Sent Items')).toBe(false);
    expect(matches('*Items', 'Sent Items')).toBe(true);
  });

  it('folds runs of wildcards to the widest one', () => {
    expect(compilePattern('a**%*b')).toEqual(['a', '*', 'b']);
    expect(compilePattern('%%%')).toEqual(['%']);
    expect(compilePattern('é%*')).toEqual(['é', '*']);
  });

  it('agrees with the regular-expression reading on short inputs', () => {
    const chars = fc.constantFrom('a', 'b', '/', '*', '%', 'é');
    const text = (max: number) => fc.array(chars, { maxLength: max }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text(8), text(10), (pattern, name) => {
        expect(matches(pattern, name)).toBe(oracle(pattern, name));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bounded cost', () => {
  it('never takes more than pattern × name steps (counted, not timed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('*', '%', 'a', 'Z', '/'), maxLength: 1000 }), fc.string({ unit: fc.constantFrom('a', '/'), maxLength: 200 }), (pattern, name) => {
        const meter: MatchMeter = { steps: 0 };
        const compiled = compilePattern(pattern);
        matchPattern(compiled, name, meter);
        expect(meter.steps).toBeLessThanOrEqual((compiled.length + 1) * (name.length + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('answers the issue-19 pattern ("" + 60 × "*" + "Z") over long names at once', () => {
    const meter: MatchMeter = { steps: 0 };
    const compiled = compilePattern(`${'*'.repeat(60)}Z`);
    expect(matchPattern(compiled, 'a'.repeat(1000), meter)).toBe(false);
    expect(meter.steps).toBeLessThanOrEqual(2 * 1000);
  });

  it('adversarial patterns of up to 1,000 octets complete well within 50 ms', () => {
    // Alternating wildcards and letters defeat the folding: the worst case for the automaton.
    const unit = fc.constantFrom('*', '%', 'a', 'a*', 'a%', '/', '*a/');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 400 }).map((us) => us.join('').slice(0, 1000)), fc.integer({ min: 0, max: 255 }), (pattern, n) => {
        const name = `${'a/'.repeat(n).slice(0, 255)}b`;
        expect(fastestMs(() => matches(pattern, name))).toBeLessThan(50);
      }),
      { numRuns: 100 },
    );
  });
});
