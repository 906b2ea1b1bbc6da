/**
 * What the lab knows about every session on the page's network, built from the network's own
 * log events: each session's protocol state (from the engines' `state` events), its lines with
 * the state they were sent in, the rule the last refusal enforced, the messages it submitted,
 * and POP3 deletion marks. The MTA's events join a submitted message to the server-to-server
 * sessions that carried it on.
 */
import { explainRuleBreak, type RuleBreak } from '../../simulator/explain/index.ts';
import type { MtaEvent } from '../../simulator/mta/mta-types.ts';
import type { MailProtocol } from '../../simulator/world/ports.ts';
import { isPayloadLine } from '../../simulator/observe/index.ts';
import { isLiteralState } from '../../simulator/imap/state.ts';
import type { NetworkEvent, SessionOrigin, SessionRecord } from '../../simulator/net/virtual-network.ts';

export interface TrackedLine {
  direction: 'client' | 'server';
  text: string;
  /** The server's state when the line crossed (for a client line: the state the command met). */
  state: string;
  time: number;
  /** How the line ended on the wire: CRLF as the RFCs require, or a bare LF. */
  ending: 'crlf' | 'lf';
}

export interface SubmittedMessage {
  id: string;
  from: string;
  recipients: string[];
  queued: string[];
  delivered: string[];
  time: number;
}

export interface Refusal {
  command: string;
  reply: string;
  state: string;
  rule: RuleBreak | null;
}

export interface TrackedSession {
  id: string;
  protocol: MailProtocol;
  origin: SessionOrigin;
  client: string;
  host: string;
  port: number;
  state: string;
  openedAt: number;
  closed: boolean;
  lines: TrackedLine[];
  /** The last refused command, until the next command is sent. */
  refusal: Refusal | null;
  messages: SubmittedMessage[];
  /** POP3: the account logged in, and the message numbers marked with DELE (RFC 1939 §6). */
  pop3Account: string | null;
  pop3Deleted: number[];
}

export const INITIAL_STATE: Record<MailProtocol, string> = { smtp: 'connected', pop3: 'AUTHORIZATION', imap: 'not-authenticated' };
/** Lines kept per session for the panels (the network log keeps every byte). */
export const MAX_TRACKED_LINES = 2000;

interface Partial {
  client: string;
  server: string;
  pendingDele: number | null;
  pendingRset: boolean;
  /** An IMAP literal was just sent: the next line goes on with the same command (RFC 9051 §4.3). */
  continues: boolean;
}

export class SessionTracker {
  readonly #sessions = new Map<string, TrackedSession>();
  readonly #partial = new Map<string, Partial>();
  readonly #mta = new Map<string, MtaEvent[]>();
  readonly #listeners = new Set<() => void>();
  #version = 0;

  get version(): number {
    return this.#version;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  session(id: string | null): TrackedSession | undefined {
    return id === null ? undefined : this.#sessions.get(id);
  }

  sessions(): TrackedSession[] {
    return [...this.#sessions.values()];
  }

  /** The MTA's events about a message (attempts carry the session id of each relay hop). */
  mtaEvents(messageId: string): readonly MtaEvent[] {
    return this.#mta.get(messageId) ?? [];
  }

  mta(events: readonly MtaEvent[]): void {
    for (const e of events) this.#mta.set(e.messageId, [...(this.#mta.get(e.messageId) ?? []), e]);
    if (events.length) this.#changed();
  }

  handle(event: NetworkEvent): void {
    if (event.type === 'refused') return;
    const s = this.#sessions.get(event.session.id) ?? this.#open(event.session);
    switch (event.type) {
      case 'wire': {
        // Inside TLS the dialogue is the records' plaintext; handshake records carry none.
        if (event.entry.tls && event.session.tlsLayer === 'records' && !event.entry.plaintext) break;
        const bytes = event.entry.plaintext ?? event.entry.received ?? event.entry.bytes;
        this.#text(s, event.entry.direction === 'to-server' ? 'client' : 'server', new TextDecoder().decode(bytes), event.entry.time);
        break;
      }
      case 'engine':
        this.#engine(s, event.event, event.session.closedAt ?? s.openedAt);
        break;
      case 'session-closed':
        s.closed = true;
        break;
      default:
        break;
    }
    this.#changed();
  }

  #open(record: SessionRecord): TrackedSession {
    const s: TrackedSession = {
      id: record.id, protocol: record.protocol, origin: record.origin, client: record.client.name ?? record.client.address,
      host: record.server.host, port: record.port, state: INITIAL_STATE[record.protocol], openedAt: record.openedAt,
      closed: record.closedAt !== null, lines: [], refusal: null, messages: [], pop3Account: null, pop3Deleted: [],
    };
    this.#sessions.set(s.id, s);
    this.#partial.set(s.id, { client: '', server: '', pendingDele: null, pendingRset: false, continues: false });
    return s;
  }

