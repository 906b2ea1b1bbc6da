/**
 * The SMTP client engine against a real server nobody here wrote: Postfix on loopback (started
 * by the relay's live-server fixture), over real TCP and real TLS, driven by a tiny Node loop.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { connect as tcpConnect, type Socket } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { describe, expect, it } from 'vitest';
import type { TlsInfo } from '../engine.ts';
import { liveSuite } from '../transports/relay/live-suite.test-helper.ts';
import { latin1Text, utf8Bytes } from '../wire/bytes.ts';
import { SmtpClient, type SmtpClientOptions, type SmtpClientResult } from './client.ts';
import type { ClientOutput } from './client-pipe.ts';

const suite = liveSuite();

function tlsInfo(s: TLSSocket): TlsInfo {
  return { version: s.getProtocol() ?? 'unknown', cipher: s.getCipher().standardName ?? s.getCipher().name, serverName: 'localhost' };
}

/** Runs one client session over TCP; resolves when the socket closes. */
function session(port: number, options: SmtpClientOptions, implicit = false): Promise<{ result: SmtpClientResult; transcript: string }> {
  return new Promise((resolve, reject) => {
    const client = new SmtpClient(options);
    let transcript = '';
    let socket: Socket | TLSSocket;
    const onData = (chunk: Buffer): void => {
      transcript += 'S: ' + chunk.toString('latin1');
      apply(client.feed(new Uint8Array(chunk), Date.now()));
    };
    const upgrade = (): void => {
      const plain = socket;
      plain.removeListener('data', onData);
      const secure = tlsConnect({ socket: plain, servername: 'localhost', ca: suite.pki.caCert });
      secure.on('error', reject);
      secure.once('secureConnect', () => {
        socket = secure;
        secure.on('data', onData);
        apply(client.tlsStarted(tlsInfo(secure), Date.now()));
      });
    };
    function apply(outputs: ClientOutput[]): void {
      for (const out of outputs) {
        if (out.type === 'write') {
          transcript += 'C: ' + latin1Text(out.bytes);
          socket.write(out.bytes);
        } else if (out.type === 'starttls') upgrade();
        else if (out.type === 'close') socket.end();
      }
    }
    const raw = implicit ? tlsConnect({ host: '127.0.0.1', port, servername: 'localhost', ca: suite.pki.caCert }) : tcpConnect(port, '127.0.0.1');
    socket = raw;
    apply(client.start(Date.now()));
    if (implicit) (raw as TLSSocket).once('secureConnect', () => apply(client.tlsStarted(tlsInfo(raw as TLSSocket), Date.now())));
    raw.on('data', onData);
    raw.on('error', reject);
    raw.on('close', () => {
      apply(client.closed(Date.now()));
      resolve({ result: client.result!, transcript });
    });
  });
}

const MESSAGE = utf8Bytes('From: alice@mail.test\r\nTo: alice@mail.test\r\nSubject: from the Mailwire client\r\n\r\n.dot-stuffed line\r\nbye\r\n');

async function delivered(subject: string): Promise<string | null> {
  const dir = join(suite.servers.dir, 'mail/alice/Maildir/new');
  for (let i = 0; i < 50; i++) {
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'latin1');
      if (text.includes(subject)) return text;
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return null;
}

describe('SmtpClient against Postfix', () => {
  it('submits with STARTTLS, AUTH PLAIN and PIPELINING; one recipient refused, the other delivered', async () => {
    const { result, transcript } = await session(suite.servers.ports.smtp, {
      clientName: 'laptop.mail.test',
      tls: 'required',
      credentials: { user: suite.servers.user.login, password: suite.servers.user.password },
      from: 'alice@mail.test',
      to: ['alice@mail.test', 'nobody@mail.test'],
      message: MESSAGE,
    });
    expect(result.failure, transcript).toBeNull();
    expect(result).toMatchObject({ esmtp: true, authenticated: true, pipelined: true });
    expect(result.tls?.version).toMatch(/^TLSv1\.[23]$/);
    expect(result.recipients[0]).toMatchObject({ address: 'alice@mail.test', outcome: 'delivered', code: 250, enhanced: '2.0.0' });
    expect(result.recipients[1]).toMatchObject({ address: 'nobody@mail.test', outcome: 'permanent', code: 550, enhanced: '5.1.1', stage: 'rcpt' });
    expect(transcript).toContain('\r\n\r\n..dot-stuffed line\r\nbye\r\n.\r\n');
    const stored = await delivered('Subject: from the Mailwire client');
    expect(stored).toContain('\n.dot-stuffed line\n');
  }, 20_000);

  it('relays like an MTA: no AUTH, opportunistic TLS, to a domain Postfix serves', async () => {
    const { result, transcript } = await session(suite.servers.ports.smtp, {
      clientName: 'mail.example.com',
      tls: 'opportunistic',
      from: 'bob@example.org',
      to: ['alice@mail.test'],
      message: utf8Bytes('Subject: relayed by the MTA client\r\n\r\nhi\r\n'),
    });
    expect(result.failure, transcript).toBeNull();
    expect(result.tls).not.toBeNull();
    expect(result.recipients[0]!.outcome).toBe('delivered');
    expect(transcript).toMatch(/C: STARTTLS\r\nS: 220 2\.0\.0 Ready to start TLS\r\nC: EHLO mail\.example\.com\r\n/);
  }, 20_000);

  it('is refused relaying without AUTH, and reports it per recipient', async () => {
    const { result } = await session(suite.servers.ports.smtp, {
      clientName: 'mail.example.com',
      tls: 'opportunistic',
      from: 'bob@example.org',
      to: ['someone@example.net'],
      message: MESSAGE,
    });
    expect(result.recipients[0]).toMatchObject({ outcome: 'permanent', code: 554, enhanced: '5.7.1', stage: 'rcpt' });
  }, 20_000);

  it('submits over implicit TLS (465 role) without STARTTLS', async () => {
    const { result, transcript } = await session(
      suite.servers.ports.smtps,
      { clientName: 'laptop', tls: 'required', credentials: { user: suite.servers.user.login, password: suite.servers.user.password }, from: 'alice@mail.test', to: ['alice@mail.test'], message: utf8Bytes('Subject: implicit\r\n\r\nx\r\n') },
      true,
    );
    expect(result.failure, transcript).toBeNull();
    expect(result.recipients[0]!.outcome).toBe('delivered');
    expect(transcript).not.toContain('STARTTLS\r\n');
  }, 20_000);
});
