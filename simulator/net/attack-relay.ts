/**
 * The SMTP client engine (the one the MTA relays with) through an attacker, on real TLS: the
 * session runs asynchronously, unlike runSmtpSession, so the records are really encrypted.
 * Server-to-server SMTP on port 25 uses STARTTLS opportunistically (RFC 3207 §4.1): a stripping
 * attacker turns the relay into plaintext and reads the message (the reason for MTA-STS,
 * RFC 8461, and DANE, RFC 7672). A client with TLS 'required' stops instead.
 */
import type { Output } from '../engine.ts';
import { SmtpClient, type SmtpClientEvent, type SmtpClientOptions, type SmtpClientResult } from '../smtp/client.ts';
import { latin1Text } from '../wire/bytes.ts';
import { newReport, type AttackReport } from './attack-types.ts';
import type { ConnectOptions, VirtualNetwork } from './virtual-network.ts';

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

/** Runs one SMTP client session to `target:port` and waits for it to end. */
export async function runSmtpClient(network: VirtualNetwork, target: string, port: number, options: SmtpClientOptions, connect: ConnectOptions = {}): Promise<RelayOutcome> {
  const opened = network.connect(target, port, { tlsLayer: 'records', origin: 'mta', ...connect });
  if (!opened.ok) return { sessionId: null, result: null, events: [], attack: newReport(connect.attack ?? {}), messageExposed: false, error: opened.message };
  const connection = opened.connection;
  const client = new SmtpClient(options);
  const events: SmtpClientEvent[] = [];
  let error: string | null = null;
  const now = network.now;
  const apply = (outputs: Output<SmtpClientEvent>[]): void => {
    for (const out of outputs) {
      if (out.type === 'write') connection.send(out.bytes);
      else if (out.type === 'starttls') connection.startTls();
      else if (out.type === 'close') connection.close();
      else if (out.type === 'event') events.push(out.event);
    }
  };
  apply(client.start(now()));
  connection.open((event) => {
    if (event.type === 'data') apply(client.feed(event.bytes, now()));
    else if (event.type === 'tls') apply(client.tlsStarted(event.info, now()));
    else if (event.type === 'error') error = event.message;
    else if (event.type === 'closed') apply(client.closed(now()));
  });
  await network.settle();
  if (client.state !== 'done') {
    connection.close('the session stalled');
    await network.settle();
  }
  const body = latin1Text(options.message);
  const firstLine = body.split('\r\n').find((l) => l.length > 0) ?? body;
  const plaintext = connection.session.entries.filter((e) => !e.tls && e.direction === 'to-server').map((e) => latin1Text(e.bytes)).join('');
  return {
    sessionId: connection.session.id, result: client.result, events, error,
    attack: connection.attack ?? newReport(connect.attack ?? {}),
    messageExposed: firstLine.length > 0 && plaintext.includes(firstLine),
  };
}
