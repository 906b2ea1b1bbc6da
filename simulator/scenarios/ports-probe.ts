/**
 * "Try all" for the ports explorer: connect to each mail port of a virtual host and record what
 * the engines actually did: the banner, how TLS starts (from the first byte, or STARTTLS/STLS
 * offered, or not at all), whether AUTH was offered before TLS (from EHLO/CAPA/CAPABILITY before
 * any STARTTLS), and whether the handshake then works. Nothing here is a claim from a table.
 */
import type { TlsInfo } from '../engine.ts';
import { ScriptedSession } from './attack-session.ts';
import { portSpec, type MailProtocol, type PortRole, type TlsMode } from '../world/ports.ts';
import type { VirtualNetwork } from '../net/virtual-network.ts';

/** The ports the explorer lists: the mail ports, and 26, which nothing registers. */
export const PROBE_PORTS = [25, 465, 587, 2525, 26, 110, 995, 143, 993] as const;

export interface ProbeRow {
  port: number;
  /** From the port table; null for a port that is not a mail port (26). */
  protocol: MailProtocol | null;
  role: PortRole | null;
  status: 'open' | 'refused';
  /** The first line the server sent (after the handshake on implicit-TLS ports). */
  banner: string | null;
  /** What the server did: TLS from the first byte, STARTTLS/STLS offered, or neither. */
  tls: TlsMode;
  /** The STARTTLS/STLS handshake (or the implicit one) completed. */
  tlsWorks: boolean;
  /** AUTH (or USER, or LOGIN) offered on the plaintext connection; null when there was none. */
  authBeforeTls: boolean | null;
  /** Mechanisms offered once TLS was on. */
  authAfterTls: string[];
  certificate: TlsInfo['certificate'] | null;
  /** Why the port was refused, or what went wrong. */
  error: string | null;
}

interface Capabilities {
  starttls: boolean;
  auth: string[];
}

type Ask = (s: ScriptedSession, greeting: string) => Promise<Capabilities>;

/** @rfc 3207#4 EHLO lists STARTTLS and AUTH; @rfc 2595#4 CAPA lists STLS, SASL and USER; @rfc 9051#7.2.2 CAPABILITY. */
const CAPABILITIES: Record<MailProtocol, { ask: Ask; command: string; ok: RegExp }> = {
  smtp: {
    command: 'STARTTLS',
    ok: /^220 /m,
    async ask(s) {
      const ehlo = await s.say('EHLO probe.example');
      const auth = /^250[- ]AUTH[ =](.*)$/im.exec(ehlo)?.[1]?.trim().split(/\s+/) ?? [];
      return { starttls: /^250[- ]STARTTLS\s*$/im.test(ehlo), auth };
    },
  },
  pop3: {
    command: 'STLS',
    ok: /^\+OK/,
    async ask(s) {
      const capa = await s.say('CAPA');
      const sasl = /^SASL (.*)$/im.exec(capa)?.[1]?.trim().split(/\s+/) ?? [];
      return { starttls: /^STLS\s*$/im.test(capa), auth: [...(/^USER\s*$/im.test(capa) ? ['USER'] : []), ...sasl] };
    },
  },
  imap: {
    command: 'p1 STARTTLS',
    ok: /^p1 OK/m,
    async ask(s, greeting) {
      const text = !s.tls && /\[CAPABILITY /i.test(greeting) ? greeting : await s.say('p0 CAPABILITY');
      const caps = /CAPABILITY ([^\]\r\n]*)/i.exec(text)?.[1]?.split(/\s+/) ?? [];
      const auth = caps.filter((c) => /^AUTH=/i.test(c)).map((c) => c.slice(5));
      if (!caps.some((c) => /^LOGINDISABLED$/i.test(c))) auth.unshift('LOGIN');
      return { starttls: caps.some((c) => /^STARTTLS$/i.test(c)), auth };
    },
  },
};

const QUIT: Record<MailProtocol, string> = { smtp: 'QUIT', pop3: 'QUIT', imap: 'p9 LOGOUT' };

/** Probes one port; never throws for anything the server does. */
export async function probePort(network: VirtualNetwork, host: string, port: number): Promise<ProbeRow> {
  const spec = portSpec(port);
  const row: ProbeRow = {
    port, protocol: spec?.protocol ?? null, role: spec?.role ?? null, status: 'refused', banner: null,
    tls: 'none', tlsWorks: false, authBeforeTls: null, authAfterTls: [], certificate: null, error: null,
  };
  const s = await ScriptedSession.open(network, host, port, { tlsLayer: 'records', origin: 'client' });
  if (typeof s === 'string') return { ...row, error: s };
  row.status = 'open';
  const greeting = s.take();
  row.banner = greeting.split('\r\n')[0] || null;
  const protocol = s.connection.session.protocol;
  const probe = CAPABILITIES[protocol];
  if (s.tls) {
    row.tls = 'implicit';
    row.tlsWorks = true;
    row.authAfterTls = (await probe.ask(s, greeting)).auth;
  } else if (s.isOpen) {
    const plain = await probe.ask(s, greeting);
    row.authBeforeTls = plain.auth.length > 0;
    if (plain.starttls) {
      row.tls = 'starttls';
      row.tlsWorks = probe.ok.test(await s.say(probe.command)) && (await s.startTls()) !== null;
      if (row.tlsWorks) row.authAfterTls = (await probe.ask(s, '')).auth;
    }
  }
  row.certificate = s.tls?.certificate ?? null;
  if (!s.isOpen) row.error = s.error;
  await s.say(QUIT[protocol]);
  await s.close();
  return row;
}

/** "Try all": each port in turn, as the explorer's button does. */
export async function probeAllPorts(network: VirtualNetwork, host = 'mail.example.com', ports: readonly number[] = PROBE_PORTS): Promise<ProbeRow[]> {
  const rows: ProbeRow[] = [];
  for (const port of ports) rows.push(await probePort(network, host, port));
  return rows;
}
