/**
 * The RFC drawer: a modal <dialog> beside the page (a bottom sheet on a phone) showing the cited
 * section and its subsections, highlighted, taken from the reader page built from content/rfc, so it
 * works offline. Esc, the close button or a click outside closes it, and focus goes back to the
 * citation. Links inside (other sections, previous/next) open in the drawer too.
 */
import { rfcUrl } from '../../../simulator/explain/rfc.ts';

const pages = new Map<number, Promise<Document>>();
let dialog: HTMLDialogElement | null = null;
let opener: HTMLElement | null = null;
let shown = 0;

function readerPage(rfc: number): Promise<Document> {
  let page = pages.get(rfc);
  if (!page) {
    page = fetch(`/rfc/${rfc}/`).then(async (r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return new DOMParser().parseFromString(await r.text(), 'text/html');
    });
    page.catch(() => pages.delete(rfc));
    pages.set(rfc, page);
  }
  return page;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = el('a', '', text);
  a.href = href;
  return a;
}

function ensureDialog(): HTMLDialogElement {
  if (dialog) return dialog;
  const d = el('dialog', 'rfc-drawer');
  d.setAttribute('aria-labelledby', 'rfc-drawer-title');
  d.innerHTML =
    '<div class="rfc-drawer__panel"><div class="rfc-drawer__bar"><h2 id="rfc-drawer-title" tabindex="-1"></h2>' +
    '<button type="button" class="rfc-drawer__close" aria-label="Close">×</button></div>' +
    '<p class="rfc-drawer__doc"></p><div class="rfc-drawer__body" tabindex="-1"></div><p class="rfc-drawer__links"></p></div>';
  d.querySelector('.rfc-drawer__close')!.addEventListener('click', () => d.close());
  // A click on the backdrop lands on the dialog itself, outside its panel.
  d.addEventListener('click', (e) => {
    if (e.target === d) d.close();
  });
  d.addEventListener('close', () => {
    opener?.focus();
    opener = null;
  });
  document.body.append(d);
  dialog = d;
  return d;
}

/** "section-4.5.3.1" → "4.5.3.1", "appendix-E" → "E"; unnumbered anchors have no section. */
function sectionOf(fragment: string): string | undefined {
  return /^(?:section|appendix)-([\dA-Z.]+)$/.exec(fragment)?.[1];
}

/** The section and its subsections, rebuilt with headings ranked under the drawer's title. */
function sectionsFrom(page: Document, rfc: number, fragment: string): { nodes: HTMLElement[]; title: string; prev?: string; next?: string } | null {
  const first = page.getElementById(fragment || 'abstract');
  if (!first?.matches('.rfc-section')) return null;
  const number = first.dataset.rfcSection ?? '';
  const picked = [first];
  let after = first.nextElementSibling;
  while (after instanceof HTMLElement && number && after.dataset.rfcSection?.startsWith(`${number}.`)) {
    picked.push(after);
    after = after.nextElementSibling;
  }
  const nodes = picked.map((s, i) => {
    const out = el('section', i === 0 ? 'rfc-section rfc-section--cited' : 'rfc-section');
    out.append(el(i === 0 ? 'h3' : 'h4', 'rfc-section__title', s.querySelector('.rfc-section__title')?.textContent ?? ''));
    const body = s.querySelector('.rfc-section__body');
    if (body) out.append(document.importNode(body, true));
    return out;
  });
  const before = first.previousElementSibling;
  const prev = before instanceof HTMLElement && before.matches('.rfc-section') && before.id !== 'abstract' ? before.id : undefined;
  const next = after instanceof HTMLElement && after.matches('.rfc-section') ? after.id : undefined;
  const title = first.querySelector('.rfc-section__title')?.textContent ?? `RFC ${rfc}`;
  return { nodes, title, ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}

export async function openRfcDrawer(from: HTMLElement, rfc: number, fragment: string): Promise<void> {
  const d = ensureDialog();
  const section = sectionOf(fragment);
  const title = d.querySelector<HTMLElement>('#rfc-drawer-title')!;
  const docLine = d.querySelector<HTMLElement>('.rfc-drawer__doc')!;
  const body = d.querySelector<HTMLElement>('.rfc-drawer__body')!;
  const links = d.querySelector<HTMLElement>('.rfc-drawer__links')!;
  const local = `/rfc/${rfc}/${fragment ? `#${fragment}` : ''}`;
  const token = ++shown;
  title.textContent = section ? `RFC ${rfc} §${section}` : `RFC ${rfc}`;
  docLine.textContent = '';
  body.replaceChildren(el('p', 'rfc-drawer__note', 'Loading…'));
  const reader = link(local, 'Open in the RFC reader');
  reader.dataset.rfcPage = '';
  links.replaceChildren(reader, document.createTextNode(' · '), link(rfcUrl(rfc, section), 'At the RFC Editor'));
  if (!d.open) {
    opener = from;
    d.showModal();
  }
  title.focus();
  let page: Document;
  try {
    page = await readerPage(rfc);
  } catch {
    if (token === shown) body.replaceChildren(el('p', 'rfc-drawer__note', `RFC ${rfc} could not be loaded. The links below open it.`));
    return;
  }
  if (token !== shown) return;
  docLine.textContent = page.querySelector('h1')?.textContent?.trim() ?? '';
  const found = sectionsFrom(page, rfc, fragment);
  if (!found) {
    body.replaceChildren(el('p', 'rfc-drawer__note', `RFC ${rfc} has no section ${section ?? fragment} in its text.`));
    return;
  }
  body.replaceChildren(...found.nodes);
  body.scrollTop = 0;
  const nav: Node[] = [];
  if (found.prev) nav.push(link(`/rfc/${rfc}/#${found.prev}`, '← Previous section'), document.createTextNode(' · '));
  if (found.next) nav.push(link(`/rfc/${rfc}/#${found.next}`, 'Next section →'), document.createTextNode(' · '));
  links.prepend(...nav);
}
