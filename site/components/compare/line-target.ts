/**
 * From a transcript line id (`pop3-laptop:17`) to the element that shows it, and the jump a
 * verdict cell or a result link makes: open the pane, scroll the line into view, highlight it.
 */

/** `pop3-laptop:17` → `tl-pop3-laptop-17` (an id that is also a valid URL fragment). */
export function lineDomId(ref: string): string {
  return `tl-${ref.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function paneDomId(transcript: string): string {
  return `tp-${transcript.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** `pop3-laptop:17` → { transcript: 'pop3-laptop', line: 17 }. */
export function parseRef(ref: string): { transcript: string; line: number } {
  const at = ref.lastIndexOf(':');
  return { transcript: ref.slice(0, at), line: Number(ref.slice(at + 1)) };
}

const TARGET = 'is-target';

/**
 * Opens the line's transcript pane, then (once the pane has drawn its lines, a frame or two
 * later) scrolls to the line, highlights and focuses it. False when there is no such pane.
 */
export function jumpToLine(ref: string): boolean {
  const pane = document.getElementById(paneDomId(parseRef(ref).transcript));
  if (!(pane instanceof HTMLDetailsElement)) return false;
  pane.open = true;
  let frames = 0;
  const attempt = (): void => {
    const line = document.getElementById(lineDomId(ref));
    if (line) highlight(line);
    else if (++frames < 30) requestAnimationFrame(attempt);
  };
  attempt();
  return true;
}

function highlight(line: HTMLElement): void {
  for (const old of document.querySelectorAll(`.${TARGET}`)) old.classList.remove(TARGET);
  line.classList.add(TARGET);
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  line.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  line.focus({ preventScroll: true });
}
