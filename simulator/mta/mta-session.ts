/**
 * One SMTP client session across the virtual network: the client engine on one end, the
 * destination's server engine on the other. The MTA relays with it, and the attack scenarios
 * (./attack-relay.ts) put an attacker on its path. The session runs asynchronously because TLS
 * records are really encrypted (WebCrypto); a plaintext session still completes inside `open`.
 */
import type { Output } from '../engine.ts';
import { SmtpClient, type SmtpClientEvent, type SmtpClientOptions, type SmtpClientResult } from '../smtp/client.ts';
import type { TransportErrorCode } from '../transport.ts';
import type { ConnectOptions, SessionRecord, VirtualNetwork } from '../net/virtual-network.ts';

export type SmtpSessionOutcome =
  | { connected: false; code: TransportErrorCode; message: string }
  | {
      connected: true;
      sessionId: string;
      /** The recorded session (its wire entries, and the attacker's report when there was one). */
      session: SessionRecord;
      result: SmtpClientResult;
      events: SmtpClientEvent[];
      /** Why the connection failed under the client (a TLS alert, a dropped connection), or null. */
      error: string | null;
    };

/** Runs one SMTP client session to `target:port` and waits for it to end. */
export async function runSmtpSession(
  network: VirtualNetwork,
  target: string,
  port: number,
  clientOptions: SmtpClientOptions,
  connect: ConnectOptions = {},
): Promise<SmtpSessionOutcome> {
  const opened = network.connect(target, port, connect);
  if (!opened.ok) return { connected: false, code: opened.code, message: opened.message };
  const connection = opened.connection;
  const client = new SmtpClient(clientOptions);
  const events: SmtpClientEvent[] = [];
  let error: string | null = null;
  const now = network.now;
  const apply = (outputs: Output<SmtpClientEvent>[]): void => {
    for (const out of outputs) {
      if (out.type === 'write') connection.send(out.bytes);
      else if (out.type === 'starttls') connection.startTls();
      else if (out.type === 'close') connection.close();
      else if (out.type === 'event') events.push(out.event);
      // Timers need no scheduling: the session ends once both ends are idle, or is ended below.
    }
  };
  apply(client.start(now()));
  connection.open((event) => {
    if (event.type === 'data') apply(client.feed(event.bytes, now()));
    else if (event.type === 'tls') apply(client.tlsStarted(event.info, now()));
    else if (event.type === 'error') error = event.message;
    else if (event.type === 'closed') apply(client.closed(now()));
  });
  // Every reply makes the client send, and every send is a step of this connection: once its
  // steps are done, the session is over or the server waits for something other than our bytes.
  await connection.idle();
  if (client.state !== 'done') {
    // A stalled server: end the session as a timeout would.
    connection.close('the session stalled');
    await connection.idle();
  }
  if (client.state !== 'done') apply(client.closed(now()));
  return { connected: true, sessionId: connection.session.id, session: connection.session, result: client.result!, events, error };
}
