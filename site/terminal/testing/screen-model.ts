/**
 * A small VT model for tests: enough of ECMA-48 to check what the line editor draws (printing
 * with pending wrap, CR, LF, CUU/CUD/CUF/CUB, ED, EL, CUP home; SGR ignored). Not a terminal.
 */
export class ScreenModel {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  #pendingWrap = false;

  constructor(readonly cols = 80) {}

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const ch = data[i] ?? '';
      if (ch === '\x1b' && data[i + 1] === '[') {
        let j = i + 2;
        while (j < data.length && !/[@-~]/.test(data[j] ?? '')) j++;
        this.#csi(data.slice(i + 2, j), data[j] ?? '');
        i = j + 1;
      } else if (ch === '\r') {
        this.col = 0;
        this.#pendingWrap = false;
        i++;
      } else if (ch === '\n') {
        this.#down(1);
        i++;
      } else {
        const cp = data.codePointAt(i) ?? 0;
        const s = String.fromCodePoint(cp);
        this.#print(s);
        i += s.length;
      }
    }
  }

  /** The screen's rows as text, trailing spaces and trailing empty rows removed. */
  lines(): string[] {
    const out = this.rows.map((r) => Array.from({ length: r.length }, (_, k) => r[k] ?? ' ').join('').trimEnd());
    while (out.length > 1 && out.at(-1) === '') out.pop();
    return out;
  }

  text(): string {
    return this.lines().join('\n');
  }

  #line(n: number): string[] {
    while (this.rows.length <= n) this.rows.push([]);
    return this.rows[n] ?? [];
  }

  #print(s: string): void {
    if (this.#pendingWrap) {
      this.#down(1);
      this.col = 0;
    }
    this.#line(this.row)[this.col] = s;
    if (this.col === this.cols - 1) this.#pendingWrap = true;
    else this.col++;
  }

  #down(n: number): void {
    this.row += n;
    this.#line(this.row);
    this.#pendingWrap = false;
  }

  #csi(params: string, final: string): void {
    const n = Math.max(1, Number(params) || 1);
    // SGR leaves a pending wrap pending (as xterm.js does); cursor controls cancel it.
    if (final !== 'm') this.#pendingWrap = false;
    switch (final) {
      case 'A': this.row = Math.max(0, this.row - n); break;
      case 'B': this.#down(n); break;
      case 'C': this.col = Math.min(this.cols - 1, this.col + n); break;
      case 'D': this.col = Math.max(0, this.col - n); break;
      case 'H': this.row = 0; this.col = 0; break;
      case 'K': this.#line(this.row).splice(this.col); break;
      case 'J':
        if (params === '2' || params === '3') this.rows = this.rows.map(() => []);
        else {
          this.#line(this.row).splice(this.col);
          this.rows.splice(this.row + 1);
        }
        break;
      default: break; // SGR and the rest change nothing the tests look at
    }
  }
}
