/**
 * The trace fields a server adds to each message it accepts (RFC 5321 §4.4): Received on every
 * hop, Return-Path at final delivery.
 */
import { isAddressLiteral, isDomain } from './address.ts';
import { rfc5322Date } from '../mime/date.ts';
import type { SmtpSession, Transaction } from './session.ts';

/** The client's address as RFC 5321 §4.1.3 writes it: `[192.0.2.1]`, `[IPv6:::1]`. */
function peerLiteral(s: SmtpSession): string {
  const address = s.ctx.peer.address;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) return `[${address}]`;
  if (address.includes(':')) return `[IPv6:${address}]`;
  // A virtual host name: TCP-info = Domain FWS address-literal.
  const ip = s.ctx.peer.ip;
  return ip ? `${address} [${ip}]` : address;
}

/**
 * RFC 3848 / RFC 6531 §4.3 "with" protocol names: ESMTP, plus S for TLS and A for AUTH;
 * UTF8SMTP… when the SMTPUTF8 parameter was used; SMTP after HELO.
 */
export function withProtocol(s: SmtpSession, tx: Transaction): string {
  if (!s.helo?.esmtp) return 'SMTP';
  const suffix = `${s.secure ? 'S' : ''}${s.user ? 'A' : ''}`;
  return tx.smtputf8 ? `UTF8SMTP${suffix}` : `ESMTP${suffix}`;
}

/** RFC 8314 §4.3 tls-cipher-name: the registered name, as the TLS Cipher Suite Registry spells it. */
const TLS_CIPHER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * RFC 5321 §4.4 Time-stamp-line: from, by, with, id, for, then the additional registered clauses.
 * "for" names the recipient only when there is one, so that a copy does not reveal the other
 * (Bcc) recipients. After TLS, the version goes in a comment (as Postfix writes it) and the
 * cipher suite in RFC 8314 §4.3's `tls` clause, which a submission server SHOULD add.
 */
export function receivedHeader(s: SmtpSession, tx: Transaction, id: string, now: number): string {
  const helo = s.helo?.name ?? '';
  const from = isDomain(helo) || isAddressLiteral(helo) ? helo : 'unknown';
  const lines = [`Received: from ${from} (${peerLiteral(s)})`];
  lines.push(`\tby ${s.hostName} (Mailwire) with ${withProtocol(s, tx)} id ${id}`);
  if (s.tls) lines.push(`\t(using ${s.tls.version})`);
  if (s.user) lines.push(`\t(Authenticated sender: ${s.user})`);
  const only = tx.recipients.length === 1 ? tx.recipients[0] : undefined;
  if (only) lines.push(`\tfor <${only.mailbox.address}>`);
  if (s.tls && TLS_CIPHER_NAME.test(s.tls.cipher)) lines.push(`\ttls ${s.tls.cipher}`);
  lines[lines.length - 1] += `; ${rfc5322Date(now)}`;
  return lines.join('\r\n') + '\r\n';
}

/** RFC 5321 §4.4: "the final delivery SMTP server … MUST insert a return-path line". */
export function returnPathHeader(tx: Transaction): string {
  return `Return-Path: <${tx.from?.address ?? ''}>\r\n`;
}
