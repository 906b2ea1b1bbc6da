/**
 * The state table (RFC 9051 §3) and every (state × command) pair: each gets an answer, in the
 * right form, and nothing throws (python-hyper/h2 test_state_machines.py).
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands/index.ts';
import { allowedCommands, COMMAND_STATES, IMAP_REGISTRY, type ImapVerb } from './registry.ts';
import { findTransition } from '../fsm.ts';
import { IMAP_STATES, IMAP_TABLE, IMAP_TRANSITIONS, stateName, type ImapState } from './state.ts';
import { freshWorld, session, type Driver } from './test-helpers.ts';

/** One or more sample invocations of every verb (UID covers its forms). */
const SAMPLES: Record<ImapVerb, string[]> = {
  CAPABILITY: ['CAPABILITY'],
  NOOP: ['NOOP'],
  LOGOUT: ['LOGOUT'],
  ID: ['ID NIL', 'ID ("name" "test")'],
  STARTTLS: ['STARTTLS'],
  AUTHENTICATE: ['AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'AUTHENTICATE PLAIN'],
  LOGIN: ['LOGIN alice wonderland'],
  ENABLE: ['ENABLE IMAP4rev2'],
  SELECT: ['SELECT INBOX', 'SELECT Missing'],
  EXAMINE: ['EXAMINE Archive'],
  CREATE: ['CREATE Foo/Bar'],
  DELETE: ['DELETE Sent'],
  RENAME: ['RENAME Sent Sent2', 'RENAME INBOX Old'],
  SUBSCRIBE: ['SUBSCRIBE Junk'],
  UNSUBSCRIBE: ['UNSUBSCRIBE Junk'],
  LIST: ['LIST "" *', 'LIST (SUBSCRIBED) "" % RETURN (STATUS (MESSAGES))'],
  LSUB: ['LSUB "" *'],
  NAMESPACE: ['NAMESPACE'],
  STATUS: ['STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE RECENT)'],
  APPEND: ['APPEND INBOX (\\Seen) {4+}\r\nhi\r\n'],
  IDLE: ['IDLE'],
  CHECK: ['CHECK'],
  CLOSE: ['CLOSE'],
  UNSELECT: ['UNSELECT'],
  EXPUNGE: ['EXPUNGE'],
  SEARCH: ['SEARCH ALL', 'SEARCH RETURN (COUNT) OR SEEN TEXT x'],
  FETCH: ['FETCH 1:* (FLAGS BODY[] BODYSTRUCTURE ENVELOPE)', 'FETCH 1 BINARY[1]'],
  STORE: ['STORE 1 +FLAGS (\\Deleted)'],
  COPY: ['COPY 1:2 Archive'],
  MOVE: ['MOVE 1 Archive'],
  UID: ['UID FETCH 1:* FLAGS', 'UID SEARCH ALL', 'UID STORE 1 -FLAGS (\\Seen)', 'UID COPY 2 Trash', 'UID MOVE 3 Trash', 'UID EXPUNGE 1:*'],
};

function inState(state: ImapState): Driver {
  const world = freshWorld();
  if (state === 'not-authenticated') return session(world).driver;
  if (state === 'authenticated') return session(world, { user: 'alice' }).driver;
  return session(world, { user: 'alice', mailbox: 'INBOX' }).driver;
}

describe('the IMAP state table', () => {
  it('has only transitions between known states, and every state is reachable or initial', () => {
    for (const t of IMAP_TRANSITIONS) {
      expect(IMAP_STATES).toContain(t.from);
      expect(IMAP_STATES).toContain(t.to);
    }
    expect(IMAP_TRANSITIONS.some((t) => t.from === 'not-authenticated' && t.to === 'selected')).toBe(false);
    expect(findTransition(IMAP_TABLE, 'selected', 'CLOSE')?.to).toBe('authenticated');
    const reached = new Set<ImapState>([IMAP_TABLE.initial, ...IMAP_TRANSITIONS.map((t) => t.to)]);
    for (const state of IMAP_STATES) expect(reached.has(state), state).toBe(true);
  });

  it('names every state in which a line is not a command, each returning to where it came from', () => {
    expect(findTransition(IMAP_TABLE, 'not-authenticated', 'AUTHENTICATE-continue')?.to).toBe('sasl');
    expect(findTransition(IMAP_TABLE, 'not-authenticated', 'STARTTLS')?.to).toBe('tls-handshake');
    expect(findTransition(IMAP_TABLE, 'tls-handshake', 'TLS-done')?.to).toBe('not-authenticated');
    for (const base of ['authenticated', 'selected'] as const) {
      const idle = findTransition(IMAP_TABLE, base, 'IDLE')!.to;
      expect(findTransition(IMAP_TABLE, idle, 'DONE')?.to).toBe(base);
    }
    for (const base of ['not-authenticated', 'authenticated', 'selected'] as const) {
      const literal = findTransition(IMAP_TABLE, base, 'literal')!.to;
      expect(findTransition(IMAP_TABLE, literal, 'literal-read')?.to).toBe(base);
    }
    for (const state of IMAP_STATES) if (state !== 'logout') expect(findTransition(IMAP_TABLE, state, 'dropped')?.to).toBe('logout');
  });

  it('names the commands each state allows, and every registered command has a row', () => {
    expect(allowedCommands('not-authenticated')).toEqual(['CAPABILITY', 'NOOP', 'LOGOUT', 'ID', 'STARTTLS', 'AUTHENTICATE', 'LOGIN']);
    expect(allowedCommands('selected')).toContain('FETCH');
    expect(allowedCommands('authenticated')).not.toContain('FETCH');
    expect(allowedCommands('logout')).toEqual([]);
    for (const spec of COMMANDS) {
      expect(spec.states, spec.verb).toEqual(COMMAND_STATES[spec.verb as ImapVerb]);
      expect(spec.name).toBe(spec.verb);
      expect(spec.summary.length, spec.verb).toBeGreaterThan(0);
      expect([9051, 3501, 2971, 6851]).toContain(spec.rfc.rfc);
    }
    expect(IMAP_REGISTRY.find('fetch')?.verb).toBe('FETCH');
    expect(IMAP_REGISTRY.allowedIn('not-authenticated').map((c) => c.verb)).toEqual(allowedCommands('not-authenticated'));
  });

  it('lists commands as RFC 9051 §6 groups them, by the first state that allows them, not by file name', () => {
    // §6.1 any state, §6.2 not authenticated, §6.3 authenticated (and selected), §6.4 selected only.
    const group = (states: readonly string[]): number =>
      states.includes('not-authenticated') ? (states.includes('selected') ? 0 : 1) : states.includes('authenticated') ? 2 : 3;
    const groups = IMAP_REGISTRY.all.map((c) => group(c.states));
    expect(groups, IMAP_REGISTRY.all.map((c) => c.verb).join(' ')).toEqual([...groups].sort((a, b) => a - b));
    expect(IMAP_REGISTRY.all.slice(0, 4).map((c) => c.verb)).toEqual(['CAPABILITY', 'NOOP', 'LOGOUT', 'ID']);
    const verbs = IMAP_REGISTRY.all.map((c) => c.verb);
    expect(verbs).not.toEqual([...verbs].sort());
    for (const state of ['not-authenticated', 'authenticated', 'selected'] as const) expect(IMAP_REGISTRY.allowedIn(state).map((c) => c.verb)).toEqual(allowedCommands(state).filter((v) => v !== 'UID'));
  });
});

describe('every (state × command) pair answers and never throws', () => {
  for (const state of ['not-authenticated', 'authenticated', 'selected'] as const) {
    for (const [verb, samples] of Object.entries(SAMPLES) as Array<[ImapVerb, string[]]>) {
      for (const sample of samples) {
        it(`${state}: ${sample.split('\r\n')[0]}`, () => {
          const driver = inState(state);
          let lines = driver.send(`t ${sample}\r\n`);
          if (lines.at(-1)?.startsWith('+ ')) lines = [...lines, ...driver.send(verb === 'IDLE' ? 'DONE\r\n' : '*\r\n')];
          const tagged = lines.filter((l) => /^t (OK|NO|BAD) /.test(l));
          expect(tagged, lines.join('\n')).toHaveLength(1);
          const allowed = COMMAND_STATES[verb].includes(state);
          if (!allowed) expect(tagged[0]).toMatch(new RegExp(`^t BAD .*not allowed in the ${stateName(state)}`));
          else expect(tagged[0]).not.toMatch(/not allowed in the/);
        });
      }
    }
  }

  it('answers nothing once logged out, and does not throw', () => {
    const driver = inState('selected');
    driver.send('t LOGOUT\r\n');
    expect(driver.engine.state).toBe('logout');
    expect(driver.send('t NOOP\r\n')).toEqual([]);
    expect(() => driver.tick()).not.toThrow();
  });
});
