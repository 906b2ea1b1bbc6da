/** Word wrapping for the terminal's own explanatory text (never for protocol lines). */

/** Breaks `text` into lines of at most `width` characters at spaces; longer words are split. */
export function wrapWords(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((x) => x !== '')) {
    let rest = word;
    while (rest.length > w) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, w));
      rest = rest.slice(w);
      line = '';
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= w) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
