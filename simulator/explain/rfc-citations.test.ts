import { describe, expect, it } from 'vitest';
import { findCitations, findQuotes, quoteFragments } from './rfc-citations.ts';

const shape = (text: string) => findCitations(text).map((c) => ({ ...c, text: text.slice(c.start, c.end) }));

describe('findCitations', () => {
  it('finds a whole RFC, a section, an appendix, and where each is written', () => {
    expect(shape('SMTP (RFC 5321) greets with 220 (RFC 5321 §4.2.1); see RFC 9051 §E.')).toEqual([
      { rfc: 5321, start: 6, end: 14, text: 'RFC 5321' },
      { rfc: 5321, section: '4.2.1', start: 33, end: 48, text: 'RFC 5321 §4.2.1' },
      { rfc: 9051, section: 'E', start: 55, end: 66, text: 'RFC 9051 §E' },
    ]);
  });

  it('reads chains and ranges as sections of the same RFC', () => {
    const found = shape('(RFC 5321 §3.1, §4.2 and §4.5.3.1.4) and RFC 1939 §§4–7 and RFC 5321 §4.1.1.2–3 and §7.2–§7.5');
    expect(found.map((c) => [c.rfc, c.section, c.rangeEnd, c.text])).toEqual([
      [5321, '3.1', undefined, 'RFC 5321 §3.1'],
      [5321, '4.2', undefined, '§4.2'],
      [5321, '4.5.3.1.4', undefined, '§4.5.3.1.4'],
      [1939, '4', '7', 'RFC 1939 §§4–7'],
      [5321, '4.1.1.2', '4.1.1.3', 'RFC 5321 §4.1.1.2–3'],
      [5321, '7.2', '7.5', '§7.2–§7.5'],
    ]);
  });

  it('does not take a trailing full stop or a word for a section', () => {
    expect(shape('as RFC 5321 §4.2. Then RFC 822 said so.').map((c) => c.text)).toEqual(['RFC 5321 §4.2', 'RFC 822']);
    expect(findCitations('RFC5321 RFC 12 PRFC 5321')).toEqual([]);
  });
});

describe('findQuotes', () => {
  it('a quotation followed by a parenthesised citation', () => {
    const [q] = findQuotes('The server "MUST NOT intentionally close the transmission channel" (RFC 5321 §3.8).');
    expect(q!.quote).toBe('MUST NOT intentionally close the transmission channel');
    expect(q!.citation.section).toBe('3.8');
  });

  it('a citation followed by a quotation in the same sentence', () => {
    const [q] = findQuotes('RFC 3207 §4: after "220 Ready to start TLS" the client starts.');
    expect(q!.quote).toBe('220 Ready to start TLS');
    expect(q!.citation.rfc).toBe(3207);
  });

  it('a blockquote whose last line cites', () => {
    const [q] = findQuotes('Text.\n\n> The maximum total length of a command line\n> including the command word — RFC 5321 §4.5.3.1.4\n\nMore.');
    expect(q!.quote).toBe('The maximum total length of a command line\nincluding the command word');
    expect(q!.citation.section).toBe('4.5.3.1.4');
  });

  it('not scare quotes, tokens, or a quotation a sentence away from its citation', () => {
    expect(findQuotes('replies "+OK" or "-ERR" (RFC 1939 §3)')).toEqual([]);
    expect(findQuotes('RFC 5321 §4.2 says so. Then "this is another thing entirely" happens.')).toEqual([]);
    expect(findQuotes('"FROM:<path> PARAM=value …" (RFC 5321 §4.1.1.2)')).toEqual([]);
  });

  it('splits a quotation at its ellipses and undoes markup', () => {
    expect(quoteFragments('the client *MUST* … discard  any knowledge...obtained')).toEqual(['the client MUST', 'discard any knowledge', 'obtained']);
  });
});
