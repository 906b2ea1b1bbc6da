/** The EHLO capabilities as the client reads them, and the envelope commands built from them. */
import type { SmtpReply } from './client-reply.ts';
import { has8bit } from './client-dot-stuff.ts';

/** Keyword (upper case) → its parameters, from the EHLO reply (RFC 5321 §4.1.1.1 ehlo-line). */
export type Capabilities = ReadonlyMap<string, readonly string[]>;

export const NO_CAPABILITIES: Capabilities = new Map();

/** RFC 5321 §4.1.1.1: the first line is the server's domain; each further line one extension. */
export function parseEhlo(reply: SmtpReply): Capabilities {
  const caps = new Map<string, string[]>();
  for (const line of reply.lines.slice(1)) {
    const [keyword, ...params] = line.trim().split(/\s+/);
    if (keyword) caps.set(keyword.toUpperCase(), params);
  }
  return caps;
}

/** RFC 4954 §3: `AUTH mech1 mech2 …`. */
export function offersAuth(caps: Capabilities, mechanism: string): boolean {
  return (caps.get('AUTH') ?? []).some((m) => m.toUpperCase() === mechanism);
}

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

export type EnvelopeCommands = { mail: string; rcpts: string[] } | { error: string };

/**
 * MAIL FROM and RCPT TO lines with the parameters the server's extensions call for:
 * SIZE (RFC 1870 §6), BODY=8BITMIME (RFC 6152 §3) and SMTPUTF8 (RFC 6531 §3.4).
 */
export function envelopeCommands(from: string, to: readonly string[], message: Uint8Array, caps: Capabilities): EnvelopeCommands {
  const params: string[] = [];
  // RFC 1870 §6: the client SHOULD declare the size when the server supports SIZE.
  if (caps.has('SIZE')) params.push(`SIZE=${message.length}`);
  // RFC 6152 §3: 8-bit content is declared with BODY=8BITMIME. Without the extension the
  // octets go as they are (what Postfix does); the receiver decides.
  if (has8bit(message) && caps.has('8BITMIME')) params.push('BODY=8BITMIME');
  if (![from, ...to].every(isAscii)) {
    // RFC 6531 §3.4: a non-ASCII address needs SMTPUTF8; without it the mail cannot be sent.
    if (!caps.has('SMTPUTF8')) return { error: 'the server does not offer SMTPUTF8, needed for a non-ASCII address (RFC 6531 §3.4)' };
    params.push('SMTPUTF8');
  }
  const mail = [`MAIL FROM:<${from}>`, ...params].join(' ');
  return { mail, rcpts: to.map((address) => `RCPT TO:<${address}>`) };
}
