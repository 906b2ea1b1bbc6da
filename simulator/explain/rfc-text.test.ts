import { describe, expect, it } from 'vitest';
import { rfcDocument, rfcFileNumbers } from '../../site/components/rfc/rfc-texts.ts';
import { bodyBlocks, findSection, flatten, followsInOutline, pageLines, parseRfc, sectionFlatText, sectionWithSubsections } from './rfc-text.ts';

describe('followsInOutline', () => {
  it('accepts a first child or the next sibling at any level, and nothing else', () => {
    expect(followsInOutline(null, '1')).toBe(true);
    expect(followsInOutline(null, 'A')).toBe(true);
    expect(followsInOutline(null, '2')).toBe(false);
    expect(followsInOutline('4.5.3', '4.5.3.1')).toBe(true);
    expect(followsInOutline('4.5.3.1.10', '4.5.3.2')).toBe(true);
    expect(followsInOutline('4.5.3.2.7', '4.6')).toBe(true);
    expect(followsInOutline('4.5.3.2.7', '5')).toBe(true);
    expect(followsInOutline('4.5', '4.7')).toBe(false);
    expect(followsInOutline('4.5', '4.5.2')).toBe(false);
    expect(followsInOutline('D.4', 'E')).toBe(true);
    expect(followsInOutline('1.3', '1.3')).toBe(false);
  });
});

describe('pageLines', () => {
  const page = (n: number) => `Author                 Standards Track                  [Page ${n}]`;
  const header = 'RFC 9999                     Test                      May 2020';

  it('drops footers, form feeds and headers; rejoins a paragraph cut by a page break', () => {
    const text = ['   the first half of a', '', '', page(1), '\f', header, '', '', '   sentence ends here.', '', page(2), '\f' + header, '', '2.  Next', ''].join('\n');
    expect(pageLines(text)).toEqual(['   the first half of a', '   sentence ends here.', '', '2.  Next']);
  });

  it('keeps the blank line when the break falls between paragraphs', () => {
    const text = ['   One paragraph ends.', '', page(1), '\f', header, '', '   Another begins', ''].join('\n');
    expect(pageLines(text)).toEqual(['   One paragraph ends.', '', '   Another begins']);
  });
});

describe('parseRfc on small texts', () => {
  const doc = parseRfc(
    [
      'Network Working Group                                          A. Author',
      'Request for Comments: 9999                                      May 2020',
      '',
      '                          A Test Protocol',
      '',
      'Table of Contents',
      '',
      '   1. Introduction ..........................................  1',
      '',
      '1.  Introduction',
      '',
      '   Text.',
      '',
      '1 row one of a table',
      '2 row two',
      '3 row three',
      '',
      '1.1.  Terms',
      '',
      '   More text.',
      '',
      'Appendix A.  Extra',
      '',
      '   Appended.',
      '',
      "Author's Address",
      '',
      '   Someone',
    ].join('\n'),
  );

  it('finds the title, the numbered sections, appendices and unnumbered headings, not table rows or contents', () => {
    expect(doc.title).toBe('A Test Protocol');
    expect(doc.sections.map((s) => [s.number, s.title, s.anchor, s.depth])).toEqual([
      ['1', 'Introduction', 'section-1', 1],
      ['1.1', 'Terms', 'section-1.1', 2],
      ['A', 'Extra', 'appendix-A', 1],
      [null, "Author's Address", 'name-author-s-address', 1],
    ]);
    expect(findSection(doc, '1')!.body).toBe('   Text.\n\n1 row one of a table\n2 row two\n3 row three');
    expect(doc.front).toContain('Table of Contents');
  });
});

