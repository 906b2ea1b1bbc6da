import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { Pop3Client, type Pop3ClientEvent } from './pop3-client.ts';
import { DEFAULT_POP3_SETTINGS, type Pop3Settings } from './pop3-types.ts';
import type { Output } from '../engine.ts';

const TLS = { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' };

/**
 * Plays a scripted server against the client engine: `S:` lines are fed (split as `split`
 * says), `C:` lines are what the client must write next. Returns the client's events.
 */
function play(script: string, settings: Partial<Pop3Settings> = {}, known: string[] = [], split: 'whole' | 'bytes' = 'whole'): { client: Pop3Client; events: Pop3ClientEvent[] } {
  const client = new Pop3Client({
    user: 'alice@example.com',
    password: 'wonderland',
    settings: { ...DEFAULT_POP3_SETTINGS, ...settings },
    known: new Map(known.map((uidl) => [uidl, { uidl, downloadedAt: 0, deletedLocally: false }])),
  });
  const events: Pop3ClientEvent[] = [];
  const written: string[] = [];
  const take = (outs: Output<Pop3ClientEvent>[]): void => {
    for (const o of outs) {
      if (o.type === 'write') written.push(...utf8Text(o.bytes).split('\r\n').filter(Boolean));
      if (o.type === 'event') events.push(o.event);
      if (o.type === 'starttls') take(client.tlsStarted(TLS, 0));
    }
  };
  take(client.start(0));
  for (const raw of script.trim().split('\n')) {
    const line = raw.trim();
    if (line.startsWith('C: ')) expect(written.shift(), `client should send ${line}`).toBe(line.slice(3));
    else if (line.startsWith('S: ')) {
      const bytes = utf8Bytes(line.slice(3) + '\r\n');
      if (split === 'whole') take(client.feed(bytes, 0));
      else for (const b of bytes) take(client.feed(Uint8Array.of(b), 0));
    }
  }
  expect(written).toEqual([]);
  return { client, events };
}

const LOGIN = `
  S: +OK ready
  C: CAPA
  S: +OK
  S: UIDL
  S: STLS
  S: .
  C: STLS
  S: +OK Begin TLS
  C: CAPA
  S: +OK
  S: UIDL
  S: USER
  S: SASL PLAIN
  S: .
  C: USER alice@example.com
  S: +OK
  C: PASS wonderland
  S: +OK locked and ready`;

const NO_KEEP = `${LOGIN}
  C: UIDL
  S: +OK
  S: 1 aaa
  S: 2 bbb
  S: .
  C: RETR 2
  S: +OK 12 octets
  S: Subject: b
  S: .
  C: DELE 1
  S: +OK
  C: DELE 2
  S: +OK
  C: QUIT
  S: +OK bye`;

describe('Pop3Client (scripted server)', () => {
  it('uses STLS when offered, downloads only unknown UIDLs, and deletes what it has without "leave a copy"', () => {
    const { client, events } = play(NO_KEEP, {}, ['aaa']);
    expect(client.result).toMatchObject({ ok: true, tls: true, serverUidls: ['aaa', 'bbb'], downloaded: ['bbb'], deletedOnServer: ['aaa', 'bbb'] });
    expect(events.filter((e) => e.kind === 'marked').map((e) => 'reason' in e && e.reason)).toEqual(['no-copy-kept', 'no-copy-kept']);
    expect(client.state).toBe('done');
  });

  it('reads the same script fed one byte at a time', () => {
    const { client } = play(NO_KEEP, {}, ['aaa'], 'bytes');
    expect(client.result?.deletedOnServer).toEqual(['aaa', 'bbb']);
  });

  it('uses AUTH PLAIN with an initial response when asked and offered (RFC 5034 §4)', () => {
    const script = LOGIN.replace(/C: USER[\s\S]*$/, `C: AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=
      S: +OK
      C: UIDL
      S: +OK
      S: .
      C: QUIT
      S: +OK`);
    expect(play(script, { auth: 'PLAIN', leaveOnServer: true }).client.result?.ok).toBe(true);
  });

  it('falls back to AUTH PLAIN when CAPA offers SASL PLAIN but not USER (RFC 2449 §6.2)', () => {
    const script = LOGIN.replace('S: USER\n', '').replace(/C: USER[\s\S]*$/, `C: AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=
      S: -ERR [AUTH] invalid user name or password
      C: QUIT
      S: +OK`);
    expect(play(script).client.result).toMatchObject({ ok: false, inUse: false, failure: { stage: 'auth', code: 'AUTH' } });
  });

  it('answers -ERR [IN-USE] with QUIT and reports the lock (RFC 2449 §8.1.1)', () => {
    const script = LOGIN.replace('S: +OK locked and ready', `S: -ERR [IN-USE] maildrop is locked
      C: QUIT
      S: +OK`);
    const { client } = play(script);
    expect(client.result).toMatchObject({ ok: false, inUse: true, downloaded: [], failure: { stage: 'pass', code: 'IN-USE' } });
  });

  it('trusts no DELE when the connection drops before QUIT is answered (RFC 1939 §6)', () => {
    const script = NO_KEEP.replace(/\s*S: \+OK bye$/, '');
    const { client } = play(script, {}, ['aaa']);
    client.closed(0);
    expect(client.result).toMatchObject({ ok: true, deletedOnServer: [], downloaded: ['bbb'] });
  });

  it('gives up politely when the server has no UIDL', () => {
    const script = `${LOGIN}
      C: UIDL
      S: -ERR unknown command
      C: QUIT
      S: +OK`;
    expect(play(script).client.result).toMatchObject({ ok: false, failure: { stage: 'uidl' } });
  });

  it('stays in plaintext when STLS is not offered and reports a refused login', () => {
    const script = `
      S: +OK ready
      C: CAPA
      S: -ERR unknown command
      C: USER alice@example.com
      S: -ERR [AUTH] plaintext authentication is disabled
      C: QUIT
      S: +OK`;
    expect(play(script).client.result).toMatchObject({ ok: false, tls: false, failure: { stage: 'user', code: 'AUTH' } });
  });

  it('reports a garbled response as a failure, not an exception', () => {
    const { client } = play(`
      S: +OK ready
      C: CAPA
      S: HELLO THERE`);
    expect(client.result).toMatchObject({ ok: false, failure: { reason: expect.stringContaining('protocol error') } });
  });
});
