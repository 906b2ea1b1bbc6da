/**
 * A session as a pcapng file Wireshark opens: the section header, one raw-IPv4 interface, the
 * TLS key log (when there is one) in a Decryption Secrets Block ahead of the packets it decrypts,
 * then every TCP segment of the connection as an Enhanced Packet Block.
 */
import { concatBytes } from '../wire/bytes.ts';
import { decryptionSecrets, enhancedPacket, interfaceDescription, sectionHeader } from './pcapng-blocks.ts';
import { tcpFlow, type FlowInput } from './tcp-flow.ts';

export interface CaptureInput extends FlowInput {
  /**
   * NSS key log lines (SSLKEYLOGFILE: `CLIENT_HANDSHAKE_TRAFFIC_SECRET <client random> <secret>`
   * …), as TLS 1.3 connections report them in `keylog` events. Optional: a session without TLS,
   * or whose TLS does not expose its secrets, is captured without them.
   */
  keyLog?: readonly string[];
}

/** 20 octets of IPv4 header, 24 of TCP header at most, the largest payload. */
const HEADERS = 44;
/** An NSS key log line: a label, then hex fields (Wireshark reads nothing else from the block). */
const KEY_LOG_LINE = /^[A-Z_0-9]+( [0-9a-fA-F]+)+$/;

export function capturePcapng(input: CaptureInput): Uint8Array {
  const keyLog = input.keyLog ?? [];
  const bad = keyLog.find((l) => !KEY_LOG_LINE.test(l));
  if (bad !== undefined) throw new Error(`not an NSS key log line: ${JSON.stringify(bad.slice(0, 80))}`);
  const packets = tcpFlow(input);
  // A loop, not Math.max(...spread): a long session has more packets than a call has arguments.
  const snapLength = packets.reduce((max, p) => Math.max(max, p.packet.length), HEADERS);
  return concatBytes([
    sectionHeader('Mailwire'),
    interfaceDescription('mailwire', snapLength),
    ...(keyLog.length ? [decryptionSecrets(keyLog)] : []),
    // The session's clock counts milliseconds; pcapng's default resolution is microseconds.
    ...packets.map((p) => enhancedPacket(Math.round(p.time * 1000), p.packet)),
  ]);
}
