/**
 * Command lines: the verb and its argument, and the MAIL/RCPT arguments with their ESMTP
 * parameters (RFC 5321 §4.1.2, §4.1.1.11).
 */
import { parseMailbox, parsePath, quoted, type Mailbox } from './address.ts';
import { R501BadParameter, R501BadRecipient, R501BadSender, R501Syntax, type Reply } from './replies.ts';

export interface CommandLine {
  /** Upper-cased: RFC 5321 §2.4 "Verbs and argument values … are not case sensitive". */
  verb: string;
  /** Everything after the first space, trailing spaces removed. */
  args: string;
}

export function parseCommandLine(text: string): CommandLine {
  const space = text.indexOf(' ');
  const verb = (space < 0 ? text : text.slice(0, space)).toUpperCase();
  const args = space < 0 ? '' : text.slice(space + 1).replace(/[ \t]+$/, '');
  return { verb, args };
}

export interface EsmtpParam {
  /** Upper-cased esmtp-keyword. */
  keyword: string;
  /** The esmtp-value, or null for a keyword without "=". */
  value: string | null;
}

// RFC 5321 §4.1.2 esmtp-keyword and esmtp-value; RFC 6531 §3.3 adds UTF-8 to values.
const KEYWORD = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const VALUE = /^[\x21-\x3c\x3e-\x7e\u0080-\u{10FFFF}]+$/u;

/** RFC 5321 §4.1.2 Mail-parameters = esmtp-param *(SP esmtp-param). */
export function parseParams(text: string): EsmtpParam[] | string {
  const params: EsmtpParam[] = [];
  for (const token of text.split(' ').filter((t) => t !== '')) {
    const eq = token.indexOf('=');
    const keyword = eq < 0 ? token : token.slice(0, eq);
    const value = eq < 0 ? null : token.slice(eq + 1);
    if (!KEYWORD.test(keyword)) return `${quoted(keyword)} is not an ESMTP keyword`;
    const name = keyword.length > 32 ? `${keyword.slice(0, 29).toUpperCase()}...` : keyword.toUpperCase();
    if (value !== null && !VALUE.test(value)) return `the value of ${name} is empty or has forbidden characters`;
    if (params.some((p) => p.keyword === keyword.toUpperCase())) return `${name} appears twice`;
    params.push({ keyword: keyword.toUpperCase(), value });
  }
  return params;
}

export type EnvelopeArgs =
  | { ok: true; mailbox: Mailbox | null; params: EsmtpParam[] }
  | { ok: false; reply: Reply };

export const MAIL_SYNTAX = 'MAIL FROM:<address> [parameters]';
export const RCPT_SYNTAX = 'RCPT TO:<address> [parameters]';

/**
 * The `FROM:`/`TO:` keyword, then the path. RFC 5321 has no space after the colon, but many
 * clients (and people typing) put one there; Postfix and Exim accept it, and so do we.
 */
function splitKeyword(args: string, keyword: string): string | null {
  if (args.slice(0, keyword.length).toUpperCase() !== keyword) return null;
  return args.slice(keyword.length).replace(/^ +/, '');
}

function withParams(mailbox: Mailbox | null, rest: string, bad: (why: string) => Reply): EnvelopeArgs {
  if (rest !== '' && !rest.startsWith(' ')) return { ok: false, reply: bad('unexpected text after ">"') };
  const params = parseParams(rest);
  if (typeof params === 'string') return { ok: false, reply: R501BadParameter(params) };
  return { ok: true, mailbox, params };
}

/** RFC 5321 §4.1.1.2: "MAIL FROM:" Reverse-path [SP Mail-parameters]. */
export function parseMailFrom(args: string): EnvelopeArgs {
  const path = splitKeyword(args, 'FROM:');
  if (path === null || path === '') return { ok: false, reply: R501Syntax(MAIL_SYNTAX) };
  const parsed = parsePath(path, true);
  if (!parsed.ok) return { ok: false, reply: R501BadSender(parsed.why) };
  return withParams(parsed.mailbox, parsed.rest, R501BadSender);
}

/**
 * RFC 5321 §4.1.1.3: "RCPT TO:" ( "<Postmaster@" Domain ">" / "<Postmaster>" / Forward-path ).
 * A bare <Postmaster> means the postmaster of `localDomain` (§4.5.1: it MUST be accepted).
 */
export function parseRcptTo(args: string, localDomain: string): EnvelopeArgs {
  const path = splitKeyword(args, 'TO:');
  if (path === null || path === '') return { ok: false, reply: R501Syntax(RCPT_SYNTAX) };
  if (path.slice(0, 12).toLowerCase() === '<postmaster>') {
    const mailbox = parseMailbox(`postmaster@${localDomain}`);
    if (typeof mailbox === 'string') return { ok: false, reply: R501BadRecipient(mailbox) };
    return withParams(mailbox, path.slice(12), R501BadRecipient);
  }
  const parsed = parsePath(path, false);
  if (!parsed.ok) return { ok: false, reply: R501BadRecipient(parsed.why) };
  return withParams(parsed.mailbox, parsed.rest, R501BadRecipient);
}
