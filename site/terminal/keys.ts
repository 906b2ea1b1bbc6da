/**
 * Turns the raw input a terminal emulator reports (xterm.js `onData`: typed text, pasted text,
 * VT escape sequences) into editing keys. Pure: no DOM.
 */

export type Key =
  | { type: 'text'; text: string }
  | { type: 'enter' }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'word-left' }
  | { type: 'word-right' }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'tab' }
  /** Ctrl+letter, lower case: a e u w c l k d … */
  | { type: 'ctrl'; key: string };

/** Final byte of a CSI sequence (ECMA-48 §5.4: 0x40–0x7E). */
function isCsiFinal(code: number): boolean {
  return code >= 0x40 && code <= 0x7e;
}

function csiKey(params: string, final: string): Key | null {
  const ctrl = params.endsWith(';5');
  switch (final) {
    case 'A': return { type: 'up' };
    case 'B': return { type: 'down' };
    case 'C': return ctrl ? { type: 'word-right' } : { type: 'right' };
    case 'D': return ctrl ? { type: 'word-left' } : { type: 'left' };
    case 'H': return { type: 'home' };
    case 'F': return { type: 'end' };
    case '~':
      if (params === '1' || params === '7') return { type: 'home' };
      if (params === '4' || params === '8') return { type: 'end' };
      if (params === '3') return { type: 'delete' };
      return null; // 200~/201~ bracketed paste markers, PgUp/PgDn, F-keys: nothing to edit
    default: return null;
  }
}

function ss3Key(final: string): Key | null {
  switch (final) {
    case 'A': return { type: 'up' };
    case 'B': return { type: 'down' };
    case 'C': return { type: 'right' };
    case 'D': return { type: 'left' };
    case 'H': return { type: 'home' };
    case 'F': return { type: 'end' };
    default: return null;
  }
}

/** Reads an escape sequence at `i` (which holds ESC); returns the key (or null) and where it ends. */
function readEscape(data: string, i: number): { key: Key | null; next: number } {
  const kind = data[i + 1];
  if (kind === '[') {
    let j = i + 2;
    while (j < data.length && !isCsiFinal(data.charCodeAt(j))) j++;
    if (j >= data.length) return { key: null, next: data.length };
    return { key: csiKey(data.slice(i + 2, j), data[j] ?? ''), next: j + 1 };
  }
  if (kind === 'O' && i + 2 < data.length) return { key: ss3Key(data[i + 2] ?? ''), next: i + 3 };
  // Alt+Backspace deletes the word before the cursor, as Ctrl+W does: browsers keep Ctrl+W
  // for closing the tab, so this is the word rubout that always reaches the page.
  if (kind === '\x7f' || kind === '\b') return { key: { type: 'ctrl', key: 'w' }, next: i + 2 };
  // ESC alone, or Alt+key: nothing the line discipline does.
  return { key: null, next: Math.min(data.length, i + 2) };
}

function controlKey(code: number): Key | null {
  if (code === 0x0d || code === 0x0a) return { type: 'enter' };
  if (code === 0x7f || code === 0x08) return { type: 'backspace' };
  if (code === 0x09) return { type: 'tab' };
  if (code >= 0x01 && code <= 0x1a) return { type: 'ctrl', key: String.fromCharCode(code + 0x60) };
  return null;
}

export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = (): void => {
    if (text) keys.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    const code = data.charCodeAt(i);
    if (code === 0x1b) {
      flush();
      const { key, next } = readEscape(data, i);
      if (key) keys.push(key);
      i = next;
      continue;
    }
    if (code < 0x20 || code === 0x7f) {
      flush();
      const key = controlKey(code);
      if (key) keys.push(key);
      // CR LF from a paste is one line end, not two.
      i += code === 0x0d && data.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      continue;
    }
    text += data[i];
    i++;
  }
  flush();
  return keys;
}
