/**
 * The passive eavesdropper's notebook: reads the client's plaintext and writes down every
 * password it can see. SASL PLAIN (RFC 4616 §2: authzid NUL authcid NUL passwd) and LOGIN are only
 * base64, which is an encoding, not a cipher; USER/PASS (RFC 1939 §7) and IMAP LOGIN
 * (RFC 9051 §6.2.3) send the password as it is.
 */
import type { Credential } from './attack-types.ts';
import type { MailProtocol } from '../world/ports.ts';
import { decodeBase64Lenient } from '../wire/base64.ts';
import { latin1Text } from '../wire/bytes.ts';

type Pending = { mechanism: 'PLAIN' | 'LOGIN'; user: string | null } | null;

/** Feed it the client-to-server plaintext, in order; it returns the credentials as they appear. */
export class CredentialSniffer {
  private buffer = '';
  private pending: Pending = null;
  private user: string | null = null;

  constructor(private readonly protocol: MailProtocol) {}

  /** Characters of an unfinished line held back: at most 4096, like a sniffer with a fixed buffer. */
  get buffered(): number {
    return this.buffer.length;
  }

  push(bytes: Uint8Array, time: number): Credential[] {
    this.buffer += latin1Text(bytes);
    const found: Credential[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      const credential = this.line(line, time);
      if (credential) found.push(credential);
    }
    // A line never ends: keep only a bounded tail, as a sniffer with a fixed buffer would.
    if (this.buffer.length > 4096) this.buffer = this.buffer.slice(-4096);
    return found;
  }

  private line(line: string, time: number): Credential | null {
    if (this.pending) return this.saslResponse(line, time);
    const words = line.split(' ');
    const command = this.protocol === 'imap' ? words.slice(1) : words;
    const verb = (command[0] ?? '').toUpperCase();
    const mech = (command[1] ?? '').toUpperCase();
    if ((verb === 'AUTH' || (verb === 'AUTHENTICATE' && this.protocol === 'imap')) && (mech === 'PLAIN' || mech === 'LOGIN')) {
      this.pending = { mechanism: mech, user: null };
      return command[2] !== undefined && command[2] !== '=' ? this.saslResponse(command[2], time) : null;
    }
    if (this.protocol === 'pop3' && verb === 'USER') this.user = command.slice(1).join(' ');
    if (this.protocol === 'pop3' && verb === 'PASS') {
      const password = line.slice(5);
      return this.credential('USER/PASS', this.user ?? '(no USER seen)', password, time, line);
    }
    if (this.protocol === 'imap' && verb === 'LOGIN') return this.imapLogin(line, time);
    return null;
  }

  private saslResponse(response: string, time: number): Credential | null {
    const pending = this.pending!;
    if (response === '*') {
      this.pending = null; // RFC 4954 §4: the client cancelled the exchange
      return null;
    }
    const decoded = base64Text(response);
    const verb = this.protocol === 'imap' ? 'AUTHENTICATE' : 'AUTH';
    if (pending.mechanism === 'PLAIN') {
      this.pending = null;
      const parts = decoded?.split('\0');
      if (!parts || parts.length !== 3) return null;
      return this.credential(`${verb} PLAIN`, parts[1]!, parts[2]!, time, `base64 "${response}" decodes to "${decoded!.replace(/\0/g, '\\0')}"`);
    }
    if (pending.user === null) {
      pending.user = decoded ?? response;
      return null;
    }
    this.pending = null;
    return this.credential(`${verb} LOGIN`, pending.user, decoded ?? response, time, `base64 "${response}" decodes to "${decoded ?? '?'}"`);
  }

  private imapLogin(line: string, time: number): Credential | null {
    const args = imapStrings(line.slice(line.toUpperCase().indexOf('LOGIN') + 6));
    if (args.length < 2) return null;
    return this.credential('LOGIN', args[0]!, args[1]!, time, line);
  }

  private credential(mechanism: string, user: string, password: string, time: number, evidence: string): Credential {
    return { protocol: this.protocol, mechanism, user, password, time, evidence };
  }
}

/** RFC 9051 §4.1/§4.3: atoms and quoted strings (a literal would need the next chunk: not read). */
function imapStrings(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([^\s"]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return out;
}

/** Base64 to UTF-8 text, or null when it is not base64. */
export function base64Text(text: string): string | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  return new TextDecoder().decode(decodeBase64Lenient(text));
}
