/** RFC 9525 §6.3 and RFC 7817 §3 name matching, one presented name against one reference at a time. */
import { describe, expect, it } from 'vitest';
import { dnsNameMatches, toALabels } from './hostname.ts';

describe('dnsNameMatches', () => {
  const cases: Array<[presented: string, reference: string, match: boolean]> = [
    ['mail.example.com', 'mail.example.com', true],
    ['MAIL.Example.COM', 'mail.example.com', true],
    ['mail.example.com.', 'mail.example.com', true],
    ['mail.example.com', 'imap.example.com', false],
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'example.com', false], // RFC 7817 §3 rule 5: "would not match "example.com""
    ['*.example.com', 'a.b.example.com', false], // one label only
    ['*oo.example.com', 'foo.example.com', false], // not a fragment of the label
    ['f*o.example.com', 'foo.example.com', false],
    ['foo*.example.com', 'foo1.example.com', false],
    ['a.*.example.com', 'a.b.example.com', false], // left-most label only
    ['*.com', 'example.com', false], // not over a single-label suffix
    ['*.example.com', 'xn--bcher-kva.example.com', false], // no wildcard over an A-label
  ];
  for (const [presented, reference, match] of cases) {
    it(`${presented} ${match ? 'matches' : 'does not match'} ${reference}`, () => {
      expect(dnsNameMatches(presented, reference)).toBe(match);
    });
  }
});

describe('toALabels', () => {
  it('turns U-labels into A-labels and lowers the case', () => {
    expect(toALabels('Bücher.Example')).toBe('xn--bcher-kva.example');
    expect(toALabels('MAIL.example.com.')).toBe('mail.example.com');
  });
  it('is null for what is not a host name', () => {
    expect(toALabels('exa mple.com')).toBeNull();
  });
});
