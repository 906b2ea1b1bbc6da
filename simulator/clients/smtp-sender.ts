/**
 * Someone else sending mail into the scenario: a real SMTP submission (RFC 6409, port 587:
 * STARTTLS, AUTH PLAIN) with the SMTP client engine over the virtual network, recorded in its
 * own transcript like the devices' so the verdict can link to the 250 that delivered it.
 */
import { SmtpClient, type SmtpClientEvent, type SmtpClientResult } from '../smtp/client.ts';
import { rfc5322Date } from '../mime/date.ts';
import type { Connector } from '../transport.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { ClientConnection, type ByteCounters } from './client-driver.ts';
import type { DeviceResult } from './device.ts';
import { Transcript, type WireLine } from './transcript.ts';

export interface SenderOptions {
  name: string;
  address: string;
  password: string;
  host: string;
  connector: Connector;
  now: () => number;
  sequence?: () => number;
}

export interface Letter {
  to: string[];
  subject: string;
  body: string;
  messageId: string;
}

export class SmtpSender {
  readonly transcript: Transcript;
  readonly counters: ByteCounters = { sent: 0, received: 0 };

  constructor(readonly options: SenderOptions) {
    this.transcript = new Transcript(`smtp-${options.name}`, options.sequence ? { sequence: options.sequence } : {});
  }

  /** Submits one message; resolves when the session is over, with the line of the deciding reply. */
  send(letter: Letter): Promise<DeviceResult & { result: SmtpClientResult | null }> {
    const { address, password, host, connector, now } = this.options;
    const client = new SmtpClient({
      clientName: `${this.options.name}.example.net`,
      tls: 'required',
      credentials: { user: address, password },
      from: address,
      to: letter.to,
      message: utf8Bytes(compose(address, letter, now())),
    });
    const transport = connector.connect(host, 587);
    return new Promise((resolve) => {
      let result: SmtpClientResult | null = null;
      let dataRef: string | null = null;
      new ClientConnection(transport, client, {
        now,
        transcript: this.transcript,
        counters: this.counters,
        wire: (e) => (e.kind === 'reply' ? replyLines(e) : null),
        onEvent: (e, ref) => {
          if (e.kind === 'reply' && e.command === 'message') dataRef = ref;
          if (e.kind === 'done') result = e.result;
        },
        onClosed: () => {
          const delivered = result?.recipients.filter((r) => r.outcome === 'delivered').length ?? 0;
          const ok = result !== null && delivered === letter.to.length;
          const text = ok ? `delivered to ${letter.to.join(', ')}` : (result?.failure?.reason ?? `delivered to ${delivered} of ${letter.to.length}`);
          resolve({ ok, text, ref: dataRef ?? this.transcript.lastId, result });
        },
      });
    });
  }
}

function replyLines(e: Extract<SmtpClientEvent, { kind: 'reply' }>): WireLine[] {
  const { code, lines } = e.reply;
  return lines.map((text, i) => ({ direction: 'S' as const, text: `${code}${i < lines.length - 1 ? '-' : ' '}${text}` }));
}

/** RFC 5322 §3.6: the fields a real client writes, with CRLF line ends. */
function compose(from: string, letter: Letter, now: number): string {
  return [
    `From: ${from}`,
    `To: ${letter.to.join(', ')}`,
    `Subject: ${letter.subject}`,
    `Date: ${rfc5322Date(now)}`,
    `Message-ID: ${letter.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...letter.body.split(/\r?\n/),
  ].join('\r\n') + '\r\n';
}
