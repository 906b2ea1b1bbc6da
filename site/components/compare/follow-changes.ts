/**
 * After a walk-through step: brings the first card the step changed into view just under the
 * step card, which is sticky, so the step text and its effect are on screen together. Cards
 * already in view stay where they are; the page only moves when the change would be unseen.
 */

/** How much of a changed card must show: its heading and the "changed" mark. */
const HEAD = 96;

export function bringChangesIntoView(): void {
  const walk = document.querySelector<HTMLElement>('.mw-cmp-walk');
  const cards = [...document.querySelectorAll<HTMLElement>('.mw-cmp-card[data-changed="true"]')];
  if (!walk || cards.length === 0) return;
  const top = Math.min(...cards.map((c) => c.getBoundingClientRect().top));
  // Where the step card's bottom edge sits once stuck (its sticky `top` plus its height).
  const stuckTop = parseFloat(getComputedStyle(walk).top) || 0;
  const clear = stuckTop + walk.offsetHeight + 12;
  if (top >= clear && top + HEAD <= window.innerHeight) return;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  window.scrollBy({ top: top - clear, behavior: reduce ? 'instant' : 'smooth' });
}
