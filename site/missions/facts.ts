/**
 * Questions a mission's checklist asks about one connection of a run: did the server greet, when
 * did TLS start, who logged in, which messages did it accept. Built on the exercises' exchanges
 * (../exercises/checks.ts) and the eavesdropper's credential reader, so a "logged in as Alice"
 * tick means the server accepted Alice's own credentials, whatever mechanism carried them.
 */
import { CredentialSniffer } from '../../simulator/net/attack-credentials.ts';
import { portSpec, type MailProtocol } from '../../simulator/world/ports.ts';
import { exchanges, type Exchange } from '../exercises/checks.ts';
import type { RunResult, SessionRun } from '../exercises/types.ts';

export function protocolOf(session: SessionRun): MailProtocol | undefined {
  return portSpec(session.port)?.protocol;
}

/** The connections of a run to `host` on one of `ports` (any port when none is given). */
export function sessionsTo(run: RunResult, host: string, ports: readonly number[] = []): SessionRun[] {
  return run.sessions.filter((s) => s.host.toLowerCase() === host && (ports.length === 0 || ports.includes(s.port)));
}

/** Per session, its exchanges as of how many lines it had: every item asks again (lines only grow). */
const cache = new WeakMap<SessionRun, { lines: number; exchanges: Exchange[] }>();

/** The session's commands with their replies, in order. */
export function dialogue(run: RunResult, session: SessionRun): Exchange[] {
  const hit = cache.get(session);
  if (hit && hit.lines === session.lines.length) return hit.exchanges;
  const found = exchanges({ ...run, sessions: [session] });
  cache.set(session, { lines: session.lines.length, exchanges: found });
  return found;
}

/** The server spoke first and said yes: SMTP 220 (RFC 5321 §4.2), POP3 +OK (RFC 1939 §4), IMAP * OK (RFC 9051 §7.1.1). */
export function greeted(session: SessionRun): boolean {
  const first = session.lines.find((l) => l.from === 'S')?.text ?? '';
  return /^(?:220[ -]|\+OK|\* OK\b|\* PREAUTH\b)/i.test(first);
}

/** The line that completes a command successfully, by protocol. */
export function succeeded(protocol: MailProtocol | undefined, replies: readonly string[]): boolean {
  if (protocol === 'smtp') return replies.some((r) => /^[23]\d\d /.test(r));
  if (protocol === 'pop3') return replies.some((r) => r.startsWith('+OK'));
  return replies.some((r) => /^[^*+\s]+ OK\b/i.test(r));
}

/** The first exchange whose command matches and that the server accepted, with its index. */
export function accepted(run: RunResult, session: SessionRun, command: RegExp, from = 0): { index: number; exchange: Exchange } | null {
  const all = dialogue(run, session);
  for (let i = from; i < all.length; i++) {
    const e = all[i]!;
    if (command.test(e.command) && succeeded(protocolOf(session), e.replies)) return { index: i, exchange: e };
  }
  return null;
}

/** The first exchange whose command matches and whose replies have a line matching `reply`. */
export function answeredWith(run: RunResult, session: SessionRun, command: RegExp, reply: RegExp, from = 0): number {
  const all = dialogue(run, session);
  for (let i = from; i < all.length; i++) {
    const e = all[i]!;
    if (command.test(e.command) && e.replies.some((r) => reply.test(r))) return i;
  }
  return -1;
}

const TLS_COMMAND = /^(?:\S+\s+)?(?:STARTTLS|STLS)\s*$/i;

/**
 * The index of the first exchange sent inside TLS: 0 on an implicit-TLS port (RFC 8314 §3),
 * the one after an agreed STARTTLS/STLS (RFC 3207 §4, RFC 2595 §4, RFC 9051 §6.2.1), else -1.
 */
export function tlsFrom(run: RunResult, session: SessionRun): number {
  if (portSpec(session.port)?.tls === 'implicit') return 0;
  const upgrade = accepted(run, session, TLS_COMMAND);
  return upgrade ? upgrade.index + 1 : -1;
}

/** Who the server let in, and at which exchange: the first credentials it accepted. */
export function loggedIn(run: RunResult, session: SessionRun): { user: string; index: number } | null {
  const protocol = protocolOf(session);
  if (!protocol) return null;
  const sniffer = new CredentialSniffer(protocol);
  const all = dialogue(run, session);
  for (let i = 0; i < all.length; i++) {
    const e = all[i]!;
    const found = sniffer.push(new TextEncoder().encode(`${e.command}\r\n`), 0);
    const credential = found.at(-1);
    // SMTP 235 (RFC 4954 §6), POP3 +OK to PASS (RFC 1939 §7), IMAP tagged OK (RFC 9051 §6.2.3).
    if (credential && succeeded(protocol, e.replies) && !e.replies.some((r) => /^334 /.test(r))) return { user: credential.user.toLowerCase(), index: i };
  }
  return null;
}

/** The login names `address`: in full, or as the bare local part a server resolves in its domain. */
export function isUser(login: string, address: string): boolean {
  return login === address || `${login}@${address.split('@')[1]}` === address;
}

/** The exchange index at which `address` logged in inside TLS (after the upgrade, or on an implicit-TLS port), else -1. */
export function loginOverTls(run: RunResult, session: SessionRun, address: string): number {
  const login = loggedIn(run, session);
  const tls = tlsFrom(run, session);
  return login !== null && isUser(login.user, address) && tls >= 0 && login.index >= tls ? login.index : -1;
}

/** Queue ids of the messages an SMTP server accepted after DATA (RFC 5321 §4.1.1.4: 250 after the "."). */
export function queuedIds(run: RunResult, session: SessionRun): Array<{ id: string; index: number }> {
  const out: Array<{ id: string; index: number }> = [];
  dialogue(run, session).forEach((e, index) => {
    for (const r of e.replies) {
      const id = /^250 .*queued as (\S+)/.exec(r)?.[1];
      if (id && e.command === '.') out.push({ id, index });
    }
  });
  return out;
}
