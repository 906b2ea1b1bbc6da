/** Geometry for the learner-experience specs: the two screen sizes, boxes, and "inside the viewport". */
import { expect, type Locator, type Page } from '@playwright/test';

/** The desktop and phone sizes every layout is checked at. */
export const SIZES = {
  desktop: { viewport: { width: 1366, height: 860 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The element's box on screen; a test fails when it is not rendered. */
export async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error('no box: not rendered');
  return b;
}

/** True when the box lies wholly inside a viewport of that size. */
export function inside(b: Box, v: { width: number; height: number }): boolean {
  return b.x >= 0 && b.y >= 0 && b.x + b.width <= v.width + 0.5 && b.y + b.height <= v.height + 0.5;
}

/** The page's viewport as a box at the origin. */
export function viewportBox(page: Page): Box {
  const v = page.viewportSize()!;
  return { x: 0, y: 0, width: v.width, height: v.height };
}

/** The edges by which `b` pokes out of `outer` (half a pixel of rounding allowed); '' when it lies wholly inside. */
export function edgesOutside(b: Box, outer: Box): string {
  const out = [
    b.x < outer.x - 0.5 && `left ${b.x}`,
    b.y < outer.y - 0.5 && `top ${b.y}`,
    b.x + b.width > outer.x + outer.width + 0.5 && `right ${b.x + b.width}`,
    b.y + b.height > outer.y + outer.height + 0.5 && `bottom ${b.y + b.height}`,
  ];
  return out.filter(Boolean).join(', ');
}

/** Fails, naming the edge, when `inner` is not wholly inside `outer` (a container, a dialog). */
export function expectInside(inner: Box, outer: Box, what = 'box'): void {
  expect(inner.x, `${what}: left edge`).toBeGreaterThanOrEqual(outer.x - 0.5);
  expect(inner.y, `${what}: top edge`).toBeGreaterThanOrEqual(outer.y - 0.5);
  expect(inner.x + inner.width, `${what}: right edge`).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  expect(inner.y + inner.height, `${what}: bottom edge`).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
}

/**
 * Fails when `inner` pokes out of `outer` sideways. For an item of a container that scrolls
 * vertically (the wire view's packets), where being above or below its box is scrolling, not a cut.
 */
export function expectInsideHorizontally(inner: Box, outer: Box, what = 'box'): void {
  expect(inner.x, `${what}: left edge`).toBeGreaterThanOrEqual(outer.x - 0.5);
  expect(inner.x + inner.width, `${what}: right edge`).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
}

/** Fails, naming the edge, when the box pokes out of the page's viewport. */
export function expectInViewport(b: Box, page: Page): void {
  const v = page.viewportSize()!;
  expect(b.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(b.y, 'top edge').toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, 'right edge').toBeLessThanOrEqual(v.width + 0.5);
  expect(b.y + b.height, 'bottom edge').toBeLessThanOrEqual(v.height + 0.5);
}

/**
 * Waits until the element lies wholly inside the viewport (once scrolling, loading and animation
 * have settled); fails with `what` and the edges it pokes out by, or 'no box' when not rendered.
 */
export async function expectSettledInViewport(page: Page, l: Locator, what: string, timeout = 3000): Promise<void> {
  const edges = async (): Promise<string> => {
    const b = await l.boundingBox();
    return b ? edgesOutside(b, viewportBox(page)) : 'no box';
  };
  await expect.poll(edges, { message: what, timeout }).toBe('');
}
