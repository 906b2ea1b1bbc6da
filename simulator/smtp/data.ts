/**
 * The DATA reader (RFC 5321 §4.1.1.4, §4.5.2): message lines until <CRLF>.<CRLF>, with the
 * leading dot of stuffed lines removed.
 *
 * SMTP smuggling: the end of the data is exactly CRLF "." CRLF. A "." line ending in a bare LF,
 * or one preceded by a line that ended in a bare LF, is content ("Conforming implementations MUST
 * NOT recognize or generate any other character or character sequence as a line terminator",
 * §2.3.8). A bare CR never ends a line at all. Lines that ended in a bare LF are stored with
 * CRLF, so the message can never carry a bare-LF "." onward to a laxer server. This is Postfix
 * 3.9's default (smtpd_forbid_bare_newline = normal): "Require the standard End-of-DATA sequence
 * <CR><LF>.<CR><LF>. Otherwise, allow command or message content lines ending in the
 * non-standard <LF>, and process them as if the client sent the standard <CR><LF>."
 */
import type { LineBuffer } from '../wire/line-buffer.ts';
import { acceptMessage } from './delivery.ts';
import { enter, read, reply, type InputReader, type SmtpEffect } from './effects.ts';
import { R554TextLineTooLong, R552MessageTooBig } from './replies.ts';
import type { SmtpSession } from './session.ts';

/** RFC 5321 §4.5.3.1.6: 1000 octets with the CRLF, "not counting the leading dot duplicated for transparency". */
export const MAX_TEXT_LINE = 1000;
const DOT = 0x2e;
const CRLF = new Uint8Array([0x0d, 0x0a]);

export class DataReader implements InputReader {
  private parts: Uint8Array[] = [];
  private size = 0;
  /** Octets of message kept so far (`size` goes on counting past the limit; these stop). */
  held = 0;
  private tooBig = false;
  private tooLong = false;

  /** `afterCrlf`: the DATA command line itself ended in CRLF (its CRLF begins the end sequence). */
  constructor(
    private readonly session: SmtpSession,
    private afterCrlf: boolean,
  ) {}

  read(input: LineBuffer, now: number): readonly SmtpEffect[] | null {
    const line = input.readLine(MAX_TEXT_LINE + 1);
    if (!line) return null;
    const isEnd = !line.overflow && line.ending === 'crlf' && this.afterCrlf && line.bytes.length === 1 && line.bytes[0] === DOT;
    if (isEnd) return this.finish(now);
    this.afterCrlf = line.ending === 'crlf';
    const stuffed = line.bytes[0] === DOT;
    if (line.overflow || line.bytes.length + 2 > MAX_TEXT_LINE + (stuffed ? 1 : 0)) {
      this.tooLong = true;
      return [];
    }
    // §4.5.2: "If the first character is a period and there are other characters on the line,
    // the first character is deleted."
    this.add(stuffed && line.bytes.length > 1 ? line.bytes.subarray(1) : line.bytes);
    this.add(CRLF);
    return [];
  }

  private add(bytes: Uint8Array): void {
    this.size += bytes.length;
    // RFC 1870 §6.3: past the limit the rest is read and thrown away, then 552.
    if (this.size > this.session.settings.maxMessageSize) this.tooBig = true;
    if (this.tooBig) return;
    this.parts.push(bytes);
    this.held += bytes.length;
  }

  private finish(now: number): SmtpEffect[] {
    const s = this.session;
    let answer: SmtpEffect[];
    if (this.tooLong) answer = [reply(R554TextLineTooLong)];
    else if (this.tooBig) answer = [reply(R552MessageTooBig(s.settings.maxMessageSize))];
    else answer = acceptMessage(s, concat(this.parts, this.size), now);
    this.parts = [];
    this.held = 0;
    s.resetTransaction();
    return [read(null), ...answer, enter('end of data')];
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
