/**
 * RFC references and their links. `LOCAL_RFCS` lists the texts kept in content/rfc/;
 * every other RFC is marked external, so a test can check each local link against its text.
 */
import type { RfcRef } from './types.ts';

export const LOCAL_RFCS: readonly number[] = [
  1700, 1870, 1939, 2034, 2045, 2046, 2047, 2177, 2342, 2449, 2595, 2920, 2971, 3030, 3207, 3463, 3464, 3501,
  4315, 4616, 4648, 4954, 4959, 5034, 5246, 5280, 5321, 5322, 5530, 5598, 5869, 6066, 6152, 6154, 6186, 6335,
  6409, 6531, 6851, 6890, 7568, 7817, 7888, 8314, 8439, 8446, 8448, 9051,
];

/** The fragment naming a section, as the RFC Editor and our reader both use it: `section-4.2.1`, `appendix-E`. */
export function rfcFragment(section: string): string {
  return /^[A-Z]/.test(section) ? `appendix-${section}` : `section-${section}`;
}

/** `https://www.rfc-editor.org/rfc/rfc5321#section-4.2.1`; an appendix is `#appendix-E`. */
export function rfcUrl(rfc: number, section?: string): string {
  const base = `https://www.rfc-editor.org/rfc/rfc${rfc}`;
  return section ? `${base}#${rfcFragment(section)}` : base;
}

/**
 * Where a citation links on the site: the RFC reader built from content/rfc (`/rfc/5321/#section-4.2.1`),
 * which works offline and opens beside the text; the RFC Editor for an RFC not kept locally.
 */
export function readerUrl(rfc: number, section?: string): string {
  if (!LOCAL_RFCS.includes(rfc)) return rfcUrl(rfc, section);
  return section ? `/rfc/${rfc}/#${rfcFragment(section)}` : `/rfc/${rfc}/`;
}

/** The reader link of a reference. */
export function rfcHref(r: RfcRef): string {
  return readerUrl(r.rfc, r.section);
}

export function ref(rfc: number, section?: string): RfcRef {
  const external = !LOCAL_RFCS.includes(rfc);
  return section === undefined ? { rfc, url: rfcUrl(rfc), external } : { rfc, section, url: rfcUrl(rfc, section), external };
}

/** "RFC 5321 §4.2.1", as the code and the site cite it. */
export function citation(r: RfcRef): string {
  return r.section ? `RFC ${r.rfc} §${r.section}` : `RFC ${r.rfc}`;
}
