import { describe, expect, it } from 'vitest';
import type { Output, ServerEngine, TlsInfo } from '../engine.ts';
import { RecordObserver } from '../tls/observe.ts';
import { concatBytes, indexOfBytes, latin1Text, utf8Bytes, utf8Text } from '../wire/bytes.ts';
import type { ServerContext } from './server-context.ts';
import { ManualScheduler } from './virtual-network-clock.ts';
import { createVirtualNetwork } from './virtual-network-engines.ts';
import type { ConnectionEvent, ConnectOptions, EngineRegistry, VirtualNetwork } from './virtual-network.ts';
import { defaultWorld } from '../world/world.ts';
import { testRandom } from '../testing/random.ts';
import { verifyChain } from '../tls/v13/chain-verify.ts';
import { decodeCertificate } from '../tls/v13/messages.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

function setup(engines?: EngineRegistry) {
  const world = defaultWorld(T0);
  const scheduler = new ManualScheduler(T0);
  const network = createVirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), strict: true, tlsLayer: 'records', ...(engines ? { engines } : {}) });
  return { world, scheduler, network };
}

async function open(network: VirtualNetwork, host: string, port: number, options: ConnectOptions = {}) {
  const result = network.connect(host, port, options);
  if (!result.ok) throw new Error(result.message);
  const c = result.connection;
  const events: ConnectionEvent[] = [];
  const text = (): string => events.flatMap((e) => (e.type === 'data' ? [utf8Text(e.bytes)] : [])).join('');
  c.open((e) => events.push(e));
  await network.settle();
  const say = async (line: string): Promise<string> => {
    const before = text().length;
    c.send(utf8Bytes(line + '\r\n'));
    await network.settle();
    return text().slice(before);
  };
  const startTls = async (): Promise<void> => {
    c.startTls();
    await network.settle();
  };
  const wire = (direction?: 'to-server' | 'to-client'): Uint8Array[] => c.session.entries.filter((e) => !direction || e.direction === direction).map((e) => e.bytes);
  const contains = (needle: string): boolean => wire().some((b) => indexOfBytes(b, utf8Bytes(needle)) >= 0);
  return { c, events, text, say, startTls, wire, contains };
}

