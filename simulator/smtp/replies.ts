/**
 * Every reply the SMTP server sends, named by code and meaning, with its RFC 3463 enhanced status
 * code (mox `smtp/codes.go`, nodemailer/smtp-server). Fixed replies are constants; replies that
 * quote an address or a number are small functions of the same name.
 */
import { utf8Bytes } from '../wire/bytes.ts';

export interface Reply {
  /** RFC 5321 §4.2 three-digit reply code. */
  code: number;
  /**
   * RFC 3463 enhanced status code, or null where RFC 2034 §4 leaves it out: "other than initial
   * greeting and any response to HELO or EHLO", and all 3xx replies.
   */
  status: string | null;
  /** One text per reply line (a multiline reply has several); may be empty (`334 `). */
  lines: readonly string[];
}

function r(code: number, status: string | null, ...lines: string[]): Reply {
  return { code, status, lines };
}

// ── 2xx ─────────────────────────────────────────────────────────────────────
export const R250Ok = r(250, '2.0.0', 'OK');
export const R250SenderOk = r(250, '2.1.0', 'Sender OK');
export const R250RecipientOk = r(250, '2.1.5', 'Recipient OK');
export const R250ResetOk = r(250, '2.0.0', 'Reset state');
export const R221Bye = (host: string): Reply => r(221, '2.0.0', `${host} Service closing transmission channel`);
export const R220Greeting = (host: string): Reply => r(220, null, `${host} ESMTP Mailwire`);
export const R220ReadyTls = r(220, '2.0.0', 'Ready to start TLS');
export const R235AuthOk = r(235, '2.7.0', 'Authentication successful');
/** RFC 5321 §3.5.3: "252 Cannot VRFY user, but will accept message and attempt delivery". */
export const R252CannotVrfy = r(252, '2.5.0', 'Cannot VRFY user, but will accept message and attempt delivery');
export const R250ChunkOk = (octets: number): Reply => r(250, '2.0.0', `${octets} octets received`);
export const R250Accepted = (id: string, octets: number): Reply => r(250, '2.0.0', `OK: ${octets} octets, queued as ${id}`);
export const R250Hello = (lines: string[]): Reply => r(250, null, ...lines);

// ── 3xx (never an enhanced code: RFC 2034 §4) ───────────────────────────────
/** RFC 5321 §4.2: the text the RFC itself gives for 354. */
export const R354StartInput = r(354, null, 'Start mail input; end with <CRLF>.<CRLF>');
/** RFC 4954 §4: the challenge is base64 and nothing else; an empty one is "334 ". */
export const R334Challenge = (base64: string): Reply => r(334, null, base64);

// ── 4xx ─────────────────────────────────────────────────────────────────────
export const R421TooManyErrors = (host: string): Reply => r(421, '4.7.0', `${host} Error: too many errors`);
export const R421Timeout = (host: string): Reply => r(421, '4.4.2', `${host} Error: timeout exceeded`);
/** RFC 5321 §4.5.3.1.10: too many recipients is 452, and the client tries the rest later. */
export const R452TooManyRecipients = r(452, '4.5.3', 'Error: too many recipients');
export const R451LocalError = r(451, '4.3.0', 'Error: local delivery failed, try again later');
export const R454TlsUnavailable = r(454, '4.7.0', 'TLS not available due to temporary reason');

// ── 5xx ─────────────────────────────────────────────────────────────────────
export const R500Unrecognized = r(500, '5.5.2', 'Error: command not recognized');
export const R500NotUtf8 = r(500, '5.5.2', 'Error: command line is not valid UTF-8');
/**
 * RFC 5321 §4.5.3.1.9: "500 Line too long", for a command line over §4.5.3.1.4's 512 octets. The
 * detail is X.5.2, a command that could not be interpreted (RFC 3463 §3.6); X.5.6 is RFC 4954's,
 * for a SASL line only.
 */
export const R500LineTooLong = r(500, '5.5.2', 'Line too long (the limit is 512 octets)');
/**
 * A message line over §4.5.3.1.6's 1,000 octets, answered after the final dot: of the replies
 * RFC 5321 §4.3.2 lists there, 554 (transaction failed), with X.6.0, a problem with the content
 * (RFC 3463 §3.7).
 */
