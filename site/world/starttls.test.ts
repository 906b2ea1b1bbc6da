import { describe, expect, it } from 'vitest';
import type { Connector, Transport, TransportEvent, TransportHandler } from '../../simulator/transport.ts';
import { StartTlsConnector, tlsAnswer, tlsRequest } from './starttls.ts';

describe('tlsRequest / tlsAnswer', () => {
  it('knows each protocol\'s request', () => {
    expect(tlsRequest('smtp', 'starttls')).toEqual({ tag: null });
    expect(tlsRequest('smtp', 'STARTTLS now')).toBeNull();
    expect(tlsRequest('pop3', 'STLS')).toEqual({ tag: null });
    expect(tlsRequest('imap', 'a7 STARTTLS')).toEqual({ tag: 'a7' });
    expect(tlsRequest('imap', 'STARTTLS')).toBeNull();
  });
  it('goes on 220 / +OK / the tagged OK, and gives up on a refusal', () => {
    expect(tlsAnswer('smtp', { tag: null }, '220 2.0.0 Ready to start TLS')).toBe('go');
    expect(tlsAnswer('smtp', { tag: null }, '454 4.7.0 TLS not available')).toBe('refused');
    expect(tlsAnswer('smtp', { tag: null }, '250-PIPELINING')).toBe('wait');
    expect(tlsAnswer('pop3', { tag: null }, '+OK Begin TLS')).toBe('go');
    expect(tlsAnswer('pop3', { tag: null }, '-ERR no')).toBe('refused');
    expect(tlsAnswer('imap', { tag: 'a1' }, '* OK still here')).toBe('wait');
    expect(tlsAnswer('imap', { tag: 'a1' }, 'a0 OK other')).toBe('wait');
    expect(tlsAnswer('imap', { tag: 'a1' }, 'a1 OK Begin TLS')).toBe('go');
    expect(tlsAnswer('imap', { tag: 'a1' }, 'a1 BAD no')).toBe('refused');
  });
});

class FakeTransport implements Transport {
  readonly label = 'fake';
  tls = null;
  sent: string[] = [];
  starts = 0;
  handlers = new Set<TransportHandler>();
  readonly sessionId = 's1';
  send(bytes: Uint8Array): void {
    this.sent.push(new TextDecoder().decode(bytes));
  }
  startTls(): void {
    this.starts++;
  }
  close(): void {}
  on(h: TransportHandler): () => void {
    this.handlers.add(h);
    return () => this.handlers.delete(h);
  }
  emit(e: TransportEvent): void {
    for (const h of this.handlers) h(e);
  }
}

const data = (text: string): TransportEvent => ({ type: 'data', bytes: new TextEncoder().encode(text) });

function setup(): { inner: FakeTransport; t: Transport; opened: Array<string | null> } {
  const inner = new FakeTransport();
  const opened: Array<string | null> = [];
  const connector: Connector = { connect: () => inner };
  const t = new StartTlsConnector(connector, { onConnect: (id) => opened.push(id) }).connect('mail.example.com', 587);
  return { inner, t, opened };
}

describe('StartTlsConnector', () => {
  it('starts TLS once the server agrees, after the reply is delivered, and reports the session', () => {
    const { inner, t, opened } = setup();
    const seen: string[] = [];
    t.on((e) => e.type === 'data' && seen.push(new TextDecoder().decode(e.bytes)));
    t.on(() => {});
    t.send(new TextEncoder().encode('STARTTLS\r\n'));
    inner.emit(data('220 2.0'));
    expect(inner.starts).toBe(0);
    inner.emit(data('.0 Ready\r\n'));
    expect(inner.starts).toBe(1);
    expect(seen.join('')).toBe('220 2.0.0 Ready\r\n');
    expect(opened).toEqual(['s1']);
  });
  it('does not start TLS twice when the terminal already did', () => {
    const { inner, t } = setup();
    t.on((e) => e.type === 'data' && t.startTls());
    t.send(new TextEncoder().encode('STARTTLS\r\n'));
    inner.emit(data('220 Ready\r\n'));
    expect(inner.starts).toBe(1);
  });
  it('stays plaintext on a refusal or without a request', () => {
    const { inner, t } = setup();
    t.on(() => {});
    inner.emit(data('220 mail.example.com ESMTP\r\n'));
    t.send(new TextEncoder().encode('STARTTLS\r\n'));
    inner.emit(data('454 4.7.0 not now\r\n220 late\r\n'));
    expect(inner.starts).toBe(0);
  });
});
