/**
 * The line being typed: its characters, the cursor, and the VT output that draws it after a
 * prompt, wrapping over several rows. Pure: it returns strings for the screen, it writes nothing.
 * Every code point counts as one column (East Asian wide characters are not measured).
 */

export interface Prompt {
  /** What the prompt shows, without escape sequences: its width is its length. */
  text: string;
  /** SGR parameters for the prompt, e.g. '1;32'; empty for the default style. */
  style: string;
}

const ERASE_DOWN = '\x1b[J';

function sgr(style: string, text: string): string {
  return style && text ? `\x1b[${style}m${text}\x1b[0m` : text;
}

export class LineEditor {
  #chars: string[] = [];
  #cursor = 0;
  /** Row (from the prompt's first row) the screen's cursor is on now; -1 while hidden. */
  #shownRow = -1;
  cols: number;
  prompt: Prompt = { text: '> ', style: '' };
  /** SGR parameters for the typed text (the client's colour when connected). */
  textStyle = '';

  constructor(cols = 80) {
    this.cols = Math.max(1, cols);
  }

  get text(): string {
    return this.#chars.join('');
  }
  get cursor(): number {
    return this.#cursor;
  }
  /** The text left of the cursor (what Tab completes). */
  get beforeCursor(): string {
    return this.#chars.slice(0, this.#cursor).join('');
  }
  get visible(): boolean {
    return this.#shownRow >= 0;
  }

  /** Replaces the whole line (history recall) with the cursor at its end. */
  set(text: string): void {
    this.#chars = Array.from(text);
    this.#cursor = this.#chars.length;
  }

  insert(text: string): void {
    const add = Array.from(text).filter((c) => c >= ' ' && c !== '\x7f');
    this.#chars.splice(this.#cursor, 0, ...add);
    this.#cursor += add.length;
  }

  /** Replaces the `length` characters before the cursor with `text` (completion). */
  replaceBefore(length: number, text: string): void {
    const start = Math.max(0, this.#cursor - length);
    const add = Array.from(text);
    this.#chars.splice(start, this.#cursor - start, ...add);
    this.#cursor = start + add.length;
  }

  left(): void { this.#cursor = Math.max(0, this.#cursor - 1); }
  right(): void { this.#cursor = Math.min(this.#chars.length, this.#cursor + 1); }
  home(): void { this.#cursor = 0; }
  end(): void { this.#cursor = this.#chars.length; }

  backspace(): void {
    if (this.#cursor === 0) return;
    this.#chars.splice(this.#cursor - 1, 1);
    this.#cursor--;
  }

  deleteForward(): void {
    this.#chars.splice(this.#cursor, 1);
  }

  /** Ctrl+U: delete from the start of the line to the cursor. */
  killToStart(): void {
    this.#chars.splice(0, this.#cursor);
    this.#cursor = 0;
  }

  /** Ctrl+K: delete from the cursor to the end of the line. */
  killToEnd(): void {
    this.#chars.splice(this.#cursor);
  }

  /** Ctrl+W: delete the word before the cursor and the spaces after it (as readline's unix-word-rubout). */
  killWordBefore(): void {
    const start = this.#wordStartBefore(this.#cursor);
    this.#chars.splice(start, this.#cursor - start);
    this.#cursor = start;
  }

  wordLeft(): void {
    this.#cursor = this.#wordStartBefore(this.#cursor);
  }

  wordRight(): void {
    let i = this.#cursor;
    while (i < this.#chars.length && this.#chars[i] === ' ') i++;
    while (i < this.#chars.length && this.#chars[i] !== ' ') i++;
    this.#cursor = i;
  }

  /** Empties the line and returns what it held. */
  take(): string {
    const text = this.text;
    this.#chars = [];
    this.#cursor = 0;
    return text;
  }

  /** Erases the drawn prompt and line, leaving the screen cursor at the start of its first row. */
  hide(): string {
    if (this.#shownRow < 0) return '';
    const up = this.#shownRow > 0 ? `\x1b[${this.#shownRow}A` : '';
    this.#shownRow = -1;
    return `\r${up}${ERASE_DOWN}`;
  }

  /** Draws (or redraws) the prompt and line and puts the screen cursor where the editor's is. */
  render(): string {
    let out = this.hide();
    const width = this.prompt.text.length + this.#chars.length;
    out += sgr(this.prompt.style, this.prompt.text) + sgr(this.textStyle, this.text);
    // At an exact multiple of the width the terminal holds a pending wrap; force it so that row
    // arithmetic below holds (the readline trick: print a space, return, erase it).
    if (width > 0 && width % this.cols === 0) out += ' \r\x1b[K';
    const endRow = Math.floor(width / this.cols);
    const target = this.prompt.text.length + this.#cursor;
    const row = Math.floor(target / this.cols);
    const col = target % this.cols;
    if (endRow > row) out += `\x1b[${endRow - row}A`;
    out += '\r';
    if (col > 0) out += `\x1b[${col}C`;
    this.#shownRow = row;
    return out;
  }

  /** Leaves the drawn line on screen as it is (it becomes history) and moves below it. */
  commit(): string {
    if (this.#shownRow < 0) return '';
    const width = this.prompt.text.length + this.#chars.length;
    // After an exact fill, render() already moved to a fresh row below the text.
    const exact = width > 0 && width % this.cols === 0;
    const down = Math.floor(width / this.cols) - this.#shownRow;
    this.#shownRow = -1;
    return `${down > 0 ? `\x1b[${down}B` : ''}${exact ? '\r' : '\r\n'}`;
  }

  #wordStartBefore(from: number): number {
    let i = from;
    while (i > 0 && this.#chars[i - 1] === ' ') i--;
    while (i > 0 && this.#chars[i - 1] !== ' ') i--;
    return i;
  }
}
