/**
 * The IMAP server's state as a client tells it from the lines alone, named as IMAP_TABLE names it
 * (simulator/imap/state.ts): the four states of RFC 9051 §3 and the sub-states in which the next
 * line is not a command, so `allowedCommands(state)` is right for a live server too.
 *
 * Every sub-state but one is visible on the wire:
 * - `sasl`: the server's `+` answered AUTHENTICATE (RFC 9051 §6.2.2), until its tagged reply;
 * - `tls-handshake`: the tagged OK to STARTTLS (§6.2.1), until `tlsStarted()`;
 * - `idle-*`: the `+` that answered IDLE (§6.3.13), until IDLE's tagged reply;
 * - `literal-*`: between a literal's announcement and its last octet (§4.3, §7.6): after the
 *   server's `+` for a synchronizing `{n}`, at once for a non-synchronizing `{n+}` (RFC 7888 §3),
 *   and, when the server refused a `{n+}` command, until the octets it must read and drop
 *   (RFC 7888 §4) and the rest of that command line have gone by.
 * `responding` is never inferred: a server that writes a long FETCH in parts (§5.5) sends the same
 * octets as one that writes it at once, so no line shows when it is in that state. The commands a
 * client may send meanwhile are the selected state's (§5.5 lets it send them; the server holds
 * them), which is what `selected` answers.
 */
import { canonicalMailboxName } from '../store/account.ts';
import { commandState, LITERAL_STATE, type CommandState, type ImapState } from '../imap/state.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { imapContinuation, imapStatusLine, type ImapStatus } from './reply-lines.ts';

/** A command sent and not yet answered by its tagged reply. */
interface Command {
  tag: string;
  verb: string;
  /** The mailbox arguments as typed (SELECT, EXAMINE, DELETE: one; RENAME: two), when not literals. */
  mailboxes: string[];
}

/**
 * Where the client's next octets go, as the server's command reader sees them:
 * a new command; the rest of a command after a literal; a literal's octets (`left` to come);
 * octets of a refused `{n+}` literal being dropped, then the rest of its line; or, after `{n}`,
 * nothing until the server's `+` (or its refusal) arrives.
 */
type ClientMode =
  | { kind: 'command' }
  | { kind: 'rest'; command: Command; nonSync: boolean }
  | { kind: 'literal'; command: Command; left: number; nonSync: boolean }
  | { kind: 'skip'; left: number }
  | { kind: 'await-continuation'; command: Command; size: number };

/** RFC 9051 §4.3: a line ending in `{n}` or `{n+}` (and `~{n}`, RFC 3516 literal8) announces a literal. */
const LITERAL_HEADER = /~?\{(\d+)(\+?)\}$/;

/** RFC 9051 §9: tag = 1*<any ASTRING-CHAR except "+"> (no CTL, SP, "(", ")", "{", "%", "*", '"', "\\"). */
const TAG = /^[^\x00-\x20\x7f(){%*"\\+]+/;

const byteLength = (text: string): number => utf8Bytes(text).length;

/** Splits `line` after its first `octets` octets (a literal's end), when they end inside the line. */
function afterOctets(line: string, octets: number): string {
  return utf8Text(utf8Bytes(line).subarray(octets));
}

/** RFC 9051 §4.3 astring as typed: an atom, or a quoted string with its escapes undone; null for a literal. */
function astrings(text: string): string[] {
  const found: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\{\d+\+?\})|([^\s"]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[2]) break;
    found.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[3] ?? ''));
  }
  return found;
}

export class ImapDialogue {
  /** The state apart from literals, which `state` adds from the client's octets. */
  #main: ImapState | null = null;
  #mode: ClientMode = { kind: 'command' };
  /** Commands in the order sent: the server answers them in that order (RFC 9051 §5.5). */
  readonly #pending: Command[] = [];
  /** The selected mailbox, canonical, as the client named it; so DELETE of it can be told (§6.3.5). */
  #selected: string | null = null;
  /** In an IDLE: the client has sent its line (DONE); later lines are commands again. */
  #idleAnswered = false;
  /** Octets still to come of a literal in the server's response (RFC 9051 §4.3: data, not a response). */
  #serverLiteral = 0;

  get octetsLeft(): number {
    const mode = this.#mode;
    return mode.kind === 'literal' || mode.kind === 'skip' ? mode.left : 0;
  }

  get state(): ImapState | null {
    const main = this.#main;
    const base = main === null ? null : commandState(main);
    const inLiteral = this.#mode.kind === 'literal' || this.#mode.kind === 'skip';
    return base && inLiteral ? LITERAL_STATE[base] : main;
  }

