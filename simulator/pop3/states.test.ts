/**
 * The named states a POP3 session passes through, as the engine reports them: every state that
 * changes what a line means (SASL, TLS-HANDSHAKE) and UPDATE are visible as state events.
 */
import { describe, expect, it } from 'vitest';
import { TEST_TLS } from '../testing/transcript.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { bobLoggedIn, pop3, T0 } from './fixtures.test-helper.ts';
import type { Pop3Event } from './events.ts';

const moves = (events: readonly Pop3Event[]) => events.flatMap((e) => (e.kind === 'state' ? [`${e.from}>${e.to}`] : []));

describe('POP3 state events', () => {
  it('QUIT in TRANSACTION passes through UPDATE: the expunge happens between the two moves', () => {
    const f = bobLoggedIn();
    f.driver.send('DELE 1\r\n');
    expect(f.driver.send('QUIT\r\n')[0]).toMatch(/^\+OK .* signing off/);
    const events = f.driver.events.slice(f.driver.events.findIndex((e) => e.kind === 'state' && e.to === 'UPDATE'));
    expect(events.map((e) => e.kind)).toEqual(['state', 'update', 'state']);
    expect(moves(events)).toEqual(['TRANSACTION>UPDATE', 'UPDATE>CLOSED']);
  });

  it('AUTH without an initial response enters SASL; the response line leaves it', () => {
    const f = pop3({ port: 995 });
    expect(f.driver.send('AUTH PLAIN\r\n')).toEqual(['+ ']);
    expect(f.server.state).toBe('SASL');
    // A command word in the SASL state is a (bad) response, not a command (RFC 5034 §4).
    expect(f.driver.send('LIST 1\r\n')[0]).toMatch(/^-ERR AUTH response is not valid base64/);
    expect(f.server.state).toBe('AUTHORIZATION');
    f.driver.send('AUTH PLAIN\r\n');
    expect(f.driver.send('*\r\n')).toEqual(['-ERR AUTH cancelled by the client']);
    f.driver.send('AUTH PLAIN\r\n');
    expect(f.driver.send(`${btoa('\0bob\0builder')}\r\n`)[0]).toMatch(/^\+OK maildrop locked/);
    expect(moves(f.driver.events)).toEqual([
      'AUTHORIZATION>SASL', 'SASL>AUTHORIZATION',
      'AUTHORIZATION>SASL', 'SASL>AUTHORIZATION',
      'AUTHORIZATION>SASL', 'SASL>TRANSACTION',
    ]);
  });

  it('STLS enters TLS-HANDSHAKE, where nothing is read, until the handshake ends', () => {
    const f = pop3({ port: 110 });
    const out = f.server.feed(utf8Bytes('STLS\r\nUSER bob\r\n'), T0);
    expect(out.map((o) => o.type)).toEqual(['write', 'event', 'starttls', 'timer']);
    expect(f.server.state).toBe('TLS-HANDSHAKE');
    expect(f.server.feed(utf8Bytes('CAPA\r\n'), T0)).toEqual([]);
    f.driver.take([...out, ...f.server.tlsStarted(TEST_TLS, T0)].filter((o) => o.type !== 'starttls'));
    expect(f.server.state).toBe('AUTHORIZATION');
    expect(moves(f.driver.events)).toEqual(['AUTHORIZATION>TLS-HANDSHAKE', 'TLS-HANDSHAKE>AUTHORIZATION']);
    // What was pipelined behind STLS was thrown away: PASS finds no USER.
    expect(f.driver.send('PASS builder\r\n')).toEqual(['-ERR give USER first']);
  });
});