  #engine(s: TrackedSession, event: unknown, time: number): void {
    if (typeof event !== 'object' || event === null) return;
    const e = event as { kind?: unknown; to?: unknown; account?: unknown };
    if (e.kind === 'state' && typeof e.to === 'string') s.state = e.to;
    if (e.kind === 'maildrop' && typeof e.account === 'string') s.pop3Account = e.account;
    if (e.kind === 'update') s.pop3Deleted = [];
    if (e.kind === 'message') {
      const m = event as Omit<SubmittedMessage, 'time'>;
      // Accepted when the message's last line (".") arrived: the submission drawn ends there.
      const at = s.lines.at(-1)?.time ?? time;
      s.messages.push({ id: m.id, from: m.from, recipients: [...m.recipients], queued: [...m.queued], delivered: [...m.delivered], time: at });
    }
  }

  #text(s: TrackedSession, direction: 'client' | 'server', text: string, time: number): void {
    const p = this.#partial.get(s.id);
    if (!p) return;
    const lines = (p[direction] + text).split('\n');
    p[direction] = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.replace(/\r$/, '');
      s.lines.push({ direction, text: line, state: s.state, time, ending: raw.endsWith('\r') ? 'crlf' : 'lf' });
      if (s.lines.length > MAX_TRACKED_LINES) s.lines.splice(0, s.lines.length - MAX_TRACKED_LINES);
      if (direction === 'client') this.#command(s, p, line);
      else this.#reply(s, p, line);
    }
  }

  #command(s: TrackedSession, p: Partial, line: string): void {
    if (isPayloadLine(s.protocol, s.state)) {
      p.continues = s.protocol === 'imap' && isLiteralState(s.state);
      return;
    }
    // The rest of a command after its literal: a refusal that follows is the command's, named by its first line.
    if (p.continues) {
      p.continues = false;
      return;
    }
    s.refusal = { command: line, reply: '', state: s.state, rule: null };
    const pop3 = s.protocol === 'pop3' ? /^(DELE|RSET)\b\s*(\d*)/i.exec(line) : null;
    p.pendingDele = pop3?.[1]?.toUpperCase() === 'DELE' ? Number(pop3[2]) : null;
    p.pendingRset = pop3?.[1]?.toUpperCase() === 'RSET';
  }

  #reply(s: TrackedSession, p: Partial, line: string): void {
    const pending = s.refusal;
    if (pending && pending.reply === '' && isFinalReply(s.protocol, line)) {
      if (isRefusal(s.protocol, line)) {
        pending.reply = line;
        pending.rule = explainRuleBreak(s.protocol, pending.state, pending.command, line);
      } else {
        s.refusal = null;
      }
    }
    if (s.protocol !== 'pop3' || !line.startsWith('+OK')) return;
    if (p.pendingDele !== null && p.pendingDele > 0 && !s.pop3Deleted.includes(p.pendingDele)) s.pop3Deleted = [...s.pop3Deleted, p.pendingDele];
    if (p.pendingRset) s.pop3Deleted = [];
    p.pendingDele = null;
    p.pendingRset = false;
  }

  #changed(): void {
    this.#version++;
    for (const l of [...this.#listeners]) l();
  }
}

/** The line that ends a reply: SMTP `250 ` (not `250-`), POP3 `+OK`/`-ERR`, IMAP tagged or `* BAD`. */
export function isFinalReply(protocol: MailProtocol, line: string): boolean {
  if (protocol === 'smtp') return /^\d{3}(?: |$)/.test(line);
  if (protocol === 'pop3') return /^(\+OK|-ERR)/.test(line);
  return /^[^*+\s]+ (OK|NO|BAD)\b/i.test(line) || /^\* BAD\b/i.test(line);
}

/** A refusal the state panel explains: SMTP 5xx/4xx, POP3 -ERR, IMAP NO/BAD. */
export function isRefusal(protocol: MailProtocol, line: string): boolean {
  if (protocol === 'smtp') return /^[45]\d\d/.test(line);
  if (protocol === 'pop3') return line.startsWith('-ERR');
  return /^\S+ (NO|BAD)\b/i.test(line);
}
