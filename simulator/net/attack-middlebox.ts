/**
 * The attacker on the path of one connection. It sees every chunk either end puts on the wire
 * and may change it before the other end reads it:
 * - eavesdrop: reads credentials from plaintext (./attack-credentials.ts);
 * - stripStarttls: rewrites STARTTLS/STLS in the capability replies to X's of the same length
 *   (what the middleboxes of the 2010s did, so TCP sequence numbers stay right; RFC 3207 §6,
 *   RFC 2595 §2.2) and, with 'refuse-command', garbles the client's STARTTLS/STLS;
 * - tamper: flips a bit of a protected record (RFC 8446 §5.2: the AEAD tag catches it).
 */
import { CredentialSniffer } from './attack-credentials.ts';
import { newReport, type AttackOptions, type AttackReport, type OnPath, type WirePhase } from './attack-types.ts';
import type { MailProtocol } from '../world/ports.ts';
import { concatBytes, latin1Bytes, latin1Text } from '../wire/bytes.ts';

type Direction = 'to-server' | 'to-client';

/** SMTP EHLO lines (RFC 3207 §4), POP3 CAPA lines (RFC 2595 §4), IMAP capability tokens (RFC 9051 §7.2.2). */
const STRIP_REPLY: Record<MailProtocol, Array<[RegExp, string]>> = {
  smtp: [[/^(250[- ])STARTTLS(\s*)$/i, '$1XXXXXXXA$2']],
  pop3: [[/^STLS(\s*)$/i, 'XXXX$1']],
  // LOGINDISABLED goes too: with it gone the client sends LOGIN, and the server's refusal comes too late.
  imap: [
    [/(CAPABILITY[^\]\r\n]*?) STARTTLS\b/i, '$1 XXXXXXXA'],
    [/(CAPABILITY[^\]\r\n]*?) LOGINDISABLED\b/i, '$1 XXXXXXXXXXXXX'],
  ],
};

const STRIP_COMMAND: Record<MailProtocol, Array<[RegExp, string]>> = {
  smtp: [[/^STARTTLS(\s*)$/i, 'XXXXXXXA$1']],
  pop3: [[/^STLS(\s*)$/i, 'XXXX$1']],
  imap: [[/^(\S+ )STARTTLS(\s*)$/i, '$1XXXXXXXA$2']],
};

export class Middlebox implements OnPath {
  readonly report: AttackReport;
  private readonly sniffer: CredentialSniffer;
  private readonly held: Record<Direction, string> = { 'to-server': '', 'to-client': '' };
  private tampered = false;

  constructor(
    private readonly protocol: MailProtocol,
    private readonly options: AttackOptions,
    implicitTls: boolean,
  ) {
    this.report = newReport(options);
    this.sniffer = new CredentialSniffer(protocol);
    if (options.stripStarttls && implicitTls) {
      this.report.nothingToDo.push('nothing to strip: TLS from the first byte (implicit TLS, RFC 8314 §3)');
    }
  }

  alter(direction: Direction, bytes: Uint8Array, phase: WirePhase, time: number): Uint8Array {
    if (phase === 'plaintext') {
      if (this.options.eavesdrop && direction === 'to-server') this.report.credentials.push(...this.sniffer.push(bytes, time));
      if (this.options.stripStarttls) return this.strip(direction, bytes, time);
      return bytes;
    }
    const held = this.release(direction);
    if (phase === 'tls' && this.options.tamper === direction && !this.tampered && bytes[0] === 23 && bytes.length > 6) {
      this.tampered = true;
      const altered = bytes.slice();
      altered[altered.length - 1]! ^= 0x01;
      this.report.altered.push({ time, direction, what: 'flipped one bit of an application_data record' });
      return concatBytes([held, altered]);
    }
    return held.length ? concatBytes([held, bytes]) : bytes;
  }

  decrypted(direction: Direction, bytes: Uint8Array, time: number): void {
    this.report.readThroughTls = true;
    if (direction === 'to-server') this.report.credentials.push(...this.sniffer.push(bytes, time));
  }

  /** Rewrites whole lines; a partial line waits for its end (the attacker must see the whole line). */
  private strip(direction: Direction, bytes: Uint8Array, time: number): Uint8Array {
    const text = this.held[direction] + latin1Text(bytes);
    const cut = text.lastIndexOf('\n') + 1;
    this.held[direction] = text.slice(cut);
    const rules = direction === 'to-client' ? STRIP_REPLY[this.protocol] : this.options.stripStarttls === 'refuse-command' ? STRIP_COMMAND[this.protocol] : [];
    const lines = text.slice(0, cut).split(/(?<=\n)/);
    const out = lines.map((line) => {
      let changed = line;
      for (const [re, replacement] of rules) changed = changed.replace(re, replacement);
      if (changed !== line) this.report.altered.push({ time, direction, what: `${JSON.stringify(line.trimEnd())} → ${JSON.stringify(changed.trimEnd())}` });
      return changed;
    });
    return latin1Bytes(out.join(''));
  }

  private release(direction: Direction): Uint8Array {
    const held = this.held[direction];
    this.held[direction] = '';
    return latin1Bytes(held);
  }
}
