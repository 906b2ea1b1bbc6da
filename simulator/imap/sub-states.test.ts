/**
 * The states in which a line is not a command (state.ts): the engine is in them exactly while the
 * next octets mean something else, and leaves them the way IMAP_TABLE says.
 */
import { describe, expect, it } from 'vitest';
import { EngineDriver } from '../testing/transcript.ts';
import { freshWorld, imapServer, session } from './test-helpers.ts';

const states = (d: { events: unknown[] }): string[] =>
  d.events.flatMap((e) => (typeof e === 'object' && e !== null && (e as { kind?: string }).kind === 'state' ? [(e as { to: string }).to] : []));

describe('IMAP sub-states', () => {
  it('literal-*: between "{n}" and its last octet, then back to the state the command started in', () => {
    const driver = new EngineDriver(imapServer());
    driver.start();
    expect(driver.send('a LOGIN {5}\r\n')).toEqual(['+ Ready for literal data']);
    expect(driver.engine.state).toBe('literal-not-authenticated');
    driver.send('ali');
    expect(driver.engine.state).toBe('literal-not-authenticated');
    const done = driver.send('ce wonderland\r\n');
    expect(done.at(-1)).toMatch(/^a OK /);
    expect(states(driver)).toEqual(['literal-not-authenticated', 'not-authenticated', 'authenticated']);
  });

  it('sasl: after the "+ " of AUTHENTICATE; "*" goes back to not-authenticated', () => {
    const driver = new EngineDriver(imapServer());
    driver.start();
    expect(driver.send('a AUTHENTICATE PLAIN\r\n')).toEqual(['+ ']);
    expect(driver.engine.state).toBe('sasl');
    expect(driver.send('*\r\n')).toEqual(['a BAD AUTHENTICATE cancelled']);
    expect(driver.engine.state).toBe('not-authenticated');
    driver.send('b AUTHENTICATE PLAIN\r\n');
    expect(driver.send('AGFsaWNlAHdvbmRlcmxhbmQ=\r\n').at(-1)).toMatch(/^b OK /);
    expect(driver.engine.state).toBe('authenticated');
  });

  it('tls-handshake: after STARTTLS OK until the handshake ends', () => {
    const server = imapServer(freshWorld(), 143);
    const driver = new EngineDriver(server);
    driver.start();
    // Not through driver.take, which would run the handshake at once.
    expect(server.feed(new TextEncoder().encode('a STARTTLS\r\n'), driver.now).map((o) => o.type)).toContain('starttls');
    expect(server.state).toBe('tls-handshake');
    expect(server.feed(new TextEncoder().encode('b NOOP\r\n'), driver.now)).toEqual([]);
    driver.take(server.tlsStarted({ version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' }, driver.now));
    expect(server.state).toBe('not-authenticated');
  });

  it('idle-selected: until DONE, then selected again; a drop ends in logout', () => {
    const { driver, server } = session(freshWorld(), { user: 'alice', mailbox: 'INBOX' });
    driver.send('i IDLE\r\n');
    expect(server.state).toBe('idle-selected');
    expect(driver.send('DONE\r\n')).toEqual(['i OK IDLE terminated']);
    expect(server.state).toBe('selected');
    driver.send('j IDLE\r\n');
    driver.take(server.closed(driver.now));
    expect(server.state).toBe('logout');
  });
});
