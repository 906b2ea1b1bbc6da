/**
 * The SASL PLAIN message (RFC 4616), as SMTP AUTH (RFC 4954), POP3 AUTH (RFC 5034) and IMAP
 * AUTHENTICATE (RFC 9051 §6.2.2) all receive it: one base64 response, strictly decoded
 * (./base64.ts), then split into its three parts. Each engine turns a failure into its own reply.
 */
import { decodeBase64, encodeBase64 } from './base64.ts';
import { strictUtf8Text, utf8Bytes } from './bytes.ts';

export type SaslPlain =
  | { ok: true; authzid: string; authcid: string; password: string }
  /**
   * 'base64': the response is not canonical base64 (@rfc 4648#3.3 "MUST reject");
   * 'utf8': the message is not UTF-8 (@rfc 4616#2 "a string of UTF-8 encoded Unicode characters");
   * 'malformed': not [authzid] NUL authcid NUL passwd with a non-empty authcid and passwd.
   */
  | { ok: false; reason: 'base64' | 'utf8' | 'malformed' };

/** A client's PLAIN response with no authzid: @rfc 4616#2 message = [authzid] UTF8NUL authcid UTF8NUL passwd, base64. */
export function encodeSaslPlain(authcid: string, password: string): string {
  return encodeBase64(utf8Bytes(`\0${authcid}\0${password}`));
}

/**
 * Decodes a client's PLAIN response. A single "=" is the zero-length response (@rfc 4954#4,
 * @rfc 5034#4, RFC 4959 §3), which leaves no authcid: 'malformed'.
 * @rfc 4616#2 message = [authzid] UTF8NUL authcid UTF8NUL passwd; authcid = 1*SAFE; passwd = 1*SAFE.
 * Whether the authzid may differ from the authcid is the caller's policy.
 */
export function decodeSaslPlain(response: string): SaslPlain {
  const bytes = response === '=' ? new Uint8Array(0) : decodeBase64(response);
  if (!bytes) return { ok: false, reason: 'base64' };
  const text = strictUtf8Text(bytes);
  if (text === null) return { ok: false, reason: 'utf8' };
  const parts = text.split('\0');
  const [authzid = '', authcid = '', password = ''] = parts;
  if (parts.length !== 3 || !authcid || !password) return { ok: false, reason: 'malformed' };
  return { ok: true, authzid, authcid, password };
}
