import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { linkCitations, rfcLinksPlugin } from './rfc-links.ts';

const html = (md: string) => markdownToHtml(md, { mdastPlugins: [rfcLinksPlugin] }).html.trim();

describe('RFC citations in Markdown', () => {
  it('cuts a text into text and links: the reader for a local RFC, the RFC Editor for another', () => {
    expect(linkCitations('greets with 220 (RFC 5321 §3.1, §4.2; RFC 821).')).toEqual([
      { type: 'text', value: 'greets with 220 (' },
      { type: 'link', url: '/rfc/5321/#section-3.1', children: [{ type: 'text', value: 'RFC 5321 §3.1' }] },
      { type: 'text', value: ', ' },
      { type: 'link', url: '/rfc/5321/#section-4.2', children: [{ type: 'text', value: '§4.2' }] },
      { type: 'text', value: '; ' },
      { type: 'link', url: 'https://www.rfc-editor.org/rfc/rfc821', children: [{ type: 'text', value: 'RFC 821' }] },
      { type: 'text', value: ').' },
    ]);
    expect(linkCitations('no citation')).toEqual([{ type: 'text', value: 'no citation' }]);
  });

  it('links prose, in emphasis and lists too, through the Markdown processor', () => {
    expect(html('It greets (RFC 5321 §4.2) and *RFC 9051 §E* says so.')).toBe(
      '<p>It greets (<a href="/rfc/5321/#section-4.2">RFC 5321 §4.2</a>) and <em><a href="/rfc/9051/#appendix-E">RFC 9051 §E</a></em> says so.</p>',
    );
    expect(html('- see RFC 1939')).toContain('<li>see <a href="/rfc/1939/">RFC 1939</a></li>');
  });

  it('leaves headings, code and existing links alone', () => {
    expect(html('## RFC 5321 §4\n\n`RFC 5321 §4` and [RFC 5321](/x)')).toBe(
      '<h2>RFC 5321 §4</h2>\n<p><code>RFC 5321 §4</code> and <a href="/x">RFC 5321</a></p>',
    );
  });

  it('works in MDX, inside a component', () => {
    const { code } = mdxToJs('<Aside>\nsee RFC 8314 §3.3\n</Aside>', { mdastPlugins: [rfcLinksPlugin] });
    expect(code).toContain('"/rfc/8314/#section-3.3"');
  });
});
