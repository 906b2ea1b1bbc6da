/**
 * The per-message caches (message-cache.ts) change nothing a client sees: FETCH answered from
 * them equals FETCH on a fresh copy of the same messages (nothing cached yet), after flag changes
 * (flags are never cached) and after an expunge; and a value dropped for the budget comes back
 * the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envelopeOfHeader } from '../mime/index.ts';
import { parseHeaderBlock } from '../mime/header.ts';
import type { World } from '../world/world.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { joinText, type Piece } from './encode.ts';
import { CACHE_BUDGETS, cachedFieldText, envelopeWire, fieldsOf, headerOf, parsed, structureWire, WireCache } from './message-cache.ts';
import type { StoredMessage } from '../store/types.ts';
import { envelopePieces } from './fetch/structure.ts';
import { freshWorld, session, T0 } from './test-helpers.ts';

const ALICE = 'alice@example.com';

/** Header text: printable ASCII (quotes and backslashes included), some UTF-8, an encoded word. */
const text = fc.oneof(
  fc.stringMatching(/^[ -~]{0,30}$/),
  fc.constantFrom('Grüße aus Köln', '=?UTF-8?B?w6l0w6k=?=', 'a "quoted" \\ word', '日本語'),
);
const address = fc.tuple(fc.stringMatching(/^[A-Za-z ]{0,12}$/), fc.stringMatching(/^[a-z]{1,8}$/)).map(([name, local]) => (name.trim() ? `${name.trim()} <${local}@example.org>` : `${local}@example.org`));
const message = fc
  .record({ subject: text, from: address, to: fc.array(address, { minLength: 1, maxLength: 3 }), body: text, multipart: fc.boolean() })
  .map(({ subject, from, to, body, multipart }) => {
    const head = [`From: ${from}`, `To: ${to.join(', ')}`, `Subject: ${subject}`, 'MIME-Version: 1.0'];
    const rest = multipart
      ? ['Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', '', body, '--b--', '']
      : ['Content-Type: text/plain; charset=utf-8', '', body, ''];
    return [...head, ...rest].join('\r\n');
  });

const BOX = 'Cached';

/** What pieces put on the wire, as text (cached forms are octets, fresh ones strings). */
const wireText = (pieces: readonly Piece[]): string => pieces.map((p) => (typeof p === 'string' ? p : utf8Text(p))).join('');

function worldWith(messages: readonly string[]): World {
  const world = freshWorld();
  world.store.createMailbox(ALICE, BOX);
  for (const m of messages) world.store.append(ALICE, BOX, utf8Bytes(m), { internalDate: T0 });
  return world;
}

/** The lines of a command's response, tagged line dropped, in a session of its own. */
function fetch(world: World, command: string, rev2 = false): string[] {
  const { driver } = session(world, { user: 'alice', mailbox: BOX, rev2 });
  return driver.send(`f ${command}\r\n`).filter((l) => !l.startsWith('f '));
}

/** Without the FLAGS item: \Recent goes to the first session that sees a message. */
const unflagged = (lines: string[]): string[] => lines.map((l) => l.replace(/FLAGS \([^)]*\) /, ''));

const ITEMS = 'FETCH 1:* (FLAGS ENVELOPE BODYSTRUCTURE BODY RFC822.SIZE)';

