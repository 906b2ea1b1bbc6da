/**
 * A place for xterm.js inside a shadow root, so that what xterm does to its own DOM restyles the
 * terminal alone and not the page around it.
 *
 * Why: Starlight's content CSS has a rule with `:has(~ :not(script))` in it, a :has() whose argument
 * matches any element. With it, Chromium answers every node added anywhere in the document by
 * restyling the whole document (about 800 elements on /learn/smtp/), and xterm's DOM renderer adds
 * a row and measures it dozens of times while it opens and on every line it prints: at load that was
 * about 2 s of forced style recalculation under Lighthouse's mobile profile. Selectors of the page do
 * not reach into a shadow tree and :has() does not look into one, so here a row costs a few elements.
 * xterm.css (passed in by the caller, which loads it with xterm.js) and the site's rules for the
 * screen (site/styles/terminal.css) come in with it.
 */

/** The rules terminal.css gives the screen's insides, restated inside the shadow root. */
const SCREEN_CSS = `
:host { display: block; width: 100%; height: 100%; contain: strict; }
.mw-terminal__shadow-inner { width: 100%; height: 100%; }
/* fit-screen.ts's host: no padding or border, sized by the screen, laid out alone. */
.mw-terminal__fit { height: 100%; width: 100%; padding: 0; border: 0; contain: strict; }
.xterm { height: 100%; }
/* Below the last whole row the screen's own background shows, not xterm.css's black. */
.xterm .xterm-viewport { background-color: transparent; }
`;

export const SHADOW_HOST_CLASS = 'mw-terminal__shadow';

let sheet: CSSStyleSheet | null = null;
function styles(xtermCss: string): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${xtermCss}\n${SCREEN_CSS}`);
  }
  return sheet;
}

/**
 * Adds a shadow-rooted box filling `screen`, styled with `xtermCss` (the text of xterm.css) and the
 * screen's rules; returns the element to open xterm in, and its removal.
 */
export function shadowScreen(screen: HTMLElement, xtermCss: string): { inner: HTMLElement; remove: () => void } {
  const host = document.createElement('div');
  host.className = SHADOW_HOST_CLASS;
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [styles(xtermCss)];
  const inner = document.createElement('div');
  inner.className = 'mw-terminal__shadow-inner';
  root.append(inner);
  screen.append(host);
  return { inner, remove: () => host.remove() };
}
