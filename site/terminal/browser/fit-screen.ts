/**
 * Opens an xterm.js terminal in a screen element so that its rows always fit: at every size, after
 * every resize, once the web fonts have loaded and after a theme switch (which also repaints).
 * Screen-reader mode follows once the page is idle (./screen-reader.ts).
 *
 * Why a host element: the fit addon sizes the terminal from its parent's computed `height`, and
 * with `box-sizing: border-box` (Starlight's reset) that height includes the screen's padding and
 * border — so it proposed one row more than the screen shows, and the prompt row was cut in half.
 * The host has no padding or border and is laid over the screen's content box, so its computed
 * height is exactly the room the rows have.
 */
import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import { paletteFor } from '../xterm-theme.ts';
import { watchTheme } from './page-services.ts';
import { enableScreenReaderSoon } from './screen-reader.ts';

export const FIT_HOST_CLASS = 'mw-terminal__fit';

/** Opens `term` inside `screen` and keeps it fitted; returns the function that stops it. */
export function openFitted(term: Terminal, fit: FitAddon, screen: HTMLElement): () => void {
  const host = document.createElement('div');
  host.className = FIT_HOST_CLASS;
  screen.append(host);
  term.loadAddon(fit);
  term.open(host);
  // A hidden screen (a lab tab not shown) has no size: fitting it would shrink the terminal to nothing.
  const refit = (): void => {
    if (host.offsetWidth > 0 && host.offsetHeight > 0) fit.fit();
  };
  refit();
  const cancelScreenReader = enableScreenReaderSoon(term, host);
  const resize = new ResizeObserver(refit);
  resize.observe(host);
  let live = true;
  // Cell size is measured with the font at hand; the web font may arrive later and change it.
  void document.fonts?.ready.then(() => {
    if (live) refit();
  });
  const unwatch = watchTheme((theme) => {
    term.options.theme = paletteFor(theme);
    refit();
  });
  return () => {
    live = false;
    cancelScreenReader();
    unwatch();
    resize.disconnect();
    host.remove();
  };
}
