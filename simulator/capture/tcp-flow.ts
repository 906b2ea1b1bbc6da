/**
 * The TCP segments a connection would have put on the wire for a timeline of writes: the
 * three-way handshake (RFC 9293 §3.5), data segments no larger than the MSS whose sequence
 * numbers advance by their payload and which acknowledge everything the peer sent so far
 * (§3.4), and the FIN exchange at close (§3.6). No retransmissions, no window changes: a capture
 * of a loss-free loopback connection.
 */
import { ipv4TcpPacket, TCP_FLAG, wireEndpoint, type Endpoint, type Segment, type WireEndpoint } from './ipv4-tcp.ts';

export type Direction = 'to-server' | 'to-client';

/** What one end wrote, when (milliseconds on the session's clock). */
export interface TimedWrite {
  time: number;
  direction: Direction;
  bytes: Uint8Array;
}

export interface FlowInput {
  client: Endpoint;
  server: Endpoint;
  openedAt: number;
  writes: readonly TimedWrite[];
  /** Who closed and when; without it the capture ends with the last write. */
  closed?: { time: number; by: 'client' | 'server' };
  /** Initial sequence numbers (RFC 9293 §3.4.1); fixed by default so a capture is reproducible. */
  isn?: { client: number; server: number };
  /** Maximum segment size, announced on SYN and SYN-ACK: 1460 fits an Ethernet MTU of 1500. */
  mss?: number;
}

export interface TimedPacket {
  time: number;
  packet: Uint8Array;
}

export const DEFAULT_MSS = 1460;
const DEFAULT_ISN = { client: 0x6d61696c, server: 0x77697265 };

interface Side {
  end: WireEndpoint;
  /** Next sequence number to send. */
  next: number;
  id: number;
}

export function tcpFlow(input: FlowInput): TimedPacket[] {
  const mss = input.mss ?? DEFAULT_MSS;
  if (!Number.isInteger(mss) || mss < 1 || mss > 65495) throw new Error(`an MSS must be 1 to 65495 octets, got ${mss}`);
  const isn = input.isn ?? DEFAULT_ISN;
  const client: Side = { end: wireEndpoint(input.client), next: isn.client >>> 0, id: 1 };
  const server: Side = { end: wireEndpoint(input.server), next: isn.server >>> 0, id: 1 };
  const packets: TimedPacket[] = [];
  const send = (time: number, from: Side, to: Side, flags: number, payload: Uint8Array = new Uint8Array(0), withMss = false): void => {
    const segment: Segment = { from: from.end, to: to.end, seq: from.next, ack: to.next, flags, id: from.id++, payload };
    if (withMss) segment.mss = mss;
    packets.push({ time, packet: ipv4TcpPacket(segment) });
    // SYN and FIN each take one sequence number (RFC 9293 §3.4).
    const consumed = payload.length + (flags & (TCP_FLAG.syn | TCP_FLAG.fin) ? 1 : 0);
    from.next = (from.next + consumed) >>> 0;
  };
  send(input.openedAt, client, server, TCP_FLAG.syn, undefined, true);
  send(input.openedAt, server, client, TCP_FLAG.syn | TCP_FLAG.ack, undefined, true);
  send(input.openedAt, client, server, TCP_FLAG.ack);
  for (const w of input.writes) {
    const [from, to] = w.direction === 'to-server' ? [client, server] : [server, client];
    for (let at = 0; at < w.bytes.length; at += mss) {
      const last = at + mss >= w.bytes.length;
      // PSH on the segment that ends the write, as a stack sets it when its send buffer empties.
      send(w.time, from, to, TCP_FLAG.ack | (last ? TCP_FLAG.psh : 0), w.bytes.subarray(at, at + mss));
    }
  }
  if (input.closed) {
    const [closer, peer] = input.closed.by === 'client' ? [client, server] : [server, client];
    const t = input.closed.time;
    send(t, closer, peer, TCP_FLAG.fin | TCP_FLAG.ack);
    send(t, peer, closer, TCP_FLAG.fin | TCP_FLAG.ack);
    send(t, closer, peer, TCP_FLAG.ack);
  }
  return packets;
}
