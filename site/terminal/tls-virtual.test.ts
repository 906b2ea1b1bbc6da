/**
 * STARTTLS typed in the terminal on the virtual network: the engines agree, the terminal starts
 * TLS itself (the connection waits for the client's handshake, as a real server does) and says so
 * in one line; the dialogue then goes on encrypted.
 */
import { describe, expect, it } from 'vitest';
import { makeHarness } from './testing/harness.ts';
import { createVirtualConnector } from './virtual-connector.ts';

const virtual = () => makeHarness({ connector: createVirtualConnector(), cols: 200 });

describe('STARTTLS on the virtual network, typed by the learner', () => {
  it('IMAP 143: a STARTTLS, then LOGIN and SELECT go over TLS', async () => {
    const h = virtual();
    h.enter('/connect mail.example.com 143');
    await h.shows(/^\* OK/);
    h.enter('a STARTTLS');
    await h.shows(/^TLS is on: TLSv1\.3/);
    expect(h.lines().find((l) => l.startsWith('TLS is on'))).toMatch(
      /^TLS is on: TLSv1\.3, TLS_\w+; certificate CN=mail\.example\.com issued by CN=Mailwire Virtual CA, valid \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; name matches mail\.example\.com\.$/,
    );
    expect(h.lines().at(-1)).toBe('mail.example.com:143 tls>');
    // Tab asks the engine's state: no SELECT before login, FETCH only once a mailbox is selected.
    h.type('a2 SEL\t');
    expect(h.session.editor.text).toBe('a2 SEL');
    h.type('\x15');
    h.enter('a2 LOGIN alice wonderland');
    await h.shows(/^a2 OK/);
    h.type('a3 FET\t');
    expect(h.session.editor.text).toBe('a3 FET');
    h.type('\x15');
    h.enter('a3 SELECT INBOX');
    await h.shows(/^a3 OK \[READ-WRITE\]/);
    h.type('a4 FET\t');
    expect(h.session.editor.text).toBe('a4 FETCH ');
    const tls = h.lines().findIndex((l) => l.startsWith('TLS is on'));
    expect(h.lines().findIndex((l) => l.startsWith('a OK'))).toBeLessThan(tls);
  });

  it('SMTP 587: EHLO, STARTTLS, EHLO again over TLS', async () => {
    const h = virtual();
    h.enter('/connect mail.example.com 587');
    await h.shows(/^220 /);
    h.enter('EHLO laptop');
    await h.shows(/^250 /);
    h.enter('STARTTLS');
    await h.shows(/^TLS is on/);
    h.enter('EHLO laptop');
    await h.shows(/^250[ -]AUTH/);
  });

  it('POP3 110: STLS, then USER and PASS', async () => {
    const h = virtual();
    h.enter('/connect mail.example.com 110');
    await h.shows(/^\+OK/);
    h.enter('STLS');
    await h.shows(/^TLS is on/);
    h.enter('USER alice');
    h.enter('PASS wonderland');
    await h.shows(/^\+OK .*(message|maildrop)/i);
  });

  it('holds a line typed right after STARTTLS until TLS is on', async () => {
    const h = virtual();
    h.enter('/connect mail.example.com 143');
    await h.shows(/^\* OK/);
    h.enter('a STARTTLS');
    h.enter('a2 CAPABILITY');
    await h.shows(/^a2 OK/);
    const at = (p: RegExp) => h.lines().findIndex((l) => p.test(l));
    expect(at(/^TLS is on/)).toBeLessThan(at(/^\* CAPABILITY/));
    expect(h.lines().find((l) => l.startsWith('* CAPABILITY'))).not.toMatch(/STARTTLS/);
  });
});