describe('per-message caches', () => {
  it('FETCH from the caches equals FETCH of fresh copies, again after flag changes and an expunge', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 6 }), fc.boolean(), (messages, rev2) => {
        const world = worldWith(messages);
        const first = unflagged(fetch(world, ITEMS, rev2));
        expect(unflagged(fetch(world, ITEMS, rev2))).toEqual(first);
        expect(unflagged(fetch(worldWith(messages), ITEMS, rev2))).toEqual(first);
        // The other kind of session (UTF-8 quoting or not) shares only what is the same for both.
        expect(unflagged(fetch(world, ITEMS, !rev2))).toEqual(unflagged(fetch(worldWith(messages), ITEMS, !rev2)));

        // Flags are never cached: a STORE shows at once, the rest of each response is unchanged.
        const { driver } = session(world, { user: 'alice', mailbox: BOX });
        driver.send('s STORE 1 +FLAGS (\\Flagged)\r\n');
        const after = fetch(world, ITEMS, rev2);
        expect(after[0]).toMatch(/^\* 1 FETCH \(FLAGS \([^)]*\\Flagged/);
        expect(unflagged(after)).toEqual(first);

        // After an expunge the others are answered as fresh copies of what is left are.
        driver.send('s STORE 1 +FLAGS (\\Deleted)\r\ne EXPUNGE\r\n');
        const left = messages.length > 1 ? unflagged(fetch(world, ITEMS, rev2)) : [];
        const fresh = messages.length > 1 ? unflagged(fetch(worldWith(messages.slice(1)), ITEMS, rev2)) : [];
        expect(left).toEqual(fresh);
      }),
      { numRuns: 40 },
    );
  });

  it('the cached ENVELOPE is the one computed from the header, every time asked', () => {
    fc.assert(
      fc.property(message, fc.boolean(), (raw, utf8) => {
        const world = worldWith([raw]);
        const m = world.store.mailbox(ALICE, 'INBOX')!.messages[0]!;
        const opts = { utf8 };
        const fresh = joinText(envelopePieces(envelopeOfHeader(parseHeaderBlock(m.raw, 0, m.raw.length).fields), opts));
        expect(wireText(envelopeWire(m, opts))).toEqual(wireText(fresh));
        expect(wireText(envelopeWire(m, opts))).toEqual(wireText(fresh));
        const fields = parseHeaderBlock(m.raw, 0, m.raw.length).fields;
        expect(headerOf(m)).toEqual(fields);
        for (const name of ['subject', 'FROM', 'To', 'x-none']) expect(fieldsOf(m, name)).toEqual(fields.filter((f) => f.name.toLowerCase() === name.toLowerCase()));
        expect(wireText(structureWire(m, true, opts))).toEqual(wireText(structureWire(m, true, opts)));
      }),
      { numRuns: 200 },
    );
  });

  it('a mailbox past the ENVELOPE budget, read three times: the third finds the first messages in the cache, the rest computed again the same', () => {
    const raw = `From: a@example.org\r\nSubject: ${'x'.repeat(900)}\r\n\r\nbody\r\n`;
    const world = freshWorld();
    // About 1 KB of ENVELOPE each: enough of them to pass the budget.
    const count = Math.ceil(CACHE_BUDGETS.envelopes / 900);
    for (let i = 0; i < count; i++) world.store.append(ALICE, 'INBOX', utf8Bytes(raw.replace('Subject: ', `Subject: ${i} `)), { internalDate: T0 });
    const messages = world.store.mailbox(ALICE, 'INBOX')!.messages;
    const opts = { utf8: false };
    let computed = 0;
    const cache = new WireCache(CACHE_BUDGETS.envelopes, (m, o) => {
      computed++;
      return envelopePieces(envelopeOfHeader(parseHeaderBlock(m.raw, 0, m.raw.length).fields), o);
    });
    const first = messages.map((m) => cache.get(m, opts));
    const n = messages.length; // the world's own INBOX messages too
    expect(computed).toBe(n);
    // A first read keeps nothing; the second keeps what fits; the third finds that.
    cache.newPass(n);
    messages.forEach((m) => cache.get(m, opts));
    expect(computed).toBe(2 * n);
    cache.newPass(n);
    const again = messages.map((m) => cache.get(m, opts));
    expect(again.map(wireText)).toEqual(first.map(wireText));
    const kept = n - (computed - 2 * n);
    expect(kept).toBeGreaterThan(n * 0.8);
    expect(kept).toBeLessThan(n);
    expect(wireText(envelopeWire(messages[0]!, opts))).toEqual(wireText(first[0]!));
    expect(wireText(envelopeWire(messages.at(-1)!, opts))).toEqual(wireText(first.at(-1)!));
  });

  it('SEARCH SUBJECT twice over a small mailbox decodes each Subject once; a repeated field matches on either value', () => {
    const world = freshWorld();
    world.store.append(ALICE, 'INBOX', utf8Bytes('Subject: =?UTF-8?B?w6l0w6k=?= plans\r\nSubject: Second\r\n\r\nbody\r\n'), { internalDate: T0 });
    const { driver } = session(world, { user: ALICE, mailbox: 'INBOX' });
    const messages = world.store.mailbox(ALICE, 'INBOX')!.messages;
    const search = (tag: string, what: string) => driver.send(`${tag} SEARCH SUBJECT "${what}"\r\n`).find((l) => l.startsWith('* SEARCH'));
    const last = messages.length;
    expect(search('s1', 'été')).toBe(`* SEARCH ${last}`);
    // The first SEARCH kept each message's Subject text (the walk fits the budget): nothing to compute now.
    let computed = 0;
    for (const m of messages) cachedFieldText(m, 'SUBJECT', () => (computed++, ''));
    expect(computed).toBe(0);
    expect(search('s2', 'second')).toBe(`* SEARCH ${last}`);
    expect(search('s3', 'plans second')).toBe('* SEARCH');
  });

  it('a MIME tree is shared by the items of one message and not kept once another message is parsed', () => {
    const world = worldWith(['Subject: a\r\n\r\none\r\n', 'Subject: b\r\n\r\ntwo\r\n']);
    const [a, b] = world.store.mailbox(ALICE, BOX)!.messages as [StoredMessage, StoredMessage];
    const tree = parsed(a);
    expect(parsed(a)).toBe(tree);
    expect(headerOf(a)).toBe(tree.header);
    parsed(b);
    expect(parsed(a)).not.toBe(tree);
    expect(parsed(a)).toEqual(tree);
  });
});
