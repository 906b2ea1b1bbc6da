/**
 * Host-name matching on its own, without the certificate code: the terminal's handshake summary
 * needs only this, and must not pull the signature code into a page's first load. The rule is
 * the TLS 1.3 client's (v13/hostname.ts: RFC 9525 §6.3 with the mail rules of RFC 7817 §3), so
 * the stand-in and the real TLS agree on which names a certificate covers.
 */
import { dnsNameMatches as presentedNameMatches, toALabels } from './v13/hostname.ts';

/** Does any of a certificate's DNS names (a summary's subjectAltNames) cover `host`? */
export function dnsNameMatches(subjectAltNames: readonly string[], host: string): boolean {
  const reference = toALabels(host);
  return reference !== null && subjectAltNames.some((presented) => presentedNameMatches(presented, reference));
}
