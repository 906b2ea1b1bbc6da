/**
 * "Previous" stays inside the sidebar group of the page: the first tutorial of Learn has no
 * Previous (it pointed at "Live servers", the last page of "Start here"), whichever tutorial is
 * ordered first. "Next" may cross into the next group: it leads on.
 */
import type { StarlightRouteData } from '@astrojs/starlight/route-data';

type SidebarEntry = StarlightRouteData['sidebar'][number];

function links(entry: SidebarEntry): string[] {
  return entry.type === 'link' ? [entry.href] : entry.entries.flatMap(links);
}

/** The hrefs of the top-level sidebar group holding `href` (null when it is in none). */
export function groupOf(sidebar: readonly SidebarEntry[], href: string): readonly string[] | null {
  for (const top of sidebar) {
    const hrefs = links(top);
    if (hrefs.includes(href)) return hrefs;
  }
  return null;
}

/** The current page's href, as the sidebar spells it. */
export function currentHref(sidebar: readonly SidebarEntry[]): string | null {
  for (const entry of sidebar) {
    if (entry.type === 'link' && entry.isCurrent) return entry.href;
    if (entry.type === 'group') {
      const inner = currentHref(entry.entries);
      if (inner) return inner;
    }
  }
  return null;
}

/** Drops `pagination.prev` when it points outside the current page's sidebar group. */
export function keepPrevInGroup(route: Pick<StarlightRouteData, 'sidebar' | 'pagination'>): void {
  const here = currentHref(route.sidebar);
  const prev = route.pagination.prev;
  if (!here || !prev) return;
  const group = groupOf(route.sidebar, here);
  if (group && !group.includes(prev.href)) route.pagination.prev = undefined;
}
