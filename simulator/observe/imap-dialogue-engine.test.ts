/**
 * The observer against the real IMAP engine: random sessions (AUTHENTICATE, IDLE/DONE, STARTTLS,
 * literals of both kinds, APPENDs whose lines look like commands and responses, FETCHes that send
 * them back, garbage) are played line by line into an ImapServer, and after the engine's answer
 * to each line the state the ImapDialogue tells from the lines alone must be the engine's own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Output } from '../engine.ts';
import type { ImapEvent } from '../imap/events.ts';
import { IMAP_STATES } from '../imap/state.ts';
import { freshWorld, imapServer } from '../imap/test-helpers.ts';
import { PLAIN_ALICE } from '../smtp/server-fixture.test-helper.ts';
import { TEST_TLS } from '../testing/transcript.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { ImapDialogue } from './imap-dialogue.ts';

const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);
/** A SASL PLAIN response (RFC 4616) with a wrong password (PLAIN_ALICE has the right one). */
const PLAIN_WRONG = 'AGFsaWNlAHdyb25n';

/** A session played into the engine and the observer together; `check` compares their states. */
class Pair {
  readonly world = freshWorld();
  readonly server;
  readonly observer = new ImapDialogue();
  readonly trace: string[] = [];
  /** The engine's state and the observer's, at every check. */
  readonly states: Array<[string, string | null]> = [];
  #partial = '';
  closed = false;