describe('parseRfc on the RFCs kept in content/rfc', () => {
  it('RFC 5321 (paginated, xml2rfc): sections, a deep one, appendices, no page furniture', () => {
    const doc = rfcDocument(5321);
    expect(doc.title).toBe('Simple Mail Transfer Protocol');
    expect(doc.sections.filter((s) => s.number !== null)).toHaveLength(141);
    const limits = findSection(doc, '4.5.3.1')!;
    expect(limits.title).toBe('Size Limits and Minimums');
    expect(limits.body.split('\n')[0]).toBe('There are several objects that have required minimum/maximum sizes.');
    expect(findSection(doc, '4.5.3.1.4')!.title).toBe('Command Line');
    expect(findSection(doc, 'D.1')!.title).toBe('A Typical SMTP Transaction Scenario');
    expect(findSection(doc, 'F')!.title).toBe('Deprecated Features of RFC 821');
    expect(sectionWithSubsections(doc, '4.5.3.1').map((s) => s.number)).toEqual(['4.5.3.1', ...Array.from({ length: 10 }, (_, i) => `4.5.3.1.${i + 1}`)]);
    // §1.3 runs across the page 6/7 break, mid-sentence.
    expect(sectionFlatText(doc, '1.3')).toContain('Readers are cautioned that these are illustrative examples that should not actually be used');
  });

  it('RFC 1939 (1996 layout): numbered sections 1-15 and appendices A, B', () => {
    const doc = rfcDocument(1939);
    expect(doc.title).toBe('Post Office Protocol - Version 3');
    expect(doc.sections.map((s) => s.number)).toEqual([...Array.from({ length: 15 }, (_, i) => String(i + 1)), 'A', 'B']);
    expect(findSection(doc, '3')!.body.split('\n')[0]).toBe('Initially, the server host starts the POP3 service by listening on');
    expect(findSection(doc, 'A')!.title).toBe('Differences from RFC 1725');
  });

  it('RFC 9051 (unpaginated): SEARCH, a title wrapped on two lines, Appendix E', () => {
    const doc = rfcDocument(9051);
    expect(findSection(doc, '6.4.4')!.title).toBe('SEARCH Command');
    expect(findSection(doc, 'A.1')!.title).toBe('Mailbox International Naming Convention for Compatibility with IMAP4rev1');
    expect(findSection(doc, 'E')!.title).toBe('Changes from RFC 3501 / IMAP4rev1');
    expect(doc.sections.at(-1)!.title).toBe("Authors' Addresses");
  });

  it('RFC 8446: ClientHello, appendices nested three deep, a title starting with a digit', () => {
    const doc = rfcDocument(8446);
    expect(findSection(doc, '4.1.2')!.title).toBe('Client Hello');
    expect(findSection(doc, 'B.3.1.1')!.title).toBe('Version Extension');
    expect(findSection(doc, 'D.3')!.title).toBe('0-RTT Backward Compatibility');
  });

  it('RFC 1700 (no numbers): split at its capitalised registry titles, anchors made unique', () => {
    const doc = rfcDocument(1700);
    const ports = doc.sections.find((s) => s.title === 'WELL KNOWN PORT NUMBERS')!;
    expect(ports.anchor).toBe('name-well-known-port-numbers');
    expect(flatten(ports.body)).toContain('smtp 25/tcp Simple Mail Transfer');
    expect(doc.sections.filter((s) => s.anchor.startsWith('name-references')).length).toBeGreaterThan(5);
  });

  it('every text: sections found, anchors unique, no footer, header or form feed left', () => {
    for (const n of rfcFileNumbers()) {
      const doc = rfcDocument(n);
      expect(doc.sections.length, `RFC ${n}`).toBeGreaterThan(3);
      expect(doc.title.length, `RFC ${n} title`).toBeGreaterThan(3);
      const anchors = doc.sections.map((s) => s.anchor);
      expect(new Set(anchors).size, `RFC ${n} anchors`).toBe(anchors.length);
      for (const s of doc.sections) {
        expect(s.body, `RFC ${n} ${s.anchor}`).not.toMatch(/\[Page \d+\]|\f/);
        expect(s.body, `RFC ${n} ${s.anchor}`).not.toMatch(new RegExp(`^RFC ${n} {2,}`, 'm'));
      }
    }
  });
});

describe('the abstract', () => {
  it('is the front matter under "Abstract", or the memo status of an RFC without one', () => {
    expect(rfcDocument(9051).abstract.split('\n')[0]).toBe('The Internet Message Access Protocol Version 4rev2 (IMAP4rev2) allows');
    expect(rfcDocument(1939).abstract).toMatch(/^This document specifies an Internet standards track protocol/);
  });
});

describe('bodyBlocks', () => {
  it('reflows running text and keeps figures, lists and tables as laid out', () => {
    const blocks = bodyBlocks(findSection(rfcDocument(5321), '3.3')!.body);
    expect(blocks[0]).toEqual({
      kind: 'prose',
      indent: 0,
      text: expect.stringMatching(/^There are three steps to SMTP mail transactions\.  The transaction starts with a MAIL command/),
    });
    expect(blocks[2]).toEqual({ kind: 'figure', indent: 3, text: 'MAIL FROM:<reverse-path> [SP <mail-parameters> ] <CRLF>' });
    const list = bodyBlocks('Intro line that is long enough to be running text here.\n\no  a bullet item that is long enough to be prose\n   and its continuation');
    expect(list.map((b) => b.kind)).toEqual(['prose', 'figure']);
    expect(bodyBlocks('Name      Value\nsmtp      25')[0]!.kind).toBe('figure');
  });
});
