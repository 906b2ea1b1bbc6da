/**
 * Plays an SMTP client against a scripted server in the RFCs' notation:
 *   S: 220 mx.example.net ESMTP     (fed to the client; consecutive S: lines go in one chunk)
 *   C: EHLO mail.example.com        (the next line the client must have written)
 * A `starttls` output is answered at once with a finished handshake.
 */
import { expect } from 'vitest';
import type { Output, TlsInfo } from '../engine.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import type { SmtpClient, SmtpClientEvent } from './client.ts';

export const TEST_TLS: TlsInfo = { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', serverName: 'mx.example.net' };
export const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);

export interface Played {
  client: SmtpClient;
  written: string[];
  outputs: Output<SmtpClientEvent>[];
  closed: boolean;
}

export function playClient(client: SmtpClient, script: string, mode: 'chunk' | 'bytewise' = 'chunk'): Played {
  const played: Played = { client, written: [], outputs: [], closed: false };
  let pendingText = '';
  const take = (outs: Output<SmtpClientEvent>[]): void => {
    for (const o of outs) {
      played.outputs.push(o);
      if (o.type === 'write') pendingText += utf8Text(o.bytes);
      if (o.type === 'close') played.closed = true;
      if (o.type === 'starttls') take(client.tlsStarted(TEST_TLS, NOW));
    }
    const parts = pendingText.split('\r\n');
    pendingText = parts.pop() ?? '';
    played.written.push(...parts);
  };
  take(client.start(NOW));
  const steps = script.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  let serverChunk = '';
  const flushServer = (): void => {
    if (!serverChunk) return;
    const bytes = utf8Bytes(serverChunk);
    serverChunk = '';
    if (mode === 'chunk') take(client.feed(bytes, NOW));
    else for (let i = 0; i < bytes.length; i++) take(client.feed(bytes.subarray(i, i + 1), NOW));
  };
  let cursor = 0;
  for (const step of steps) {
    const body = step.slice(3);
    if (step.startsWith('S:')) {
      serverChunk += body + '\r\n';
      continue;
    }
    flushServer();
    if (!step.startsWith('C:')) throw new Error(`unknown step ${step}`);
    expect(played.written[cursor], `client line ${cursor + 1}; written so far:\n${played.written.join('\n')}`).toBe(body);
    cursor++;
  }
  flushServer();
  expect(played.written.slice(cursor), 'the client wrote more than the script expects').toEqual([]);
  return played;
}

export function events(played: Played): SmtpClientEvent[] {
  return played.outputs.flatMap((o) => (o.type === 'event' ? [o.event] : []));
}
