// Writes simulator/tls/v13/roots/mozilla-roots.ts: a dated copy of the Mozilla (NSS) root store
// the browser's live TLS checks certificates against. The roots come from Node's
// `tls.rootCertificates`, which is Mozilla's store as built into the Node release that runs this
// script; the file records that release and the day, so a reader knows how old the copy is.
//   npx node scripts/mozilla-roots.mjs   (the project's Node, package.json; run it again to refresh the copy)
import { writeFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';

const OUT = new URL('../simulator/tls/v13/roots/mozilla-roots.ts', import.meta.url);
const day = new Date().toISOString().slice(0, 10);
const der = rootCertificates.map((pem) => pem.replace(/-----[^-]+-----|\s/g, ''));

const text = `/**
 * The Mozilla (NSS) root store, as shipped with Node ${process.version} (\`tls.rootCertificates\`),
 * copied on ${day} by scripts/mozilla-roots.mjs: ${der.length} trust anchors, DER in base64.
 * Generated: run the script again to refresh it, do not edit by hand. Loaded only by live TLS
 * sessions in the browser (simulator/transports/browser-tls.ts), with a dynamic import.
 */
export const MOZILLA_ROOTS = {
  /** The day the copy was taken (UTC). */
  copied: '${day}',
  /** The Node release whose built-in store this is. */
  node: '${process.version}',
  roots: [
${der.map((b) => `    '${b}',`).join('\n')}
  ],
} as const;
`;
writeFileSync(OUT, text);
console.log(`wrote ${der.length} roots from Node ${process.version} to ${OUT.pathname}`);
