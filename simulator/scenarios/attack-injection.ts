/**
 * STARTTLS command injection (CVE-2011-0411 in Postfix, and many servers again in 2021): an
 * attacker appends a command to the client's STARTTLS in the same plaintext packet. A server
 * that keeps its input buffer at the TLS switch later runs that command as if the client had
 * sent it inside TLS. RFC 3207 §4.2 (and RFC 2595 §3.1, RFC 9051 §6.2.1) require the server to
 * forget everything from before TLS; our engines clear their buffers (LineBuffer.clear()).
 * This scripted demonstration sends the injected packet and shows which replies came back.
 */
import { ScriptedSession } from './attack-session.ts';
import { portSpec, type MailProtocol } from '../world/ports.ts';
import type { VirtualNetwork } from '../net/virtual-network.ts';

interface InjectionScript {
  /** STARTTLS plus the attacker's command, in one packet. */
  packet: string;
  injected: string;
  /** What the client sends first after the handshake, and how a reply to it starts. */
  probe: string;
  /** Replies after TLS: more than the probe's means the injected command ran. */
  countReplies(text: string): number;
  before?: string;
}

const SCRIPTS: Record<MailProtocol, InjectionScript> = {
  smtp: {
    before: 'EHLO laptop.example',
    packet: 'STARTTLS\r\nNOOP injected-by-eve',
    injected: 'NOOP injected-by-eve',
    probe: 'NOOP',
    countReplies: (text) => text.split('\r\n').filter((l) => /^\d{3} /.test(l)).length,
  },
  pop3: {
    packet: 'STLS\r\nNOOP',
    injected: 'NOOP',
    probe: 'NOOP',
    countReplies: (text) => text.split('\r\n').filter((l) => /^(\+OK|-ERR)/.test(l)).length,
  },
  imap: {
    packet: 'i1 STARTTLS\r\neve1 NOOP',
    injected: 'eve1 NOOP',
    probe: 'i2 NOOP',
    countReplies: (text) => text.split('\r\n').filter((l) => /^(i2|eve1) /.test(l)).length,
  },
};

export interface InjectionResult {
  host: string;
  port: number;
  protocol: MailProtocol;
  /** The plaintext packet the server received: the client's STARTTLS and the attacker's command. */
  packet: string;
  injected: string;
  /** The server's plaintext answer to the packet (only the STARTTLS reply when safe). */
  plaintextReply: string;
  /** Replies the client got inside TLS to its first command. */
  replyInsideTls: string;
  /** True when the server threw the injected command away. */
  discarded: boolean;
  sessionId: string | null;
  explanation: string;
  transcript: string[];
}

export async function starttlsInjection(network: VirtualNetwork, host: string, port: number): Promise<InjectionResult> {
  const spec = portSpec(port);
  if (!spec || spec.tls !== 'starttls') throw new Error(`port ${port} has no STARTTLS to inject after`);
  const script = SCRIPTS[spec.protocol];
  const base = { host, port, protocol: spec.protocol, packet: script.packet + '\r\n', injected: script.injected };
  const s = await ScriptedSession.open(network, host, port, { tlsLayer: 'records', origin: 'client' });
  if (typeof s === 'string') return { ...base, plaintextReply: '', replyInsideTls: '', discarded: false, sessionId: null, explanation: s, transcript: [] };
  if (script.before) await s.say(script.before);
  const plaintextReply = await s.say(script.packet);
  const tls = await s.startTls();
  const replyInsideTls = tls ? await s.say(script.probe) : '';
  await s.close();
  const replies = script.countReplies(replyInsideTls);
  const discarded = tls !== null && replies === 1;
  const explanation = !tls
    ? `TLS did not start: ${s.error ?? 'no handshake'}`
    : discarded
      ? `the server dropped "${script.injected}" at the TLS switch: inside TLS only the client's own "${script.probe}" was answered (RFC 3207 §4.2)`
      : `VULNERABLE: the server ran "${script.injected}" inside TLS as if the client had sent it (${replies} replies to one command)`;
  return { ...base, plaintextReply, replyInsideTls, discarded, sessionId: s.connection.session.id, explanation, transcript: s.transcript };
}
