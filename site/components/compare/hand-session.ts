/**
 * "Take over by hand": the learner drives one device's connection from a typed-line console.
 * The console (../wire/ClientConsole.tsx) takes a VirtualNetwork; this hands it a view of the
 * page's own network whose connections come from the device's address and copy every plaintext
 * line, both ways, into the device's transcript (above TLS, so STLS/STARTTLS does not hide them).
 */
import type { Device } from '../../../simulator/clients/device.ts';
import type { DeviceName, Side } from '../../../simulator/scenarios/compare-scenario.ts';
import { SCENARIO } from '../../../simulator/scenarios/compare-config.ts';
import type { TranscriptDirection } from '../../../simulator/clients/transcript.ts';
import type { ConnectionEvent, ConnectionSink, ConnectOptions, ConnectResult, VirtualNetwork } from '../../../simulator/net/virtual-network.ts';

/** Splits a byte stream into lines for the transcript, holding a partial line until its CRLF. */
class LineTap {
  private partial = '';
  private readonly decoder = new TextDecoder();

  constructor(private readonly emit: (text: string) => void) {}

  push(bytes: Uint8Array): void {
    const text = this.partial + this.decoder.decode(bytes, { stream: true });
    const lines = text.split(/\r?\n/);
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.emit(line);
  }
}

/** The network as the hand console sees it: the same world and server, the device's address. */
export function handNetwork(network: VirtualNetwork, device: Device, side: Side, name: DeviceName, onLine: () => void): VirtualNetwork {
  const record = (direction: TranscriptDirection, text: string): void => {
    device.transcript.append({ direction, text: direction === 'C' ? `${text}   (typed by hand)` : text }, device.now());
    onLine();
  };
  const view = Object.create(network) as VirtualNetwork;
  view.connect = (target: string, port: number, options: ConnectOptions = {}): ConnectResult => {
    const result = network.connect(target, port, { ...options, origin: 'client', from: { address: SCENARIO.addresses[side][name], name: `${side} ${name} (by hand)` } });
    if (!result.ok) {
      device.transcript.note(`by hand: ${result.message}`, device.now());
      return result;
    }
    const connection = result.connection;
    const sent = new LineTap((text) => record('C', text));
    const heard = new LineTap((text) => record('S', text));
    const send = connection.send.bind(connection);
    const open = connection.open.bind(connection);
    connection.send = (bytes: Uint8Array): void => {
      sent.push(bytes);
      send(bytes);
    };
    connection.open = (sink: ConnectionSink): void => {
      device.transcript.note(`taken over by hand: connecting to ${target} port ${port}`, device.now());
      open((event: ConnectionEvent) => {
        if (event.type === 'data') heard.push(event.bytes);
        if (event.type === 'tls') device.transcript.note('by hand: TLS is up', device.now());
        if (event.type === 'closed') device.transcript.note(`by hand: connection closed by the ${event.by}`, device.now());
        sink(event);
        onLine();
      });
    };
    return result;
  };
  return view;
}
