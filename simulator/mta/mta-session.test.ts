import { describe, expect, it } from 'vitest';
import type { Output, ServerEngine } from '../engine.ts';
import { latin1Text, utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { runSmtpSession } from './mta-session.ts';
import { ALICE, fixture, letter } from './mta-fixture.test-helper.ts';
import type { EngineFactory } from '../net/virtual-network.ts';

/** An RFC 821-era server: no EHLO, one reply per line from a fixed script. */
class OldServer implements ServerEngine<string, never> {
  state = 'open';
  private buffer = '';
  private inData = false;
  get buffered(): number {
    return utf8Bytes(this.buffer).length;
  }
  start(): Output<never>[] {
    return [{ type: 'write', bytes: utf8Bytes('220 old.example.org SMTP ready\r\n') }];
  }
  feed(bytes: Uint8Array): Output<never>[] {
    this.buffer += utf8Text(bytes);
    const out: Output<never>[] = [];
    let i: number;
    while ((i = this.buffer.indexOf('\r\n')) >= 0) {
      const line = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + 2);
      const reply = this.answer(line);
      if (reply) out.push({ type: 'write', bytes: utf8Bytes(reply + '\r\n') });
      if (line === 'QUIT') out.push({ type: 'close' });
    }
    return out;
  }
  private answer(line: string): string | null {
    if (this.inData) {
      if (line !== '.') return null;
      this.inData = false;
      return '250 OK';
    }
    if (line.startsWith('EHLO')) return '500 Command unrecognized';
    if (line === 'DATA') {
      this.inData = true;
      return '354 Start mail input';
    }
    return line === 'QUIT' ? '221 closing' : '250 OK';
  }
  tlsStarted(): Output<never>[] {
    return [];
  }
  tick(): Output<never>[] {
    return [];
  }
  closed(): Output<never>[] {
    return [];
  }
}

describe('runSmtpSession over the virtual network', () => {
  it('falls back to HELO against an old server, byte for byte', async () => {
    const f = fixture({ smtp: OldServer as unknown as EngineFactory });
    const out = await runSmtpSession(f.network, 'mail.example.org', 25, { clientName: 'mail.example.com', tls: 'opportunistic', from: 'a@example.com', to: ['b@example.org'], message: utf8Bytes('Subject: x\r\n\r\n.hi\r\n') });
    expect(out).toMatchObject({ connected: true, result: { esmtp: false, failure: null, recipients: [{ outcome: 'delivered' }] } });
    const transcript = f.network.sessions[0]!.entries.map((e) => (e.direction === 'to-server' ? 'C: ' : 'S: ') + latin1Text(e.bytes)).join('');
    expect(transcript).toBe(
      'S: 220 old.example.org SMTP ready\r\n' +
        'C: EHLO mail.example.com\r\n' +
        'S: 500 Command unrecognized\r\n' +
        'C: HELO mail.example.com\r\n' +
        'S: 250 OK\r\n' +
        'C: MAIL FROM:<a@example.com>\r\n' +
        'S: 250 OK\r\n' +
        'C: RCPT TO:<b@example.org>\r\n' +
        'S: 250 OK\r\n' +
        'C: DATA\r\n' +
        'S: 354 Start mail input\r\n' +
        'C: Subject: x\r\n\r\n..hi\r\n.\r\n' +
        'S: 250 OK\r\n' +
        'C: QUIT\r\n' +
        'S: 221 closing\r\n',
    );
  });

  it('submits over implicit TLS on 465 without STARTTLS', async () => {
    const f = fixture();
    const out = await runSmtpSession(f.network, 'mail.example.com', 465, { clientName: 'laptop', tls: 'required', credentials: ALICE, from: 'alice@example.com', to: ['bob@example.org'], message: letter('bob@example.org', 'Implicit') });
    expect(out).toMatchObject({ connected: true, result: { authenticated: true, failure: null, recipients: [{ outcome: 'delivered' }] } });
    const wire = f.network.sessions[0]!.entries.map((e) => latin1Text(e.bytes)).join('');
    expect(wire).not.toContain('STARTTLS\r\n');
    expect(f.network.sessions[0]!.entries.every((e) => e.tls)).toBe(true);
  });

  it('is refused AUTH before TLS on 587 when the client will not use TLS (RFC 8314, host policy)', async () => {
    const f = fixture();
    const out = await runSmtpSession(f.network, 'mail.example.com', 587, { clientName: 'laptop', tls: 'never', credentials: ALICE, from: 'alice@example.com', to: ['bob@example.org'], message: letter('bob@example.org', 'Plain') });
    expect(out).toMatchObject({ connected: true, result: { authenticated: false, recipients: [{ outcome: 'permanent' }] } });
    expect(f.world.queue).toEqual([]);
  });

  it('reports a connection that never opened', async () => {
    const f = fixture();
    expect(await runSmtpSession(f.network, 'mx.nowhere.test', 25, { clientName: 'x', tls: 'opportunistic', from: '', to: ['a@b'], message: new Uint8Array() })).toMatchObject({ connected: false, code: 'DNS' });
  });
});
