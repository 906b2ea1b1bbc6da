/**
 * Hex and ASCII rows of a byte string, the way tcpdump -X and Wireshark show a packet: the
 * offset, sixteen octets in hex (a wider gap after the eighth), and the octets as text with
 * everything unprintable as a dot.
 */

export interface HexRow {
  /** The offset of the row's first octet, as four hex digits (more for long packets). */
  offset: string;
  hex: string;
  ascii: string;
}

export interface HexDump {
  rows: HexRow[];
  /** Octets left out because the dump was cut at `limit`. */
  omitted: number;
}

const WIDTH = 16;

/** Printable US-ASCII (0x20–0x7E) as itself; every other octet as '.'. */
export function asciiOf(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.';
  return out;
}

/** Two hex digits per octet, one space between, two after the eighth; padded so columns line up. */
export function hexOf(bytes: Uint8Array, width = WIDTH): string {
  const cells: string[] = [];
  for (let i = 0; i < width; i++) {
    const b = bytes[i];
    cells.push(b === undefined ? '  ' : b.toString(16).padStart(2, '0'));
    if (i === 7 && width > 8) cells.push('');
  }
  return cells.join(' ');
}

export function hexDump(bytes: Uint8Array, limit = 4096): HexDump {
  const shown = bytes.subarray(0, Math.min(bytes.length, limit));
  const digits = Math.max(4, (Math.max(shown.length - 1, 0)).toString(16).length);
  const rows: HexRow[] = [];
  for (let at = 0; at < shown.length; at += WIDTH) {
    const row = shown.subarray(at, at + WIDTH);
    rows.push({ offset: at.toString(16).padStart(digits, '0'), hex: hexOf(row), ascii: asciiOf(row) });
  }
  return { rows, omitted: bytes.length - shown.length };
}

/** The dump as plain text, one row per line (for copying, and for screen readers' "copy" button). */
export function hexDumpText(bytes: Uint8Array, limit = 4096): string {
  const { rows, omitted } = hexDump(bytes, limit);
  const lines = rows.map((r) => `${r.offset}  ${r.hex}  ${r.ascii}`);
  if (omitted > 0) lines.push(`… ${omitted} more octets`);
  return lines.join('\n');
}

/**
 * Bytes as a line of text the observer can read: printable ASCII as itself, CR and LF as \r \n
 * (every monospace font has those; not all have the control pictures), other octets as \xNN.
 * Cut at `max` characters.
 */
export function readableText(bytes: Uint8Array, max = 200): string {
  let out = '';
  for (const b of bytes) {
    if (out.length >= max) return `${out}…`;
    if (b === 0x0d) out += '\\r';
    else if (b === 0x0a) out += '\\n';
    else if (b >= 0x20 && b <= 0x7e) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}
