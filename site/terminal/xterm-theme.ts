/**
 * ANSI palettes for xterm.js in the site's light and dark themes. Every colour keeps a contrast
 * ratio of at least 4.5:1 against its background (WCAG 2.2 SC 1.4.3).
 */
import type { ITerminalOptions } from '@xterm/xterm';

export interface TerminalPalette {
  background: string;
  foreground: string;
  cursor: string;
  cursorAccent: string;
  selectionBackground: string;
  black: string;
  red: string;
  green: string;
  yellow: string;
  blue: string;
  magenta: string;
  cyan: string;
  white: string;
  brightBlack: string;
  brightRed: string;
  brightGreen: string;
  brightYellow: string;
  brightBlue: string;
  brightMagenta: string;
  brightCyan: string;
  brightWhite: string;
}

export const LIGHT: TerminalPalette = {
  background: '#fbfbfd', foreground: '#1d1f24', cursor: '#1d1f24', cursorAccent: '#fbfbfd', selectionBackground: '#b6d4fe',
  black: '#1d1f24', red: '#b3261e', green: '#1a7f37', yellow: '#835400', blue: '#0550ae', magenta: '#8250df',
  cyan: '#0a6a78', white: '#57606a', brightBlack: '#57606a', brightRed: '#a40e26', brightGreen: '#116329',
  brightYellow: '#6f4700', brightBlue: '#0a3069', brightMagenta: '#6639ba', brightCyan: '#0a5a66', brightWhite: '#24292f',
};

export const DARK: TerminalPalette = {
  background: '#14161b', foreground: '#e6e8ee', cursor: '#e6e8ee', cursorAccent: '#14161b', selectionBackground: '#264f78',
  black: '#e6e8ee', red: '#ff7b72', green: '#7ee787', yellow: '#e3b341', blue: '#79c0ff', magenta: '#d2a8ff',
  cyan: '#76e3ea', white: '#c9d1d9', brightBlack: '#9198a1', brightRed: '#ffa198', brightGreen: '#aff5b4',
  brightYellow: '#f8e3a1', brightBlue: '#a5d6ff', brightMagenta: '#e2c5ff', brightCyan: '#b3f0ff', brightWhite: '#ffffff',
};

export function paletteFor(theme: string | undefined): TerminalPalette {
  return theme === 'light' ? LIGHT : DARK;
}

/**
 * The options every Mailwire terminal opens with: the site's palette; screen-reader mode is turned
 * on right after the first render (site/terminal/browser/screen-reader.ts), not during page load.
 */
export function terminalOptions(theme: Parameters<typeof paletteFor>[0]): ITerminalOptions {
  return {
    screenReaderMode: false,
    cursorBlink: true,
    fontSize: 14,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    scrollback: 5000,
    theme: paletteFor(theme),
  };
}
