/** Just enough of IMAP's argument syntax (RFC 9051 §4.3 strings, §9 astring) to read LOGIN and SELECT. */

/** The command's arguments as astrings: atoms, or quoted strings with \" and \\ escapes. */
export function imapAstrings(args: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < args.length) {
    if (args[i] === ' ') {
      i++;
      continue;
    }
    if (args[i] === '"') {
      let value = '';
      i++;
      while (i < args.length && args[i] !== '"') {
        if (args[i] === '\\' && i + 1 < args.length) i++;
        value += args[i++];
      }
      i++;
      out.push(value);
    } else {
      const end = args.indexOf(' ', i);
      out.push(args.slice(i, end < 0 ? args.length : end));
      i = end < 0 ? args.length : end;
    }
  }
  return out;
}

/** An astring as a client would send it: bare when it is an atom, else quoted. */
export function imapQuote(value: string): string {
  return /^[A-Za-z0-9_.@+\-!#$&'*^`|~]+$/.test(value) ? value : `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
