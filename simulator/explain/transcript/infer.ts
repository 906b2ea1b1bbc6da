/**
 * Directions for lines a tool printed without saying who sent them (openssl s_client, a plain
 * paste): a line is the server's when it has the form of a reply (RFC 5321 §4.2, RFC 1939 §3,
 * RFC 9051 §2.2.2), or when it sits inside a response the server is still sending (a POP3
 * multi-line response, an IMAP literal); message content after DATA's 354 is the client's.
 */
import { imapStatusLine, pop3CommandIsMultiLine, smtpReplyLine } from '../../observe/reply-lines.ts';
import type { Protocol, Side } from '../types.ts';


/** The octet count of a literal announced at the end of a line (`{12}` or `{12+}`), or null. */
function literalAt(line: string): number | null {
  const m = /\{(\d+)\+?\}$/.exec(line);
  return m ? Number(m[1]) : null;
}

export function inferSides(protocol: Protocol, lines: readonly string[]): Side[] {
  const sides: Side[] = [];
  let serverBlock = false; // POP3 multi-line response
  let clientData = false; // SMTP DATA content
  let lastClient = '';
  let literal: { side: Side; left: number } | null = null;
  let clientLiteralAfterPlus: number | null = null;
  const tags = new Set<string>();
  for (const line of lines) {
    if (literal) {
      sides.push(literal.side);
      literal.left -= line.length + 2;
      if (literal.left <= 0) literal = null;
      continue;
    }
    let side: Side;
    if (protocol === 'smtp') {
      if (clientData) {
        side = 'client';
        if (line === '.') clientData = false; // RFC 5321 §4.1.1.4
      } else side = smtpReplyLine(line) ? 'server' : 'client';
      if (side === 'server' && line.startsWith('354')) clientData = true;
    } else if (protocol === 'pop3') {
      if (serverBlock) {
        side = 'server';
        if (line === '.') serverBlock = false;
      } else if (/^[+-](?:OK|ERR)\b/.test(line) || /^\+(?: |$)/.test(line)) {
        side = 'server';
        if (line.startsWith('+OK') && pop3CommandIsMultiLine(lastClient)) serverBlock = true;
      } else side = 'client';
    } else {
      if (clientLiteralAfterPlus !== null && /^\+(?: |$)/.test(line)) {
        sides.push('server');
        literal = { side: 'client', left: clientLiteralAfterPlus };
        clientLiteralAfterPlus = null;
        continue;
      }
      const tagged = imapStatusLine(line);
      side = /^[*+](?: |$)/.test(line) || (tagged !== null && tags.has(tagged.tag)) ? 'server' : 'client';
      if (side === 'client') {
        const tag = /^(\S+) [A-Za-z]/.exec(line)?.[1];
        if (tag) tags.add(tag);
      }
      const n = literalAt(line);
      // A server literal follows at once, and so does a client's non-synchronizing one (RFC 7888);
      // a client's synchronizing literal waits for the server's "+" (RFC 9051 §7.5).
      if (n !== null && n > 0) {
        if (side === 'client' && !line.endsWith('+}')) clientLiteralAfterPlus = n;
        else literal = { side, left: n };
      }
    }
    if (side === 'client') lastClient = line;
    sides.push(side);
  }
  return sides;
}
