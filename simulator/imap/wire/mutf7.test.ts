/** Modified UTF-7 (RFC 3501 §5.1.3, RFC 9051 Appendix A.1). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMutf7, encodeMutf7 } from './mutf7.ts';

describe('modified UTF-7', () => {
  it('the RFC example', () => {
    expect(decodeMutf7('~peter/mail/&U,BTFw-/&ZeVnLIqe-')).toBe('~peter/mail/台北/日本語');
    expect(encodeMutf7('~peter/mail/台北/日本語')).toBe('~peter/mail/&U,BTFw-/&ZeVnLIqe-');
  });

  it('"&" is "&-", ASCII stays itself', () => {
    expect(encodeMutf7('R&D')).toBe('R&-D');
    expect(decodeMutf7('R&-D')).toBe('R&D');
    expect(encodeMutf7('Sent Items')).toBe('Sent Items');
    expect(encodeMutf7('Entwürfe')).toBe('Entw&APw-rfe');
    expect(encodeMutf7('😀')).toBe('&2D3eAA-');
  });

  it.each([
    ['&Jjo!', 'RFC 9051 §A.1: not a valid name'],
    ['&U,BTFw', 'must end in US-ASCII'],
    ['&AGE-', 'encodes the printable "a"'],
    ['&U,A-&U,A-', 'a null shift between two runs'],
    ['&U,B-', 'leftover bits that are not zero'],
    ['&2D3-', 'a lone surrogate'],
    ['a\tb', 'a control character outside base64'],
    ['&U/BTFw-', '"/" is not in the modified alphabet'],
  ])('refuses %s (%s)', (wire) => {
    expect(decodeMutf7(wire)).toBeNull();
  });

  it('round-trips any Unicode name, and the encoding is canonical', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (name) => {
        const wire = encodeMutf7(name);
        expect(wire).toMatch(/^[\x20-\x7e]*$/);
        expect(decodeMutf7(wire)).toBe(name);
      }),
      { numRuns: 500 },
    );
  });
});
