/**
 * The terminal in live mode with TLS in the page (issue 18), through a real relay to small TLS
 * servers on loopback: the certificate summary and y/n question now come from the page's own
 * verdict, and a server without TLS 1.3 is a question before the relay may read the session.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../simulator/transports/relay/fake-mail-server.ts';
import { startRelay, type RelayHandle } from '../../simulator/transports/relay/server.ts';
import { makeTestPki, type TestPki } from '../../simulator/transports/relay/test-pki.ts';
import { makeHarness } from './testing/harness.ts';

let pki: TestPki;
let modern: FakeServer;
let old: FakeServer;
/** Started without --ca: the test CA is nobody's root, so every certificate is a question. */
let relay: RelayHandle;

beforeAll(async () => {
  pki = makeTestPki();
  modern = await startFakeServer(pki.cert, pki.key);
  old = await startFakeServer(pki.cert, pki.key, { tlsMaxVersion: 'TLSv1.2', implicitTls: true });
  relay = await startRelay({ port: 0, origins: [], allowPrivate: true, allowPorts: [modern.port, old.port] }, { log: () => undefined });
});

afterAll(async () => {
  await relay?.close();
  for (const f of [modern, old]) await f?.close();
  rmSync(pki.dir, { recursive: true, force: true });
});

function terminal() {
  const h = makeHarness({ cols: 400 });
  h.enter(`/relay ${relay.url}`);
  return h;
}

describe('live TLS in the page, in the terminal', () => {
  it('an untrusted certificate: the summary and the question come from the page\'s verdict; y goes on', async () => {
    const h = terminal();
    h.enter(`/connect --live localhost ${modern.port}`);
    await h.shows(/^220 fake\.test ESMTP ready$/);
    h.enter('STARTTLS');
    await h.shows(/^220 Ready to start TLS$/);
    await h.shows(/^TLS is on: TLSv1\.3, TLS_\w+; certificate CN=localhost issued by CN=Mailwire Test CA, valid \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; name matches localhost\.$/);
    await h.shows(/^TLS runs in this page, end to end with the server: the relay passes on ciphertext only\.$/);
    await h.shows(/^The server's certificate is not trusted: no certificate for the issuer "CN=Mailwire Test CA" was sent or is trusted \(missing-issuer\)\. Go on anyway\? \(y\/n\)$/);
    h.enter('NOOP');
    await h.shows(/^Please answer y \(go on with this certificate\) or n \(close the connection\)\.$/);
    h.enter('y');
    await h.shows(/^Going on with a certificate that is not trusted\.$/);
    h.enter('NOOP');
    await h.shows(/^250 secure echo NOOP$/);
    expect(modern.received.at(-1)).toBe('tls: NOOP');
    h.enter('/disconnect');
  });

  it('n closes the connection before anything is said over TLS', async () => {
    const h = terminal();
    const before = modern.received.length;
    h.enter(`/connect --live localhost ${modern.port}`);
    await h.shows(/^220 fake\.test ESMTP ready$/);
    h.enter('STARTTLS');
    await h.shows(/Go on anyway\? \(y\/n\)$/);
    h.enter('n');
    await h.shows(/^Connection closed by you\.$/);
    expect(modern.received.slice(before)).toEqual(['plain: STARTTLS']);
  });

  it('a server without TLS 1.3: told that the relay could read the session, and asked; y lets the relay do TLS 1.2', async () => {
    const h = terminal();
    h.enter(`/connect --live --tls localhost ${old.port}`);
    await h.shows(/^localhost did not take TLS 1\.3, the only TLS this page speaks: .+\. The relay can do TLS 1\.2 for you, but then the relay decrypts this session and can read everything in it, passwords included\. Let the relay read this session\? \(y\/n\)$/);
    h.enter('y');
    await h.shows(/^The relay does TLS for this session, and can read it\.$/);
    await h.shows(/^TLS is on: TLSv1\.2, /);
    await h.shows(/^TLS runs at the relay: the relay decrypts this session and could read it\.$/);
    h.enter('y'); // the certificate question (no --ca at this relay either)
    await h.shows(/^220 fake\.test ESMTP ready$/);
    h.enter('/disconnect');
  });

  it('n keeps the relay out: the connection ends', async () => {
    const h = terminal();
    h.enter(`/connect --live --tls localhost ${old.port}`);
    await h.shows(/Let the relay read this session\? \(y\/n\)$/);
    h.enter('n');
    await h.shows(/^Keeping the relay out of this session\.$/);
    await h.shows(/Not letting the relay read this session: closing it\./);
    expect(h.lines().some((l) => l.startsWith('TLS is on'))).toBe(false);
  });
});