  constructor(port: number) {
    this.server = imapServer(this.world, port);
    this.world.store.subscribe((change) => this.#take(this.server.storeChanged(change, NOW)));
    this.#take(this.server.start(NOW));
  }

  /** Sends lines in one write (pipelined, RFC 9051 §5.5), then reads the engine's answer. */
  send(...lines: string[]): void {
    if (this.closed) return;
    for (const line of lines) {
      this.trace.push(`C: ${line}`);
      this.observer.client(line);
    }
    this.#take(this.server.feed(utf8Bytes(lines.map((l) => `${l}\r\n`).join('')), NOW));
  }

  /** Writes become server lines for the observer; STARTTLS and the next parts of a long FETCH run as a transport runs them. */
  #take(outputs: Output<ImapEvent>[]): void {
    let starttls = false;
    let tick = false;
    for (const out of outputs) {
      if (out.type === 'write') {
        const parts = (this.#partial + utf8Text(out.bytes)).split('\r\n');
        this.#partial = parts.pop() ?? '';
        for (const line of parts) {
          this.trace.push(`S: ${line.length > 80 ? `${line.slice(0, 80)}…` : line}`);
          this.observer.server(line);
        }
      } else if (out.type === 'starttls') starttls = true;
      else if (out.type === 'timer' && out.at <= NOW) tick = true;
      else if (out.type === 'close') this.closed = true;
    }
    this.check();
    if (starttls) {
      this.trace.push('TLS');
      this.observer.tlsStarted();
      this.#take(this.server.tlsStarted(TEST_TLS, NOW));
    }
    if (tick && !this.closed) this.#take(this.server.tick(NOW));
  }

  check(): void {
    const engine = this.server.state;
    // `responding` (a long FETCH written in parts, RFC 9051 §5.5) has no sign on the wire: the
    // observer says `selected`, the state whose commands the client may send meanwhile.
    const expected = engine === 'responding' ? 'selected' : engine;
    this.states.push([engine, this.observer.state]);
    if (this.observer.state !== expected) {
      throw new Error(`observer ${this.observer.state}, engine ${engine} after:\n${this.trace.slice(-12).join('\n')}`);
    }
  }
}

/**
 * One thing a client does, as the lines it sends; "T " at the start of a line becomes a fresh tag,
 * and a line starting ">" goes out with the next one without waiting for an answer.
 */
type Action = string[];

const simple = fc.constantFrom<Action>(
  ['T NOOP'], ['T CAPABILITY'], ['T LOGIN alice wonderland'], ['T LOGIN alice wrong'], ['T STARTTLS'],
  ['T SELECT INBOX'], ['T EXAMINE inbox'], ['T SELECT Nope'], ['T SELECT "Box"'], ['T SELECT Box2'], ['T SELECT INBOX (CONDSTORE)'],
  ['T CREATE Box'], ['T DELETE Box'], ['T DELETE "Box"'], ['T RENAME Box Box2'], ['T DELETE Box2'],
  ['T CLOSE'], ['T UNSELECT'], ['T LOGOUT'], ['T ENABLE IMAP4rev2'], ['T LIST "" *'],
  ['T FETCH 1:* (BODY[])'], ['T UID FETCH 1:* BODY.PEEK[]'], ['T STORE 1 +FLAGS (\\Deleted)'], ['T EXPUNGE'],
);

const authenticate = fc.constantFrom<Action>(
  ['T AUTHENTICATE PLAIN', PLAIN_ALICE], ['T AUTHENTICATE PLAIN', PLAIN_WRONG], ['T AUTHENTICATE PLAIN', '*'],
  ['T AUTHENTICATE PLAIN', '='], ['T AUTHENTICATE PLAIN', 'T LOGOUT'], ['T AUTHENTICATE PLAIN', 'x {3}'], [`T AUTHENTICATE PLAIN ${PLAIN_ALICE}`], ['T AUTHENTICATE CRAM-MD5'],
);

const idle = fc.constantFrom<Action>(['T IDLE', 'DONE'], ['T IDLE', 'done'], ['T IDLE', 'T NOOP'], ['T IDLE'], ['T IDLE', '>DONE', 'T SELECT Nope']);

/** Commands sent together: the answers come in order, and the "+" is for the last one sent. */
const pipelined = fc.constantFrom<Action>(
  ['>T NOOP', 'T LOGIN alice wonderland'], ['>T SELECT INBOX', 'T IDLE'], ['>T NOOP', 'T AUTHENTICATE PLAIN'],
  ['>T LOGIN {5+}', '>alice wonderland', 'T SELECT INBOX'], ['>T CLOSE', 'T STARTTLS'], ['>T STARTTLS', 'T NOOP'],
);

const loginLiteral = fc.constantFrom<Action>(
  ['T LOGIN {5}', 'alice wonderland'], ['T LOGIN {5+}', 'alice wonderland'], ['T LOGIN {5}', 'alice {10}', 'wonderland'],
  ['T LOGIN {5+}', 'alice {10+}', 'wonderland'], ['T SELECT {5+}', 'INBOX'], ['T SELECT {5}', 'INBOX'], ['T LOGIN {0}', ' {0+}', ''],
);

/** Message lines that would mislead an observer that took them for commands or responses. */
const messageLine = fc.constantFrom('Subject: hi', '', '* BYE not really', '+ idling', 'T OK fake', 'DONE', 'T LOGOUT', 'x {3}', 'body text');

/** APPEND with a literal of either kind, ending at a CRLF (the command's end follows) or just before one. */
function appendAction(body: readonly string[], nonSync: boolean, endsAtCrlf: boolean): Action {
  const size = body.reduce((n, l) => n + utf8Bytes(l).length + 2, 0) - (endsAtCrlf ? 0 : 2);
  return [`T APPEND INBOX {${size}${nonSync ? '+' : ''}}`, ...body, ...(endsAtCrlf ? [''] : [])];
}

const append = fc
  .tuple(fc.array(messageLine, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean())
  .map(([body, nonSync, endsAtCrlf]) => appendAction(body, nonSync, endsAtCrlf));

/** Lines without a usable tag (answered by an untagged BAD, RFC 9051 §7.1.3), some announcing literals. */
const untagged = fc.constantFrom<Action>(['+x NOOP'], ['* NOOP'], ['a(b NOOP'], [''], ['DONE'], ['+x SELECT {5}', 'T LOGIN alice wonderland'], ['* LOGIN {5+}', 'alice wonderland'], ['(x {3}', 'abc']);

const garbage = fc.string({ maxLength: 12 }).filter((s) => !/[\r\n]/.test(s)).map((s): Action => [s]);

/** The selected mailbox deleted (or renamed, then deleted): the engine leaves the selected state. */
const deleteSelected = fc.constantFrom<Action>(
  ['T CREATE Box', 'T SELECT Box', 'T DELETE Box'],
  ['T CREATE Box', 'T EXAMINE "Box"', 'T RENAME Box Box2', 'T DELETE "Box2"'],
  ['T CREATE Box', 'T SELECT Box', 'T RENAME INBOX Box3', 'T DELETE Box3'],
);

const action = fc.oneof(
  { arbitrary: simple, weight: 6 },
  { arbitrary: authenticate, weight: 2 },
  { arbitrary: idle, weight: 2 },
  { arbitrary: loginLiteral, weight: 2 },
  { arbitrary: append, weight: 2 },
  { arbitrary: untagged, weight: 2 },
  { arbitrary: pipelined, weight: 1 },
  { arbitrary: deleteSelected, weight: 1 },
  { arbitrary: garbage, weight: 1 },
);

/** How a session opens: often logged in, or with a mailbox selected, so the later states are reached often. */
const opening = fc.constantFrom<Action[]>(
  [],
  [['T LOGIN alice wonderland']],
  [['T STARTTLS'], ['T LOGIN alice wonderland'], ['T SELECT INBOX']],
  [['T LOGIN alice wonderland'], ['T SELECT INBOX']],
);

function play(port: number, actions: readonly Action[]): Pair {
  const pair = new Pair(port);
  let n = 0;
  let batch: string[] = [];
  for (const lines of actions) {
    for (const raw of lines) {
      const line = raw.replace(/^(>?)T /, (_, more: string) => `${more}t${++n} `);
      if (line.startsWith('>')) batch.push(line.slice(1));
      else {
        pair.send(...batch, line);
        batch = [];
      }
    }
  }
  return pair;
}

describe('ImapDialogue against the IMAP engine', () => {
  it('tells the engine\'s state (sub-states included) after every answer, on 143 and 993', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(143, 993), opening, fc.array(action, { maxLength: 40 }), (port, start, actions) => {
        for (const [engine] of play(port, [...start, ...actions]).states) reached.add(engine);
      }),
      { numRuns: 500 },
    );
    // Not vacuous: the random sessions reach every state a client can see.
    for (const s of IMAP_STATES.filter((s) => s !== 'responding')) expect(reached).toContain(s);
  });

  it('a long FETCH written in parts: the engine is `responding`, the observer `selected` (no sign of it on the wire)', () => {
    const pair = play(993, [
      ['T LOGIN alice wonderland'],
      appendAction(['Subject: big', '', 'x'.repeat(140_000)], false, true),
      appendAction(['Subject: small'], true, true),
      ['T SELECT INBOX'],
      ['T FETCH 1:* (BODY[])'],
    ]);
    expect(pair.states).toContainEqual(['responding', 'selected']);
    expect(pair.states.at(-1)).toEqual(['selected', 'selected']);
  });
});