  client(line: string): void {
    const main = this.#main;
    // RFC 9051 §6.2.1: nothing sent before the handshake counts; after logout nothing is read.
    if (main === 'tls-handshake' || main === 'logout') return;
    if (main === 'sasl') return; // RFC 9051 §6.2.2: a base64 response, or "*" to cancel
    if ((main === 'idle-authenticated' || main === 'idle-selected') && !this.#idleAnswered) {
      this.#idleAnswered = true; // RFC 9051 §6.3.13: DONE, not a command
      return;
    }
    this.#clientOctets(line);
  }

  #clientOctets(line: string): void {
    const mode = this.#mode;
    switch (mode.kind) {
      case 'command':
        return this.#commandLine(line, this.#newCommand(line));
      case 'rest':
        return this.#commandLine(line, mode.command);
      case 'await-continuation':
        // Sent before the "+" (RFC 9051 §7.6 says to wait): the server has most likely taken the
        // literal already, so these are its octets; a refusal on the way is read as one anyway.
        this.#mode = { kind: 'literal', command: mode.command, left: mode.size, nonSync: false };
        return this.#clientOctets(line);
      case 'literal': {
        const total = byteLength(line) + 2;
        if (mode.left >= total) {
          mode.left -= total;
          if (mode.left === 0) this.#mode = { kind: 'rest', command: mode.command, nonSync: mode.nonSync };
          return;
        }
        return this.#commandLine(afterOctets(line, mode.left), mode.command);
      }
      case 'skip': {
        const total = byteLength(line) + 2;
        if (mode.left >= total) {
          mode.left -= total;
          return;
        }
        // RFC 7888 §4: the rest of the refused command's line is dropped too, and any {n+} it announces.
        const header = LITERAL_HEADER.exec(afterOctets(line, mode.left));
        this.#mode = header && header[2] === '+' ? { kind: 'skip', left: Number(header[1]) } : { kind: 'command' };
        return;
      }
    }
  }

  /** A command's first line; a line without a valid tag gets tag "" (the server answers `* BAD`). */
  #newCommand(line: string): Command {
    const tag = TAG.exec(line)?.[0] ?? '';
    const m = tag ? /^ (\S+)(.*)$/.exec(line.slice(tag.length)) : null;
    let verb = (m?.[1] ?? '').toUpperCase();
    let rest = m?.[2] ?? '';
    if (verb === 'UID') {
      const sub = /^ +(\S+)(.*)$/.exec(rest);
      verb = `UID ${(sub?.[1] ?? '').toUpperCase()}`;
      rest = sub?.[2] ?? '';
    }
    const command: Command = { tag, verb, mailboxes: astrings(rest).map(canonicalMailboxName) };
    this.#pending.push(command);
    return command;
  }

  /** A line (or what follows a literal's octets in it) of `command`: it ends the command or announces a literal. */
  #commandLine(text: string, command: Command): void {
    const header = LITERAL_HEADER.exec(text);
    if (!header) {
      this.#mode = { kind: 'command' };
      return;
    }
    const size = Number(header[1]);
    if (header[2] !== '+') this.#mode = { kind: 'await-continuation', command, size };
    else if (size === 0) this.#mode = { kind: 'rest', command, nonSync: true };
    else this.#mode = { kind: 'literal', command, left: size, nonSync: true };
  }

  server(line: string): void {
    if (this.#serverData(line)) return;
    if (this.#main === null) {
      // RFC 9051 §7.1: the greeting.
      if (/^\* OK\b/i.test(line)) this.#main = 'not-authenticated';
      else if (/^\* PREAUTH\b/i.test(line)) this.#main = 'authenticated';
      else if (/^\* BYE\b/i.test(line)) this.#main = 'logout';
      return;
    }
    if (/^\* BYE\b/i.test(line)) return this.#logout(); // RFC 9051 §7.1.5
    if (imapContinuation(line)) return this.#continuation();
    const done = imapStatusLine(line);
    if (!done) return;
    // RFC 9051 §7.1.3: an untagged BAD answers a command whose tag could not be read.
    const tag = done.tag === '*' && done.status === 'BAD' ? '' : done.tag;
    if (tag === '*') return;
    const at = this.#pending.findIndex((c) => c.tag === tag);
    if (at < 0) return;
    const [command] = this.#pending.splice(at, 1);
    if (command) this.#answered(command, done.status);
  }

  /** True when `line` is untagged data, which moves no state, or a literal's octets in it (RFC 9051 §4.3). */
  #serverData(line: string): boolean {
    let rest = line;
    if (this.#serverLiteral > 0) {
      const total = byteLength(line) + 2;
      if (this.#serverLiteral >= total) {
        this.#serverLiteral -= total;
        return true;
      }
      rest = afterOctets(line, this.#serverLiteral);
      this.#serverLiteral = 0;
    } else if (!/^\* /.test(line) || /^\* (?:OK|NO|BAD|BYE|PREAUTH)\b/i.test(line)) {
      return false; // status responses and continuations carry text, never a literal
    }
    const header = LITERAL_HEADER.exec(rest);
    if (header) this.#serverLiteral = Number(header[1]);
    return true;
  }

  /** RFC 9051 §7.6: "+" asks for the literal announced, for a SASL response, or (IDLE) for DONE. */
  #continuation(): void {
    const mode = this.#mode;
    if (mode.kind === 'await-continuation') {
      // A {0} literal is whole once asked for: what comes next is the rest of the command.
      this.#mode = mode.size === 0 ? { kind: 'rest', command: mode.command, nonSync: false } : { kind: 'literal', command: mode.command, left: mode.size, nonSync: false };
      return;
    }
    // The "+" answers the command being executed; after AUTHENTICATE or IDLE the client waits for it.
    const main = this.#main;
    const verb = this.#pending.at(-1)?.verb;
    if (verb === 'AUTHENTICATE' && (main === 'not-authenticated' || main === 'sasl')) this.#main = 'sasl';
    else if (verb === 'IDLE' && (main === 'authenticated' || main === 'selected')) {
      this.#main = `idle-${main}`;
      this.#idleAnswered = false;
    }
  }

  #answered(command: Command, status: ImapStatus): void {
    const ok = status === 'OK';
    this.#endSending(command);
    const main = this.#main;
    if (main === 'sasl') {
      // RFC 9051 §6.2.2: OK logs in; NO, or BAD after "*", ends the exchange unauthenticated.
      if (command.verb === 'AUTHENTICATE') this.#main = ok ? 'authenticated' : 'not-authenticated';
      return;
    }
    if (main === 'idle-authenticated' || main === 'idle-selected') {
      if (command.verb === 'IDLE') this.#main = main === 'idle-selected' ? 'selected' : 'authenticated';
      return;
    }
    const base = main === null ? null : commandState(main);
    if (base) this.#complete(base, command, status);
  }

  /**
   * The server answered the command still being sent: it refused it when its literal was announced.
   * A `{n}` literal is then never sent; a `{n+}` one comes anyway and is read and dropped with the
   * rest of its line (RFC 9051 §7.6, RFC 7888 §4).
   */
  #endSending(command: Command): void {
    const mode = this.#mode;
    if (mode.kind === 'command' || mode.kind === 'skip' || mode.command !== command) return;
    if (mode.kind === 'literal' && mode.nonSync) this.#mode = { kind: 'skip', left: mode.left };
    else if (mode.kind === 'rest' && mode.nonSync) this.#mode = { kind: 'skip', left: 0 };
    else this.#mode = { kind: 'command' };
  }

  /** The four states' transitions, as IMAP_TABLE has them (RFC 9051 §3). */
  #complete(base: CommandState, command: Command, status: ImapStatus): void {
    const ok = status === 'OK';
    const [mailbox, newName] = command.mailboxes;
    switch (command.verb) {
      case 'LOGIN':
      case 'AUTHENTICATE':
        if (ok && base === 'not-authenticated') this.#main = 'authenticated';
        return;
      case 'STARTTLS':
        if (ok && base === 'not-authenticated') this.#main = 'tls-handshake';
        return;
      case 'SELECT':
      case 'EXAMINE':
        // RFC 9051 §6.3.2: a SELECT that fails (NO) leaves no mailbox selected; one refused as
        // malformed (BAD, §7.1.3) was never attempted and changes nothing.
        if (base === 'not-authenticated' || status === 'BAD') return;
        this.#main = ok ? 'selected' : 'authenticated';
        this.#selected = ok ? (mailbox ?? null) : null;
        return;
      case 'CLOSE':
      case 'UNSELECT':
        if (ok && base === 'selected') this.#main = 'authenticated';
        return;
      case 'DELETE':
        // RFC 9051 §6.3.5: deleting the selected mailbox closes it (IMAP_TABLE's DELETE edge).
        if (ok && base === 'selected' && mailbox !== undefined && mailbox === this.#selected) this.#main = 'authenticated';
        return;
      case 'RENAME':
        if (ok && mailbox !== 'INBOX' && mailbox === this.#selected) this.#selected = newName ?? null;
        return;
      case 'LOGOUT':
        if (ok) this.#logout();
        return;
    }
  }

  #logout(): void {
    this.#main = 'logout';
    this.#mode = { kind: 'command' };
    this.#serverLiteral = 0;
  }

  tlsStarted(): void {
    // RFC 9051 §6.2.1: the handshake ends the tls-handshake state; what was sent before it is gone.
    if (this.#main === 'tls-handshake') this.#main = 'not-authenticated';
    this.#pending.length = 0;
    this.#mode = { kind: 'command' };
  }
}
