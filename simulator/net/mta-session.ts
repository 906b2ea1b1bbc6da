/**
 * One SMTP client session across the virtual network: the client engine on one end, the
 * destination's server engine on the other, run until the session ends. Both ends are sans-I/O,
 * so the whole conversation happens inside this call.
 */
import type { Output } from '../engine.ts';
import { SmtpClient, type SmtpClientEvent, type SmtpClientOptions, type SmtpClientResult } from '../smtp/client.ts';
import type { TransportErrorCode } from '../transport.ts';
import type { ConnectOptions, VirtualNetwork } from './virtual-network.ts';

export type SmtpSessionOutcome =
  | { connected: false; code: TransportErrorCode; message: string }
  | { connected: true; sessionId: string; result: SmtpClientResult; events: SmtpClientEvent[] };

export function runSmtpSession(
  network: VirtualNetwork,
  target: string,
  port: number,
  clientOptions: SmtpClientOptions,
  connect: ConnectOptions = {},
): SmtpSessionOutcome {
  const opened = network.connect(target, port, connect);
  if (!opened.ok) return { connected: false, code: opened.code, message: opened.message };
  const connection = opened.connection;
  const client = new SmtpClient(clientOptions);
  const events: SmtpClientEvent[] = [];
  const now = network.now;
  const apply = (outputs: Output<SmtpClientEvent>[]): void => {
    for (const out of outputs) {
      if (out.type === 'write') connection.send(out.bytes);
      else if (out.type === 'starttls') connection.startTls();
      else if (out.type === 'close') connection.close();
      else if (out.type === 'event') events.push(out.event);
      // Timers need no scheduling: the session completes within this call or is ended below.
    }
  };
  apply(client.start(now()));
  connection.open((event) => {
    if (event.type === 'data') apply(client.feed(event.bytes, now()));
    else if (event.type === 'tls') apply(client.tlsStarted(event.info, now()));
    else if (event.type === 'closed') apply(client.closed(now()));
  });
  // A server that waits for something other than our bytes would stall us: end it as a timeout would.
  if (client.state !== 'done') connection.close('the session stalled');
  if (client.state !== 'done') apply(client.closed(now()));
  return { connected: true, sessionId: connection.session.id, result: client.result!, events };
}
