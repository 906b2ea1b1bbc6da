/**
 * No word glued to an inline element: every built page (dist/**\/*.html), after its islands have
 * rendered, is searched for a letter or digit directly followed by an inline element (code, a link,
 * strong, em …) whose text starts with a letter, a digit or "/", and for such an element directly
 * followed by a letter or digit. That is how "with<code>STARTTLS</code>" and "demo</em>on 587" look
 * in the DOM when the template loses the space at a line break.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const DIST = 'dist';

/** Every built page as the URL path it is served at. */
function builtPages(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return builtPages(path);
    if (!name.endsWith('.html') || name === '404.html') return [];
    const url = `/${relative(DIST, path).split(sep).join('/')}`;
    return [url.replace(/index\.html$/, '')];
  });
}

/** Runs in the page: each glued spot as "…before|element text|after…". */
function findGlued(root: Element): string[] {
  // Inline elements that carry words. (sub/sup are left out: H<sub>2</sub>O is meant to touch.)
  const INLINE = new Set(['A', 'ABBR', 'B', 'CITE', 'CODE', 'DFN', 'EM', 'I', 'KBD', 'MARK', 'Q', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'TIME', 'VAR']);
  const SKIP = 'script, style, pre, svg, textarea, .xterm, [aria-hidden="true"]';
  const WORD_END = /[\p{L}\p{N}]$/u;
  const WORD_START = /^[\p{L}\p{N}/]/u;
  const out: string[] = [];
  const visible = (el: Element): boolean => {
    const style = getComputedStyle(el);
    return style.display.startsWith('inline') && style.visibility !== 'hidden' && el.getClientRects().length > 0;
  };
  for (const el of root.querySelectorAll('*')) {
    if (!INLINE.has(el.tagName) || el.closest(SKIP) || !visible(el)) continue;
    const text = el.textContent ?? '';
    if (text.trim() === '') continue;
    const before = el.previousSibling;
    const after = el.nextSibling;
    if (before?.nodeType === Node.TEXT_NODE && WORD_END.test(before.textContent ?? '') && WORD_START.test(text)) {
      out.push(`${(before.textContent ?? '').slice(-20)}|${text.slice(0, 30)}`);
    }
    if (after?.nodeType === Node.TEXT_NODE && /^[\p{L}\p{N}]/u.test(after.textContent ?? '') && WORD_END.test(text)) {
      out.push(`${text.slice(-30)}|${(after.textContent ?? '').slice(0, 20)}`);
    }
  }
  return out;
}

async function gluedOn(page: Page): Promise<string[]> {
  return page.locator('body').evaluate(findGlued);
}

test('the detector catches the five glued spots the issue found', async ({ page }) => {
  await page.setContent(`<main>
    <p>the client asks for TLS with<code>STARTTLS</code> or <code>STLS</code>;</p>
    <p>a console on that port, with the<a href="/wire/">wire view</a> beside it.</p>
    <p>This is the argument of<a href="#">RFC 8314 §5.2</a> for requiring</p>
    <p>Press <em>Run the STARTTLS injection demo</em>on 587, 110 or 143</p>
    <p>In the lab, type<code>/connect --live mail.example.net 587</code></p>
    <p>Fine: <code>EHLO</code>, (<a href="#">RFC 5321</a>), H<sub>2</sub>O, <strong>Relay</strong> is one.</p>
  </main>`);
  const glued = await gluedOn(page);
  for (const spot of ['with|STARTTLS', 'the|wire view', 'of|RFC 8314', 'demo|on 587', 'type|/connect']) {
    expect(glued.filter((g) => g.includes(spot)), spot).toHaveLength(1);
  }
  expect(glued).toHaveLength(5);
});

for (const path of builtPages()) {
  test(`no word glued to an inline element on ${path}`, async ({ page }) => {
    await page.goto(path);
    // Islands render their text once hydrated.
    await page.waitForLoadState('networkidle');
    expect(await gluedOn(page)).toEqual([]);
  });
}
