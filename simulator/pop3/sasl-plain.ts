/** RFC 4616 PLAIN: the one SASL mechanism offered, and only where a password may travel. */
import { decodeBase64 } from '../wire/base64.ts';
import { strictUtf8Text } from '../wire/bytes.ts';

export type PlainCredentials =
  | { ok: true; authzid: string; authcid: string; password: string }
  | { ok: false; why: 'base64' | 'malformed' };

/**
 * Decodes a client response. @rfc 5034#4 a single "=" is the empty response; a response that is
 * not base64 MUST be rejected. @rfc 4616#2 message = [authzid] UTF8NUL authcid UTF8NUL passwd.
 */
export function decodePlain(response: string): PlainCredentials {
  const bytes = response === '=' ? new Uint8Array(0) : decodeBase64(response);
  if (!bytes) return { ok: false, why: 'base64' };
  const text = strictUtf8Text(bytes);
  if (text === null) return { ok: false, why: 'malformed' };
  const parts = text.split('\0');
  if (parts.length !== 3) return { ok: false, why: 'malformed' };
  const [authzid = '', authcid = '', password = ''] = parts;
  if (!authcid || !password) return { ok: false, why: 'malformed' };
  return { ok: true, authzid, authcid, password };
}
