import { describe, expect, it } from 'vitest';
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { keepPrevInGroup } from './pagination.ts';

type Entry = StarlightRouteData['sidebar'][number];
const link = (href: string, isCurrent = false): Entry => ({ type: 'link', label: href, href, isCurrent, badge: undefined, attrs: {} });
const group = (label: string, entries: Entry[]): Entry => ({ type: 'group', label, entries, collapsed: false, badge: undefined });

function route(current: string) {
  const sidebar = [
    group('Start here', [link('/'), link('/live/', current === '/live/')]),
    group('Learn', [group('learn', [link('/learn/a/', current === '/learn/a/'), link('/learn/b/', current === '/learn/b/')])]),
  ];
  const order = ['/', '/live/', '/learn/a/', '/learn/b/'];
  const i = order.indexOf(current);
  const find = (href: string | undefined) => (href ? (link(href) as Extract<Entry, { type: 'link' }>) : undefined);
  return { sidebar, pagination: { prev: find(order[i - 1]), next: find(order[i + 1]) } };
}

describe('Previous stays in the sidebar group', () => {
  it('drops Previous on the first page of a group, keeps Next', () => {
    const r = route('/learn/a/');
    keepPrevInGroup(r);
    expect(r.pagination.prev).toBeUndefined();
    expect(r.pagination.next?.href).toBe('/learn/b/');
  });

  it('keeps Previous inside the group and Next across groups', () => {
    const b = route('/learn/b/');
    keepPrevInGroup(b);
    expect(b.pagination.prev?.href).toBe('/learn/a/');
    const live = route('/live/');
    keepPrevInGroup(live);
    expect(live.pagination.prev?.href).toBe('/');
    expect(live.pagination.next?.href).toBe('/learn/a/');
  });
});
