/**
 * A connector that tells the lab which network session each connection opened, so the panels
 * can follow the terminal's session. STARTTLS is the terminal's own business (its Connection
 * starts TLS once the server agrees: simulator/observe/starttls-watch.ts).
 */
import type { Connector, Transport } from '../../simulator/transport.ts';

export class ReportingConnector implements Connector {
  constructor(
    private readonly inner: Connector,
    private readonly onConnect: (sessionId: string | null, host: string, port: number) => void,
  ) {}

  connect(host: string, port: number, options?: { tls?: 'none' | 'implicit' }): Transport {
    const transport = this.inner.connect(host, port, options);
    this.onConnect((transport as { sessionId?: string | null }).sessionId ?? null, host, port);
    return transport;
  }
}
