/**
 * RFC 5321 §4.1.2 paths and mailboxes, with the RFC 6531 §3.3 extensions that let UTF-8 appear
 * in local parts and domains. Parses a decoded command argument (a JS string).
 */
import { utf8Bytes } from '../wire/bytes.ts';

export interface Mailbox {
  /** As written (a quoted local part keeps its quotes). */
  localPart: string;
  /** Lower-cased: domains are case-insensitive (RFC 5321 §2.4). */
  domain: string;
  /** `local@domain`, the form the store and the queue use. */
  address: string;
  /** Needs SMTPUTF8 (RFC 6531 §3.2). */
  nonAscii: boolean;
}

export type PathResult =
  | { ok: true; mailbox: Mailbox | null; rest: string }
  | { ok: false; why: string };

// RFC 5322 §3.2.3 atext; RFC 6531 §3.3 adds UTF8-non-ascii.
const ATEXT = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\u{10FFFF}]+$/u;
// RFC 5321 §4.1.2 sub-domain = Let-dig [Ldh-str]; RFC 6531 allows U-labels.
const SUB_DOMAIN = /^[A-Za-z0-9\u0080-\u{10FFFF}](?:[A-Za-z0-9\-\u0080-\u{10FFFF}]*[A-Za-z0-9\u0080-\u{10FFFF}])?$/u;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^IPv6:[0-9A-Fa-f:.]{2,45}$/i;

/** RFC 5321 §4.5.3.1: local-part 64, domain 255, path 256 octets. */
export const MAX_LOCAL_PART = 64;
export const MAX_DOMAIN = 255;
export const MAX_PATH = 256;

/** Quotes a piece of the client's input in an error message, shortened if long. */
export function quoted(text: string): string {
  return `"${text.length > 64 ? `${text.slice(0, 61)}...` : text}"`;
}

export function isDomain(text: string): boolean {
  return text.length > 0 && text.split('.').every((label) => SUB_DOMAIN.test(label));
}

/** RFC 5321 §4.1.3 address literals: IPv4, IPv6 and the General form (`tag:content`). */
export function isAddressLiteral(text: string): boolean {
  if (!text.startsWith('[') || !text.endsWith(']')) return false;
  const inner = text.slice(1, -1);
  return IPV4.test(inner) || IPV6.test(inner) || /^[A-Za-z0-9-]*[A-Za-z0-9]:[\x21-\x5a\x5e-\x7e]+$/.test(inner);
}

function isLocalPart(text: string): boolean {
  if (text.startsWith('"')) return /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e\u0080-\u{10FFFF}]|\\[\x20-\x7e])*"$/u.test(text);
  return text.split('.').every((atom) => ATEXT.test(atom));
}

/** Index of the `@` that separates local part and domain (outside a quoted local part). */
function splitAt(text: string): number {
  if (!text.startsWith('"')) return text.lastIndexOf('@');
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return text[i + 1] === '@' ? i + 1 : -1;
  }
  return -1;
}

/** RFC 5321 §4.1.2 Mailbox = Local-part "@" ( Domain / address-literal ). */
export function parseMailbox(text: string): Mailbox | string {
  const at = splitAt(text);
  if (at <= 0) return 'expected local-part@domain';
  const localPart = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!isLocalPart(localPart)) return `${quoted(localPart)} is not a valid local part`;
  if (!isDomain(domain) && !isAddressLiteral(domain)) return `${quoted(domain)} is not a valid domain`;
  if (utf8Bytes(localPart).length > MAX_LOCAL_PART) return `the local part is longer than ${MAX_LOCAL_PART} octets`;
  if (utf8Bytes(domain).length > MAX_DOMAIN) return `the domain is longer than ${MAX_DOMAIN} octets`;
  const lower = domain.toLowerCase();
  return { localPart, domain: lower, address: `${localPart}@${lower}`, nonAscii: /[^\x00-\x7f]/.test(text) };
}

/** The `>` that closes a path, skipping any inside a quoted local part. */
function closingBracket(text: string): number {
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === '>' && !quoted) return i;
  }
  return -1;
}

/**
 * RFC 5321 §4.1.2 Path = "<" [ A-d-l ":" ] Mailbox ">", or "<>" when `allowNull` (the reverse-path
 * of bounces). A source route is accepted and ignored, as Appendix F.2 requires ("SMTP servers
 * MUST continue to accept source route syntax" and "MAY … ignore the routes").
 */
export function parsePath(text: string, allowNull: boolean): PathResult {
  if (!text.startsWith('<')) return { ok: false, why: 'the address must be in angle brackets: <user@example.com>' };
  const close = closingBracket(text);
  if (close < 0) return { ok: false, why: 'missing ">"' };
  let inner = text.slice(1, close);
  const rest = text.slice(close + 1);
  if (utf8Bytes(inner).length + 2 > MAX_PATH) return { ok: false, why: `the path is longer than ${MAX_PATH} octets` };
  if (inner === '') return allowNull ? { ok: true, mailbox: null, rest } : { ok: false, why: 'the null path <> is not allowed here' };
  if (inner.startsWith('@')) {
    const colon = inner.indexOf(':');
    const route = colon > 0 ? inner.slice(0, colon).split(',') : [];
    if (!route.length || !route.every((hop) => hop.startsWith('@') && isDomain(hop.slice(1)))) {
      return { ok: false, why: 'bad source route' };
    }
    inner = inner.slice(colon + 1);
  }
  const mailbox = parseMailbox(inner);
  return typeof mailbox === 'string' ? { ok: false, why: mailbox } : { ok: true, mailbox, rest };
}
