/**
 * xterm.js's screen-reader mode (its accessibility tree: one DOM row per screen row, each one
 * measured and scaled to line up with the rendered text) is turned on once the page is idle, or
 * at once when the terminal gets focus. Measuring every row on every write and resize during
 * page load forced about 125 layouts on /lab/ — most of its total blocking time — while turning it on
 * after the first render costs one batch for the rows on screen.
 */
import type { Terminal } from '@xterm/xterm';

/** Turns screen-reader mode on soon; returns the function that cancels a pending switch. */
export function enableScreenReaderSoon(term: Terminal, host: HTMLElement): () => void {
  let done = false;
  const enable = (): void => {
    if (done) return;
    done = true;
    host.removeEventListener('focusin', enable);
    term.options.screenReaderMode = true;
  };
  host.addEventListener('focusin', enable);
  // An idle callback with a deadline: on a busy page it still comes within two seconds.
  const idle = typeof requestIdleCallback === 'function'
    ? requestIdleCallback(enable, { timeout: 2000 })
    : window.setTimeout(enable, 500);
  return () => {
    done = true;
    host.removeEventListener('focusin', enable);
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    else window.clearTimeout(idle);
  };
}
