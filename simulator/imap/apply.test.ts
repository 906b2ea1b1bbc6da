/**
 * The effect applier carries out what a handler returns in the order given: untagged data before
 * the tagged line, a state move before the next effect and the next command, STARTTLS and close
 * only after the tagged OK, the parts of a long response on `resume`.
 */
import { describe, expect, it } from 'vitest';
import type { Output } from '../engine.ts';
import { StateMachine } from '../fsm.ts';
import { testContext } from '../testing/context.ts';
import { EngineDriver } from '../testing/transcript.ts';
import { EffectApplier, MAX_BADS_IN_A_ROW, type Running } from './apply.ts';
import { close, done, enter, event, more, protocolError, starttls, untagged } from './effects.ts';
import type { ImapEvent } from './events.ts';
import { ImapOutput } from './output.ts';
import { ANNOUNCED_CAPABILITIES } from './registry.ts';
import { ok } from './responses.ts';
import { Session } from './session.ts';
import { IMAP_TABLE, type ImapState, type ImapTrigger } from './state.ts';
import { freshWorld, imapServer } from './test-helpers.ts';

const RUN: Running = { tag: 'a1', name: 'TEST', updates: 'all' };

function applier() {
  const machine = new StateMachine<ImapState, ImapTrigger>(IMAP_TABLE);
  const session = new Session(testContext('mail.example.com', 993), machine, ANNOUNCED_CAPABILITIES);
  const output = new ImapOutput();
  let cleared = 0;
  const effects = new EffectApplier(session, machine, output, () => cleared++);
  return { session, output, effects, cleared: () => cleared };
}

/** The outputs in order, writes as their text. */
function trace(outputs: Output<ImapEvent>[]): string[] {
  const decoder = new TextDecoder();
  return outputs.map((o) => {
    switch (o.type) {
      case 'write':
        return decoder.decode(o.bytes);
      case 'event':
        return o.event.kind === 'state' ? `state ${o.event.from} -> ${o.event.to}` : `event ${o.event.kind}`;
      default:
        return o.type;
    }
  });
}

describe('the IMAP effect applier', () => {
  it('writes untagged responses before the tagged line, in the order given, then reports the command', () => {
    const { effects, output } = applier();
    effects.apply(RUN, [untagged('FIRST'), untagged('SECOND ', new TextEncoder().encode('bytes')), done(ok('TEST completed', 'CODE'))]);
    expect(trace(output.take())).toEqual(['* FIRST\r\n* SECOND bytes\r\na1 OK [CODE] TEST completed\r\n', 'event command']);
  });

  it('makes a state move before the effects after it, and the state event falls between the writes around it', () => {
    const { effects, output, session } = applier();
    effects.apply(RUN, [untagged('BEFORE'), enter('LOGIN'), event({ kind: 'selected', mailbox: 'INBOX', readOnly: true }), done(ok('done'))]);
    expect(session.state).toBe('authenticated');
    expect(trace(output.take())).toEqual(['* BEFORE\r\n', 'state not-authenticated -> authenticated', 'event selected', 'a1 OK done\r\n', 'event command']);
  });

  it('starts TLS only after the tagged OK, forgetting the input read so far', () => {
    const { effects, output, session, cleared } = applier();
    effects.apply(RUN, [done(ok('Begin TLS negotiation now')), enter('STARTTLS'), starttls()]);
    expect(trace(output.take())).toEqual(['a1 OK Begin TLS negotiation now\r\n', 'event command', 'state not-authenticated -> tls-handshake', 'starttls']);
    expect(session.state).toBe('tls-handshake');
    expect(cleared()).toBe(1);
  });

  it('closes after LOGOUT: BYE, the move to logout, the tagged OK, then close', () => {
    const { effects, output, session } = applier();
    effects.apply(RUN, [untagged('BYE logging out'), enter('LOGOUT'), done(ok('LOGOUT completed')), close()]);
    expect(trace(output.take())).toEqual(['* BYE logging out\r\n', 'state not-authenticated -> logout', 'a1 OK LOGOUT completed\r\n', 'event command', 'close']);
    expect(session.state).toBe('logout');
  });

  it('a long response: part one, the `responding` state and a timer for now; the rest on resume, then the state it came from', () => {
    const { effects, output, session } = applier();
    effects.apply(RUN, [enter('LOGIN'), done(ok('in'))]);
    effects.apply(RUN, [enter('SELECT'), done(ok('selected'))]);
    output.take();
    session.now = 42;
    effects.apply(RUN, [untagged('1 FETCH (UID 1)'), more(() => [untagged('2 FETCH (UID 2)'), done(ok('FETCH completed'))])]);
    expect(session.state).toBe('responding');
    expect(trace(output.take())).toEqual(['* 1 FETCH (UID 1)\r\n', 'state selected -> responding', 'timer']);
    const busy = effects.inProgress;
    if (busy?.kind !== 'more') throw new Error(`expected a response in parts, got ${busy?.kind ?? 'nothing'}`);
    effects.apply(busy.run, busy.resume());
    expect(trace(output.take())).toEqual(['* 2 FETCH (UID 2)\r\n', 'state responding -> selected', 'a1 OK FETCH completed\r\n', 'event command']);
    expect(effects.inProgress).toBeNull();
  });

  it('maps a protocol error to its tagged line and says BYE after too many BADs in a row', () => {
    const { effects, output, session } = applier();
    for (let i = 0; i < MAX_BADS_IN_A_ROW - 1; i++) effects.apply(RUN, [protocolError({ kind: 'argument', message: 'no' })]);
    expect(session.state).toBe('not-authenticated');
    effects.apply(RUN, [protocolError({ kind: 'privacy-required' })]); // a NO ends the run of BADs
    for (let i = 0; i < MAX_BADS_IN_A_ROW; i++) effects.apply(RUN, [protocolError({ kind: 'syntax', message: 'what?' })]);
    const lines = trace(output.take()).filter((t) => t.endsWith('\r\n')).join('').split('\r\n');
    expect(lines).toContain('a1 NO [PRIVACYREQUIRED] Plaintext passwords are refused before TLS: send STARTTLS first, or use port 993');
    expect(lines.filter((l) => l === 'a1 BAD what?')).toHaveLength(MAX_BADS_IN_A_ROW);
    expect(lines.at(-2)).toBe(`* BYE Too many errors (${MAX_BADS_IN_A_ROW} BAD responses in a row)`);
    expect(session.state).toBe('logout');
  });
});

describe('the state a command moves to is in place before the next command is read', () => {
  it('LOGIN then SELECT in one read: SELECT is checked against the authenticated state', () => {
    const driver = new EngineDriver(imapServer(freshWorld()));
    driver.start();
    const lines = driver.send('a LOGIN alice wonderland\r\nb SELECT INBOX\r\nc LOGIN alice wonderland\r\n');
    expect(lines.filter((l) => /^[abc] /.test(l)).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(['a OK', 'b OK', 'c BAD']);
    expect(lines.at(-1)).toMatch(/^c BAD LOGIN is not allowed in the selected state/);
  });

  it('SELECT before LOGIN in one read is refused, and the LOGIN after it still runs', () => {
    const driver = new EngineDriver(imapServer(freshWorld()));
    driver.start();
    const lines = driver.send('a SELECT INBOX\r\nb LOGIN alice wonderland\r\n');
    expect(lines[0]).toMatch(/^a BAD SELECT is not allowed in the not authenticated state/);
    expect(lines.at(-1)).toMatch(/^b OK \[CAPABILITY /);
  });
});
