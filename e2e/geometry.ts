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

/** Fails, naming the edge, when the box pokes out of the page's viewport. */
export function expectInViewport(b: Box, page: Page): void {
  const v = page.viewportSize()!;
  expect(b.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(b.y, 'top edge').toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, 'right edge').toBeLessThanOrEqual(v.width + 0.5);
  expect(b.y + b.height, 'bottom edge').toBeLessThanOrEqual(v.height + 0.5);
}