describe('real TLS on the virtual wire', () => {
  it('runs the handshake on 993 and logs the records: ClientHello with SNI, then only ciphertext', async () => {
    const { network } = setup();
    const s = await open(network, 'mail.example.org', 993);
    const tls = s.events.find((e) => e.type === 'tls') as { info: TlsInfo };
    expect(tls.info).toMatchObject({
      version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', serverName: 'mail.example.org', authorized: true, authorizationError: null,
      certificate: { subject: 'CN=mail.example.org', issuer: 'CN=Mailwire Virtual CA', subjectAltNames: ['mail.example.org'] },
    });
    expect(tls.info.certificate!.validFrom).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(tls.info.certificate!.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(s.events.findIndex((e) => e.type === 'tls')).toBeLessThan(s.events.findIndex((e) => e.type === 'data'));
    expect(s.text()).toMatch(/^\* OK /);

    expect(await s.say('a1 LOGIN bob@example.org builder')).toMatch(/^a1 OK/m);
    expect(await s.say('a2 SELECT INBOX')).toMatch(/^a2 OK/m);
    expect(s.c.session.entries.every((e) => e.tls)).toBe(true);
    expect(s.contains('builder')).toBe(false);
    expect(s.contains('LOGIN')).toBe(false);
    expect(s.contains('INBOX')).toBe(false);

    const toServer = new RecordObserver().push(concatBytes(s.wire('to-server')));
    expect(toServer[0]).toMatchObject({ contentType: 'handshake', messages: ['ClientHello'], serverName: 'mail.example.org' });
    expect(toServer.slice(1).every((r) => r.contentType === 'application_data')).toBe(true);
    const toClient = new RecordObserver().push(concatBytes(s.wire('to-client')));
    expect(toClient[0]).toMatchObject({ contentType: 'handshake', messages: ['ServerHello'] });
    // EncryptedExtensions, Certificate, CertificateVerify, Finished: encrypted, so opaque records.
    expect(toClient.slice(1, 5).every((r) => r.contentType === 'application_data')).toBe(true);
    // The simulation knows what each record held, even where the observer cannot.
    const carried = (d: 'to-server' | 'to-client') => s.c.session.entries.filter((e) => e.direction === d).map((e) => e.carries);
    expect(carried('to-client').slice(0, 6)).toEqual(['ServerHello', 'EncryptedExtensions', 'Certificate', 'CertificateVerify', 'Finished', 'application data']);
    expect(carried('to-server').slice(0, 3)).toEqual(['ClientHello', 'Finished', 'application data']);
  });

  it('the virtual CA issues real X.509: the Certificate message the client decrypted holds DER that chains to the CA', async () => {
    const { network } = setup();
    const s = await open(network, 'mail.example.org', 993);
    const entry = s.c.session.entries.find((e) => e.carries === 'Certificate');
    // RFC 8446 §4.4.2: Certificate is handshake type 11; the record on the wire is opaque application_data.
    expect(entry?.message?.[0]).toBe(11);
    expect(entry?.bytes[0]).toBe(23);
    const chain = decodeCertificate(entry!.message!.subarray(4)).chain;
    expect(chain[0]![0]).toBe(0x30); // a DER SEQUENCE
    const verdict = verifyChain({ chain, roots: network.recordTls.loaded!.pki.roots(), host: 'mail.example.org', now: T0 });
    expect(verdict.ok && verdict.path.map((c) => c.subject)).toEqual(['CN=mail.example.org', 'CN=Mailwire Virtual CA']);
    expect(s.c.session.entries.filter((e) => e.message).map((e) => e.carries)).toEqual(['ClientHello', 'ServerHello', 'EncryptedExtensions', 'Certificate', 'CertificateVerify', 'Finished', 'Finished']);
  });

  it('is deterministic: the same seed and inputs give the same bytes on the wire, certificates included', async () => {
    const run = async () => {
      const { network } = setup();
      const s = await open(network, 'mail.example.org', 993);
      await s.say('a1 LOGIN bob@example.org builder');
      return concatBytes(s.wire());
    };
    const [a, b] = [await run(), await run()];
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toEqual(b);
  });

  it('after STARTTLS on 143 the log holds no plaintext of the next command', async () => {
    const { network } = setup();
    const s = await open(network, 'mail.example.org', 143);
    expect(await s.say('a0 STARTTLS')).toMatch(/^a0 OK/m);
    await s.startTls();
    expect(s.c.tls?.authorized).toBe(true);
    expect(await s.say('a1 LOGIN bob@example.org builder')).toMatch(/^a1 OK/m);
    expect(s.contains('a0 STARTTLS')).toBe(true);
    expect(s.contains('a1 LOGIN')).toBe(false);
    expect(s.contains('builder')).toBe(false);
    const after = s.c.session.entries.slice(s.c.session.entries.findIndex((e) => e.tls));
    expect(after.every((e) => e.bytes[0] === 22 || e.bytes[0] === 23)).toBe(true);
  });

  it('carries a whole submission on 587 with STARTTLS, and the engine records the TLS it got', async () => {
    const { network, world } = setup();
    const s = await open(network, 'mail.example.com', 587);
    await s.say('EHLO laptop');
    expect(await s.say('STARTTLS')).toMatch(/^220 /);
    await s.startTls();
    expect(await s.say('EHLO laptop')).toContain('250-AUTH PLAIN LOGIN');
    expect(await s.say('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=')).toMatch(/^235 /);
    await s.say('MAIL FROM:<alice@example.com>');
    await s.say('RCPT TO:<bob@example.org>');
    await s.say('DATA');
    expect(await s.say('Subject: hi\r\n\r\nHello Bob\r\n.')).toMatch(/^250 /);
    expect(await s.say('QUIT')).toMatch(/^221 /);
    expect(s.events.at(-1)).toEqual({ type: 'closed', by: 'server' });
    expect(latin1Text(world.queue[0]!.raw)).toContain('\t(using TLSv1.3)\r\n');
    expect(s.contains('AGFsaWNlAHdvbmRlcmxhbmQ=')).toBe(false);
  });

  it('keeps order when the client sends faster than the cryptography runs', async () => {
    const { network } = setup();
    const result = network.connect('mail.example.org', 995);
    if (!result.ok) throw new Error(result.message);
    const seen: string[] = [];
    result.connection.open((e) => {
      if (e.type === 'data') seen.push(utf8Text(e.bytes));
    });
    for (const line of ['CAPA', 'USER bob@example.org', 'PASS builder', 'STAT', 'NOOP', 'QUIT']) result.connection.send(utf8Bytes(line + '\r\n'));
    await network.settle();
    const replies = seen.join('').split('\r\n').filter((l) => /^[+-]/.test(l));
    expect(replies.map((l) => l.slice(0, 3))).toEqual(['+OK', '+OK', '+OK', '+OK', '+OK', '+OK', '+OK']);
    expect(result.connection.isOpen).toBe(false);
  });
});

/** Counts what reaches it, to prove that tampered bytes never do. */
class CountingServer implements ServerEngine<string, never> {
  static last: CountingServer | null = null;
  state = 'open';
  /** Every feed is answered whole. */
  readonly buffered = 0;
  fed: string[] = [];
  tls: TlsInfo | null = null;
  constructor(readonly ctx: ServerContext) {
    CountingServer.last = this;
  }
  start(): Output<never>[] {
    return [{ type: 'write', bytes: utf8Bytes('hello\r\n') }];
  }
  feed(bytes: Uint8Array): Output<never>[] {
    this.fed.push(utf8Text(bytes));
    if (utf8Text(bytes) === 'BOOM\r\n') throw new Error('kaboom');
    return [{ type: 'write', bytes: utf8Bytes(`> ${utf8Text(bytes)}`) }];
  }
  tlsStarted(info: TlsInfo): Output<never>[] {
    this.tls = info;
    return [];
  }
  tick(): Output<never>[] {
    return [];
  }
  closed(): Output<never>[] {
    return [];
  }
}

describe('tampering and failures', () => {
  it('a record altered on the way to the server fails to decrypt: alert, and the engine never sees it', async () => {
    const { network } = setup({ imap: CountingServer });
    const s = await open(network, 'mail.example.com', 993, { attack: { tamper: 'to-server' } });
    expect(CountingServer.last!.tls).toMatchObject({ version: 'TLSv1.3', serverName: 'mail.example.com' });
    s.c.send(utf8Bytes('a1 LOGIN alice wonderland\r\n'));
    await network.settle();
    expect(CountingServer.last!.fed).toEqual([]);
    expect(s.events.slice(-2)).toMatchObject([
      { type: 'error', code: 'TLS', message: expect.stringContaining('bad_record_mac') },
      { type: 'closed', by: 'server' },
    ]);
    expect(s.c.attack?.altered).toHaveLength(1);
    const tampered = s.c.session.entries.find((e) => e.received);
    expect(tampered?.direction).toBe('to-server');
  });

  it('a record altered on the way to the client fails there: the client end gives up', async () => {
    const { network } = setup({ imap: CountingServer });
    const s = await open(network, 'mail.example.com', 993, { attack: { tamper: 'to-client' } });
    expect(s.text()).toBe('');
    expect(s.events.filter((e) => e.type === 'error')).toMatchObject([{ code: 'TLS', message: expect.stringContaining('bad_record_mac') }]);
  });

  it('an engine that throws inside TLS closes the connection; strict mode rethrows to the caller, as without TLS', async () => {
    const { network } = setup({ imap: CountingServer });
    const s = await open(network, 'mail.example.com', 993);
    expect(() => s.c.send(utf8Bytes('BOOM\r\n'))).toThrow('kaboom');
    expect(s.events.slice(-2)).toMatchObject([{ type: 'error', code: 'PROTOCOL' }, { type: 'closed', by: 'server' }]);
  });

  it('an engine that throws after the TLS code loaded (an await) closes the connection, and settle() reports it', async () => {
    class Failing extends CountingServer {
      override start(): Output<never>[] {
        throw new Error('no greeting');
      }
    }
    const { network } = setup({ imap: Failing });
    const result = network.connect('mail.example.com', 993);
    if (!result.ok) throw new Error(result.message);
    const events: ConnectionEvent[] = [];
    result.connection.open((e) => events.push(e));
    await expect(network.settle()).rejects.toThrow('no greeting');
    expect(events.at(-1)).toMatchObject({ type: 'closed', by: 'server' });
  });

  it('sends close_notify when the client closes a TLS connection, and the server answers with its own (RFC 8446 §6.1)', async () => {
    const { network } = setup({ imap: CountingServer });
    const s = await open(network, 'mail.example.com', 993);
    const before = s.c.session.entries.length;
    s.c.close();
    await network.settle();
    expect(s.c.session.entries.slice(before)).toMatchObject([
      { direction: 'to-server', tls: true, carries: 'alert close_notify' },
      { direction: 'to-client', tls: true, carries: 'alert close_notify' },
    ]);
    expect(s.events.at(-1)).toEqual({ type: 'closed', by: 'client' });
  });
});

describe('ordering', () => {
  it('never re-enters an engine, even when the client answers from inside a data event', async () => {
    let inside = false;
    class Guarded extends CountingServer {
      override feed(bytes: Uint8Array): Output<never>[] {
        if (inside) throw new Error('re-entered');
        inside = true;
        try {
          return super.feed(bytes);
        } finally {
          inside = false;
        }
      }
    }
    const { network } = setup({ imap: Guarded });
    const result = network.connect('mail.example.com', 993);
    if (!result.ok) throw new Error(result.message);
    const c = result.connection;
    let replies = 0;
    c.open((e) => {
      if (e.type !== 'data') return;
      if (replies++ < 20) {
        c.send(utf8Bytes(`ping ${replies}a\r\n`));
        c.send(utf8Bytes(`ping ${replies}b\r\n`));
      }
    });
    await network.settle();
    const fed = CountingServer.last!.fed;
    expect(fed.length).toBeGreaterThan(20);
    expect(fed.slice(0, 4)).toEqual(['ping 1a\r\n', 'ping 1b\r\n', 'ping 2a\r\n', 'ping 2b\r\n']);
    expect(c.isOpen).toBe(true);
  });
});

describe('connecting by address', () => {
  it('sends no SNI (RFC 6066 §3) and the certificate does not match the address typed', async () => {
    const { network } = setup();
    const warn = await open(network, '192.0.2.10', 993, { certificatePolicy: 'warn' });
    expect(warn.c.tls).toMatchObject({ authorized: false, authorizationError: expect.stringContaining('not 192.0.2.10') });
    expect(warn.c.tls?.serverName).toBeUndefined();
    expect(new RecordObserver().push(warn.wire('to-server')[0]!)[0]).toMatchObject({ messages: ['ClientHello'], serverName: null });
    const strict = await open(network, '192.0.2.10', 993);
    expect(strict.events.find((e) => e.type === 'error')).toMatchObject({ code: 'TLS', message: expect.stringContaining('bad_certificate') });
  });
});

describe('impostor certificates', () => {
  it('a strict client refuses a certificate from Eve Interception CA; the engine never starts', async () => {
    const { network } = setup({ imap: CountingServer });
    const s = await open(network, 'mail.example.com', 993, { attack: { impostor: true } });
    expect(s.events.some((e) => e.type === 'tls')).toBe(false);
    expect(s.events.slice(-2)).toMatchObject([
      { type: 'error', code: 'TLS', message: expect.stringContaining('unknown_ca') },
      { type: 'closed', by: 'server' },
    ]);
    expect(CountingServer.last!.tls).toBeNull();
    // ServerHello, EncryptedExtensions, Certificate, CertificateVerify, Finished went out as one flight; the client's alert answers it.
    const entries = s.c.session.entries;
    expect(entries.map((e) => e.direction)).toEqual(['to-server', ...Array<string>(5).fill('to-client'), 'to-server']);
  });

  it('a warning client goes on with authorized:false and the reason, and Eve reads its password', async () => {
    const { network } = setup();
    const s = await open(network, 'mail.example.com', 993, { attack: { impostor: true, eavesdrop: true }, certificatePolicy: 'warn' });
    expect(s.c.tls).toMatchObject({ authorized: false, authorizationError: expect.stringContaining('Eve Interception CA'), certificate: { issuer: 'CN=Eve Interception CA' } });
    expect(await s.say('a1 LOGIN alice@example.com wonderland')).toMatch(/^a1 OK/m);
    expect(s.contains('wonderland')).toBe(false);
    expect(s.c.attack).toMatchObject({ readThroughTls: true, credentials: [{ mechanism: 'LOGIN', user: 'alice@example.com', password: 'wonderland' }] });
  });

  it('a certificate for another name: strict refuses, warn reports the mismatch', async () => {
    const { network } = setup();
    const strict = await open(network, 'mail.example.com', 465, { attack: { impostor: 'wrong-name' } });
    expect(strict.events.find((e) => e.type === 'error')).toMatchObject({ code: 'TLS', message: expect.stringContaining('bad_certificate') });
    const warn = await open(network, 'mail.example.com', 465, { attack: { impostor: 'wrong-name' }, certificatePolicy: 'warn' });
    expect(warn.c.tls).toMatchObject({ authorized: false, authorizationError: expect.stringContaining('not mail.example.com') });
    expect(warn.text()).toMatch(/^220 /);
  });
});
