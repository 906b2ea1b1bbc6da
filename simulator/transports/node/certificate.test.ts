import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { connect, createServer } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from './certificate.ts';

describe('selfSignedCertificate', () => {
  const made = selfSignedCertificate('mail.example.test');
  const cert = new X509Certificate(made.cert);

  it('names the host, localhost and both loopback addresses', () => {
    expect(cert.subject).toBe('CN=mail.example.test');
    expect(cert.checkHost('mail.example.test')).toBe('mail.example.test');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkIP('::1')).toBe('::1');
    expect(cert.checkHost('other.example.test')).toBeUndefined();
  });

  it('is signed by its own key, which is the PEM key given beside it', () => {
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    const key = createPrivateKey(made.key);
    expect(cert.checkPrivateKey(key)).toBe(true);
    expect(createPublicKey(key).asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('is valid now, for a server, with a fresh serial each time', () => {
    const now = Date.now();
    expect(new Date(cert.validFrom).getTime()).toBeLessThanOrEqual(now);
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(now + 300 * 86_400_000);
    expect(cert.ca).toBe(false);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(new X509Certificate(selfSignedCertificate('mail.example.test').cert).serialNumber).not.toBe(cert.serialNumber);
  });

  it('completes a TLS handshake with a client that trusts it, checking the name', async () => {
    const server = createServer({ cert: made.cert, key: made.key }, (socket) => socket.end('hello\r\n'));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    try {
      const text = await new Promise<string>((ok, fail) => {
        const socket = connect({ port, host: '127.0.0.1', servername: 'mail.example.test', ca: made.cert }, () => socket.setEncoding('utf8'));
        let got = '';
        socket.on('data', (d) => (got += d));
        socket.on('end', () => ok(got));
        socket.on('error', fail);
      });
      expect(text).toBe('hello\r\n');
    } finally {
      server.close();
    }
  });
});
