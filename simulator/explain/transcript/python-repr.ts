/**
 * Python's repr of a str or bytes (`b'250 OK\r\n'`, `'EHLO x\r\n'`), as imaplib, smtplib and
 * poplib print them in debug mode, back to its text. Bytes above 0x7F come back as Latin-1
 * characters, which is what the repr showed.
 */
const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** The text a repr stands for, or null when `repr` is not one (no quotes, or a bad escape). */
export function fromPythonRepr(repr: string): string | null {
  const m = /^b?(['"])(.*)\1$/s.exec(repr.trim());
  if (!m) return null;
  const body = m[2]!;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) return null;
    if (next === 'x') {
      const hex = body.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 3;
    } else if (next in SIMPLE) {
      out += SIMPLE[next];
      i += 1;
    } else {
      out += `\\${next}`;
      i += 1;
    }
  }
  return out;
}

/** The protocol lines in a repr's text: split at CRLF (or LF), the empty tail after the last one dropped. */
export function reprLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}