export const R554TextLineTooLong = r(554, '5.6.0', 'Message not accepted: a line exceeded 1000 octets');
/** RFC 4954 §4, §6. */
export const R500AuthLineTooLong = r(500, '5.5.6', 'Authentication Exchange line is too long');
export const R501Syntax = (syntax: string): Reply => r(501, '5.5.4', `Syntax: ${syntax}`);
export const R501BadSender = (why: string): Reply => r(501, '5.1.7', `Bad sender address syntax: ${why}`);
export const R501BadRecipient = (why: string): Reply => r(501, '5.1.3', `Bad recipient address syntax: ${why}`);
export const R501BadParameter = (why: string): Reply => r(501, '5.5.4', `Invalid parameter: ${why}`);
/** RFC 4954 §4: a "*" cancels the exchange, answered with 501. */
export const R501AuthCancelled = r(501, '5.7.0', 'Authentication cancelled');
/** RFC 4954 §4: undecodable base64 is 501 with enhanced code 5.5.2. */
export const R501BadBase64 = r(501, '5.5.2', 'Cannot decode the base64 response');
export const R502NotImplemented = r(502, '5.5.1', 'Command not implemented');
export const R503BadSequence = (why: string): Reply => r(503, '5.5.1', `Bad sequence of commands: ${why}`);
export const R504UnknownMechanism = r(504, '5.5.4', 'Unrecognized authentication type (offered: PLAIN LOGIN)');
export const R504UnknownHelpTopic = r(504, '5.5.4', 'HELP topic unknown; try HELP with no argument');
export const R530AuthRequired = r(530, '5.7.0', 'Authentication required');
/** RFC 3207 §4: the text the RFC gives for a server that requires TLS first. */
export const R530StartTlsFirst = r(530, '5.7.0', 'Must issue a STARTTLS command first');
export const R535AuthFailed = r(535, '5.7.8', 'Authentication credentials invalid');
export const R550UserUnknown = (address: string): Reply => r(550, '5.1.1', `<${address}>: Recipient address rejected: User unknown`);
/** RFC 6531 §3.5: a non-ASCII MAIL address without SMTPUTF8 is 550 X.6.7, a RCPT address 553 X.6.7. */
export const R550NonAsciiSender = r(550, '5.6.7', 'Non-ASCII addresses need the SMTPUTF8 parameter on MAIL FROM');
export const R553NonAsciiRecipient = r(553, '5.6.7', 'Non-ASCII addresses need the SMTPUTF8 parameter on MAIL FROM');
export const R553SenderNotOwned = (address: string, user: string): Reply =>
  r(553, '5.7.1', `<${address}>: Sender address rejected: not owned by user ${user}`);
/**
 * RFC 5321 §3.6.2: a relay refused for policy reasons SHOULD be answered with 550. (Postfix's
 * default, relay_domains_reject_code, is 554; the RFC's is followed here.)
 */
export const R550RelayDenied = (address: string): Reply => r(550, '5.7.1', `<${address}>: Relay access denied`);
/** RFC 1870 §6.1: a message over the fixed maximum size is a permanent 552. */
export const R552MessageTooBig = (max: number): Reply => r(552, '5.3.4', `Message size exceeds fixed maximum message size of ${max} octets`);
export const R552MailboxFull = (address: string): Reply => r(552, '5.2.2', `<${address}>: Mailbox full`);
export const R552TooManyRecipientsFull = r(552, '5.2.2', 'Mailbox full for every recipient');
/** RFC 5321 §4.1.1.11: "555 MAIL FROM/RCPT TO parameters not recognized or not implemented". */
export const R555UnsupportedParameter = (name: string): Reply => r(555, '5.5.4', `Unsupported parameter ${name}`);

/** True for the replies that count towards the error limit. */
export function isError(reply: Reply): boolean {
  return reply.code >= 400;
}

/** RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets with its CRLF. */
export const MAX_REPLY_LINE = 512;

/** RFC 5321 §4.2 textstring: HT and 32-126 only; one "?" per character outside it. */
export function asciiText(text: string): string {
  return text.replace(/[^\t\x20-\x7e]/gu, '?');
}

/** Cuts an echoed text so the line stays within MAX_REPLY_LINE octets. */
function fit(text: string, room: number): string {
  if (utf8Bytes(text).length <= room) return text;
  let cut = text.slice(0, room);
  while (utf8Bytes(cut).length > room - 3) cut = cut.slice(0, -1);
  return `${cut}...`;
}

/**
 * The reply as wire bytes: "code-text" on every line but the last, "code text" on the last
 * (RFC 5321 §4.2.1). The enhanced code starts every line (RFC 2034 §4) when it is offered.
 * RFC 5321 §4.2: textstring = 1*(%d09 / %d32-126): control characters a client smuggled into an
 * echoed argument, and any non-ASCII (an echoed UTF-8 name), go out as "?".
 */
export function formatReply(reply: Reply, enhanced: boolean): Uint8Array {
  const lines = reply.lines.length ? reply.lines : [''];
  const prefix = enhanced && reply.status ? `${reply.status} ` : '';
  let text = '';
  lines.forEach((line, i) => {
    const sep = i < lines.length - 1 ? '-' : ' ';
    const head = `${reply.code}${sep}${prefix}`;
    text += `${head}${fit(asciiText(line), MAX_REPLY_LINE - 2 - head.length)}\r\n`;
  });
  return utf8Bytes(text);
}
