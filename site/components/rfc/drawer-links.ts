/**
 * On every page: a click on a link into the RFC reader (`/rfc/5321/#section-4.2.1`) opens that
 * section in a drawer beside the text instead of leaving the page. The drawer's code loads on the
 * first such click; without JavaScript, or with a modifier key, the link opens the reader page.
 */
const READER = /^\/rfc\/(\d+)\/?$/;

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="/rfc/"]') : null;
  // data-rfc-page marks links meant to open the reader page itself (the drawer's own, the RFC list).
  if (!link || link.target === '_blank' || link.hasAttribute('data-rfc-page')) return;
  const url = new URL(link.href);
  const rfc = READER.exec(url.pathname)?.[1];
  // On the reader page itself a section link just scrolls.
  if (!rfc || url.pathname === location.pathname) return;
  event.preventDefault();
  void import('./rfc-drawer.ts').then((drawer) => drawer.openRfcDrawer(link, Number(rfc), url.hash.slice(1)));
});
