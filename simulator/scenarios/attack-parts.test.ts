import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, latin1Bytes, latin1Text } from '../wire/bytes.ts';
import { base64Text, CredentialSniffer } from '../net/attack-credentials.ts';
import { Middlebox } from '../net/attack-middlebox.ts';
import { hexDump } from './attack-observer.ts';
import type { MailProtocol } from '../world/ports.ts';
import { summarizeHandshake } from '../net/tls-summary.ts';

const CASES: Array<[MailProtocol, string, { mechanism: string; user: string; password: string }]> = [
  ['pop3', 'USER bob@example.org\r\nPASS builder\r\n', { mechanism: 'USER/PASS', user: 'bob@example.org', password: 'builder' }],
  ['pop3', 'AUTH PLAIN\r\nAGJvYgBidWlsZGVy\r\n', { mechanism: 'AUTH PLAIN', user: 'bob', password: 'builder' }],
  ['smtp', 'EHLO x\r\nAUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=\r\n', { mechanism: 'AUTH PLAIN', user: 'alice', password: 'wonderland' }],
  ['smtp', 'AUTH LOGIN YWxpY2U=\r\nd29uZGVybGFuZA==\r\n', { mechanism: 'AUTH LOGIN', user: 'alice', password: 'wonderland' }],
  ['smtp', 'AUTH LOGIN\nYWxpY2U=\nd29uZGVybGFuZA==\n', { mechanism: 'AUTH LOGIN', user: 'alice', password: 'wonderland' }],
  ['imap', 'a1 LOGIN alice "won\\"der land"\r\n', { mechanism: 'LOGIN', user: 'alice', password: 'won"der land' }],
  ['imap', 'a1 authenticate plain AGFsaWNlAHdvbmRlcmxhbmQ=\r\n', { mechanism: 'AUTHENTICATE PLAIN', user: 'alice', password: 'wonderland' }],
];

function sniffAll(protocol: MailProtocol, chunks: Uint8Array[]) {
  const sniffer = new CredentialSniffer(protocol);
  return chunks.flatMap((c) => sniffer.push(c, 0));
}

describe('CredentialSniffer', () => {
  for (const [protocol, text, expected] of CASES) {
    it(`${protocol}: ${JSON.stringify(text)} whole, byte by byte and split at every offset`, () => {
      const bytes = latin1Bytes(text);
      expect(sniffAll(protocol, [bytes])).toMatchObject([expected]);
      expect(sniffAll(protocol, [...bytes].map((b) => Uint8Array.of(b)))).toMatchObject([expected]);
      for (let i = 0; i <= bytes.length; i++) expect(sniffAll(protocol, [bytes.subarray(0, i), bytes.subarray(i)])).toMatchObject([expected]);
    });
  }

  it('ignores a cancelled exchange and what is not base64', () => {
    expect(sniffAll('smtp', [latin1Bytes('AUTH PLAIN\r\n*\r\nNOOP\r\n')])).toEqual([]);
    expect(base64Text('not base64!')).toBeNull();
    expect(base64Text('AGE=')).toBe('\0a');
  });

  it('never throws and keeps its buffer bounded on random input (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom<MailProtocol>('smtp', 'pop3', 'imap'), fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 8 }), (protocol, chunks) => {
        const sniffer = new CredentialSniffer(protocol);
        for (const c of chunks) sniffer.push(c, 0);
        expect(sniffer.buffered).toBeLessThanOrEqual(4096);
      }),
    );
  });
});

describe('the stripping middlebox', () => {
  const ehlo = '250-mail.example.com\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n';
  const strip = (protocol: MailProtocol, text: string, chunk: number, direction: 'to-server' | 'to-client' = 'to-client', mode: true | 'refuse-command' = true) => {
    const box = new Middlebox(protocol, { stripStarttls: mode }, false);
    const bytes = latin1Bytes(text);
    const out: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += chunk) out.push(box.alter(direction, bytes.subarray(i, i + chunk), 'plaintext', 0));
    return latin1Text(concatBytes(out));
  };

  it('rewrites STARTTLS the same whatever the packet boundaries', () => {
    for (const chunk of [1, 2, 7, 1000]) expect(strip('smtp', ehlo, chunk)).toBe('250-mail.example.com\r\n250-XXXXXXXA\r\n250 AUTH PLAIN\r\n');
  });

  it('strips STLS from CAPA, STARTTLS and LOGINDISABLED from an IMAP greeting, and garbles the client command', () => {
    expect(strip('pop3', '+OK\r\nTOP\r\nSTLS\r\nUSER\r\n.\r\n', 3)).toBe('+OK\r\nTOP\r\nXXXX\r\nUSER\r\n.\r\n');
    expect(strip('imap', '* OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] ready\r\n', 5)).toBe('* OK [CAPABILITY IMAP4rev2 XXXXXXXA XXXXXXXXXXXXX] ready\r\n');
    expect(strip('imap', 'a1 STARTTLS\r\n', 4, 'to-server', 'refuse-command')).toBe('a1 XXXXXXXA\r\n');
    expect(strip('imap', 'a1 STARTTLS\r\n', 4, 'to-server')).toBe('a1 STARTTLS\r\n');
  });

  it('leaves lines that only mention the word alone', () => {
    expect(strip('smtp', '250-STARTTLSX\r\n250 HELP STARTTLS\r\n', 4)).toBe('250-STARTTLSX\r\n250 HELP STARTTLS\r\n');
  });
});

describe('hexDump and the handshake summary', () => {
  it('dumps sixteen octets a line, with dots for what is not printable', () => {
    const dump = hexDump(latin1Bytes('PASS builder\r\n\u0000\u00ffABC'));
    expect(dump).toEqual([
      { offset: 0, hex: '50 41 53 53 20 62 75 69 6c 64 65 72 0d 0a 00 ff', ascii: 'PASS builder....' },
      { offset: 16, hex: '41 42 43', ascii: 'ABC' },
    ]);
  });

  it('says whether the name matches the host typed, and whether the certificate is trusted', () => {
    const certificate = { subject: 'CN=mail.example.com', issuer: 'CN=Mailwire Virtual CA', subjectAltNames: ['mail.example.com'], validFrom: '2026-11-25T00:00:00.000Z', validTo: '2027-12-28T00:00:00.000Z', fingerprint256: 'AA' };
    const good = summarizeHandshake({ version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', serverName: 'mail.example.com', certificate, authorized: true, authorizationError: null });
    expect(good).toEqual({
      line: 'TLSv1.3 TLS_AES_128_GCM_SHA256; certificate CN=mail.example.com issued by CN=Mailwire Virtual CA, valid 2026-11-25 to 2027-12-28; name matches mail.example.com; trusted',
      nameMatches: true,
      trusted: true,
    });
    const typedAddress = summarizeHandshake({ version: 'TLSv1.3', cipher: 'X', certificate, authorized: false, authorizationError: 'the certificate is for mail.example.com, not 192.0.2.10' }, '192.0.2.10');
    expect(typedAddress.nameMatches).toBe(false);
    expect(typedAddress.line).toContain('NOT TRUSTED');
    expect(summarizeHandshake({ version: 'TLSv1.3', cipher: 'X' })).toEqual({ line: 'TLSv1.3 X', nameMatches: null, trusted: null });
  });
});
