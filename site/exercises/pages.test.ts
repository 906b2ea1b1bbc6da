/** The pages and the data agree: every id a page uses exists, and every exercise and snippet is on a page. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISES, PAGES, PRACTICE_EXERCISES, SETUP_EXERCISES, SNIPPETS, snippetById } from './registry.ts';
import { afterLines } from './snippet-run.ts';

const CONTENT = join(import.meta.dirname, '../../content');

function mdx(dir: string): Array<{ slug: string; text: string }> {
  return readdirSync(join(CONTENT, dir))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({ slug: f.replace(/\.mdx$/, ''), text: readFileSync(join(CONTENT, dir, f), 'utf8') }));
}

const pages = [...mdx('learn'), ...mdx('reference')];
const used = (tag: string): Array<{ slug: string; id: string }> =>
  pages.flatMap((p) => [...p.text.matchAll(new RegExp(`<${tag} id="([^"]+)"`, 'g'))].map((m) => ({ slug: p.slug, id: m[1] ?? '' })));

describe('pages and data', () => {
  it('every exercise a page shows exists, on the page whose data holds it', () => {
    for (const { slug, id } of used('Exercise')) {
      expect(PAGES[slug]?.exercises.map((e) => e.id), `${slug} → ${id}`).toContain(id);
    }
  });

  it('every snippet a page shows exists, on the page whose data holds it', () => {
    for (const { slug, id } of used('Snippet')) {
      expect(PAGES[slug]?.snippets.map((s) => s.id), `${slug} → ${id}`).toContain(id);
    }
  });

  it('every exercise and snippet is shown on some page', () => {
    const exercises = new Set(used('Exercise').map((u) => u.id));
    const snippets = new Set(used('Snippet').map((u) => u.id));
    expect(EXERCISES.filter((e) => !exercises.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(SNIPPETS.filter((s) => !snippets.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('the account dialog and the POP3/IMAP practice, and with them their exercises, are on their pages', () => {
    expect(pages.find((p) => p.slug === 'mail-client-setup')?.text).toContain('<MailClientSetup client:');
    expect(pages.find((p) => p.slug === 'pop3-vs-imap')?.text).toContain('<PopImapPractice client:');
  });

  it('exercise ids are unique across the terminal, the account dialog and the practice', () => {
    const ids = [...EXERCISES, ...SETUP_EXERCISES, ...PRACTICE_EXERCISES].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the sidebar order runs 1, 2, 3 … over the tutorials, terminal first, in the order of PAGES', () => {
    const order = (text: string): number => Number(/\n {2}order: (\d+)\n/.exec(text)?.[1]);
    const learn = mdx('learn').sort((a, b) => order(a.text) - order(b.text));
    expect(learn.map((p) => order(p.text))).toEqual(learn.map((_, i) => i + 1));
    expect(learn[0]?.slug).toBe('using-the-terminal');
    expect(learn[0]?.text).toMatch(/\nprev: false\n/);
    const withData = learn.map((p) => p.slug).filter((slug) => slug in PAGES);
    expect(withData).toEqual(Object.keys(PAGES));
  });

  it('every page with exercises embeds a terminal', () => {
    for (const p of pages) {
      if (p.text.includes('<Exercise ')) expect(p.text, p.slug).toContain('<Terminal');
    }
  });

  it('a snippet continues only snippets shown above it on its page, and their lines open its setup', () => {
    const order = used('Snippet');
    const at = (id: string): number => order.findIndex((u) => u.id === id);
    for (const s of SNIPPETS.filter((x) => x.after)) {
      const page = order[at(s.id)]?.slug;
      for (const id of s.after ?? []) {
        expect(order[at(id)]?.slug, `${s.id} after ${id}: same page`).toBe(page);
        expect(at(id), `${s.id} after ${id}: shown above it`).toBeLessThan(at(s.id));
      }
      const lines = afterLines(s, snippetById);
      expect(s.setup.slice(0, lines.length), `${s.id}: setup starts with the lines of ${s.after?.join(', ')}`).toEqual(lines);
    }
  });

  it('a snippet that continues others names at least one', () => {
    expect(SNIPPETS.filter((s) => s.after?.length === 0).map((s) => s.id)).toEqual([]);
  });
});
