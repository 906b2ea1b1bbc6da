/**
 * Our TLS 1.3 client against the real mail servers of the live suite: Dovecot (IMAP on the
 * implicit-TLS port and after STARTTLS, POP3 after STLS and implicit) and Postfix (implicit TLS
 * "wrappermode", and STARTTLS). Each logs in or says hello over TLS and ends with close_notify.
 */
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { liveSuite } from '../../transports/relay/live-suite.test-helper.ts';
import { pump, type Pumped } from '../../testing/tls-pump.ts';
import { systemRandom } from '../../transports/system-random.ts';
import { TlsClient } from './client.ts';
import type { TlsEvent } from './events.ts';

const live = liveSuite();
const der = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));

/** Reads plaintext lines before TLS until `done` says the reply is complete. */
function plainUntil(socket: Socket, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (d: Buffer) => {
      text += String(d);
      if (done(text)) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
  });
}

async function tlsOver(socket: Socket): Promise<{ client: TlsClient; io: Pumped }> {
  const client = new TlsClient({ serverName: 'mail.test', roots: [der(live.pki.caCert)], random: systemRandom() });
  const io = pump(client, socket, client.start(Date.now()));
  await io.until('handshake', () => client.phase === 'connected');
  return { client, io };
}

async function say(client: TlsClient, io: Pumped, line: string, until: RegExp): Promise<void> {
  io.apply(client.write(new TextEncoder().encode(`${line}\r\n`)));
  await io.until(`reply to ${line}`, () => until.test(io.text()));
}

function opened(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  return new Promise((r) => socket.once('connect', () => r(socket)));
}

const summary = (io: Pumped) => io.events.find((e): e is Extract<TlsEvent, { kind: 'handshake-complete' }> => e.kind === 'handshake-complete')?.summary;

describe('client against Dovecot and Postfix', () => {
  it('IMAP with TLS from the first octet: greeting, LOGIN, LOGOUT', async () => {
    const socket = await opened(live.servers.ports.imaps);
    const { client, io } = await tlsOver(socket);
    await io.until('greeting', () => io.text().includes('* OK'));
    const { login, password } = live.servers.user;
    await say(client, io, `a LOGIN ${login} ${password}`, /a OK/);
    await say(client, io, 'b LOGOUT', /b OK/);
    io.apply(client.close());
    socket.destroy();
    expect(summary(io)).toMatchObject({ serverName: 'mail.test' });
    expect(io.events).toContainEqual(expect.objectContaining({ kind: 'certificate', verdict: expect.objectContaining({ ok: true }) }));
  });

  it('IMAP STARTTLS, then CAPABILITY over TLS', async () => {
    const socket = await opened(live.servers.ports.imap);
    await plainUntil(socket, (t) => t.includes('* OK'));
    socket.write('s STARTTLS\r\n');
    await plainUntil(socket, (t) => /s OK/.test(t));
    const { client, io } = await tlsOver(socket);
    await say(client, io, 'c CAPABILITY', /c OK/);
    expect(io.text()).toMatch(/AUTH=PLAIN/);
    io.apply(client.close());
    socket.destroy();
  });

  it('POP3 STLS and POP3 on the implicit-TLS port', async () => {
    const plain = await opened(live.servers.ports.pop3);
    await plainUntil(plain, (t) => t.includes('+OK'));
    plain.write('STLS\r\n');
    await plainUntil(plain, (t) => t.includes('+OK'));
    const a = await tlsOver(plain);
    await say(a.client, a.io, `USER ${live.servers.user.login}`, /\+OK/);
    a.io.apply(a.client.close());
    plain.destroy();
    const implicit = await opened(live.servers.ports.pop3s);
    const b = await tlsOver(implicit);
    await b.io.until('greeting', () => b.io.text().includes('+OK'));
    await say(b.client, b.io, 'QUIT', /\+OK[\s\S]*\+OK/);
    b.io.apply(b.client.close());
    implicit.destroy();
  });

  it('Postfix with TLS from the first octet, and after STARTTLS', async () => {
    const implicit = await opened(live.servers.ports.smtps);
    const a = await tlsOver(implicit);
    await a.io.until('greeting', () => /^220 /m.test(a.io.text()));
    await say(a.client, a.io, 'EHLO tls13.test', /^250 /m);
    expect(a.io.text()).toMatch(/AUTH/);
    await say(a.client, a.io, 'QUIT', /^221 /m);
    implicit.destroy();
    const plain = await opened(live.servers.ports.smtp);
    await plainUntil(plain, (t) => /^220 /m.test(t));
    plain.write('EHLO tls13.test\r\n');
    await plainUntil(plain, (t) => /^250 /m.test(t));
    plain.write('STARTTLS\r\n');
    await plainUntil(plain, (t) => /^220 /m.test(t));
    const b = await tlsOver(plain);
    await say(b.client, b.io, 'EHLO tls13.test', /^250 /m);
    expect(b.io.text()).toMatch(/AUTH/);
    b.io.apply(b.client.close());
    plain.destroy();
  });
});
