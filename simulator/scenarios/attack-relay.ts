/**
 * The SMTP client engine (the one the MTA relays with) through an attacker, on real TLS.
 * Server-to-server SMTP on port 25 uses STARTTLS opportunistically (RFC 3207 §4.1): a stripping
 * attacker turns the relay into plaintext and reads the message (the reason for MTA-STS,
 * RFC 8461, and DANE, RFC 7672). A client with TLS 'required' stops instead.
 */
import type { SmtpClientEvent, SmtpClientOptions, SmtpClientResult } from '../smtp/client.ts';
import { latin1Text } from '../wire/bytes.ts';
import { newReport, type AttackReport } from '../net/attack-types.ts';
import { runSmtpSession } from '../mta/mta-session.ts';
import type { ConnectOptions, VirtualNetwork } from '../net/virtual-network.ts';

export interface RelayOutcome {
  sessionId: string | null;
  /** Null when the connection was refused. */
  result: SmtpClientResult | null;
  events: SmtpClientEvent[];
  attack: AttackReport;
  /** The message's text crossed the wire in clear: any observer could read it. */
  messageExposed: boolean;
  error: string | null;
}

/** Runs one relay session (./mta-session.ts) to `target:port` on real TLS records and judges what leaked. */
export async function runSmtpClient(network: VirtualNetwork, target: string, port: number, options: SmtpClientOptions, connect: ConnectOptions = {}): Promise<RelayOutcome> {
  const outcome = await runSmtpSession(network, target, port, options, { tlsLayer: 'records', origin: 'mta', ...connect });
  if (!outcome.connected) return { sessionId: null, result: null, events: [], attack: newReport(connect.attack ?? {}), messageExposed: false, error: outcome.message };
  const { session } = outcome;
  const body = latin1Text(options.message);
  const firstLine = body.split('\r\n').find((l) => l.length > 0) ?? body;
  const plaintext = session.entries.filter((e) => !e.tls && e.direction === 'to-server').map((e) => latin1Text(e.bytes)).join('');
  return {
    sessionId: outcome.sessionId, result: outcome.result, events: outcome.events, error: outcome.error,
    attack: session.attack ?? newReport(connect.attack ?? {}),
    messageExposed: firstLine.length > 0 && plaintext.includes(firstLine),
  };
}
