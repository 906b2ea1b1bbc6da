/**
 * Hostile input (issue 19): status responses are US-ASCII whatever the client sends (RFC 9051 §9
 * text = TEXT-CHAR; UTF-8 only after ENABLE IMAP4rev2, which this server does not need), and no
 * command line of up to 1,000 octets costs more than a few ms: LIST/LSUB patterns above all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastestMs } from '../testing/timing.ts';
import { freshWorld, session } from './test-helpers.ts';

/** Status responses and continuation requests: the lines whose text is the server's own. */
const STATUS_LINE = /^(\S+ (OK|NO|BAD|BYE|PREAUTH)\b|\+( |$))/;

const word = fc.oneof(
  fc.constantFrom('LIST', 'LSUB', '""', '"*"', '%', 'SELECT', 'FETCH', '1:*', 'SEARCH', 'OR', 'NOT', 'TEXT', 'Büro', '"Büro"', '§', 'FROB', '(', ')', '{3}', 'ENABLE', 'UTF8=ACCEPT', 'CREATE', 'STATUS'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const line = fc.array(word, { maxLength: 8 }).map((ws) => `t ${ws.join(' ')}`.slice(0, 1000));

describe('IMAP status responses are US-ASCII', () => {
  it('whatever a logged-in client sends', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (lines) => {
        const { driver } = session(freshWorld(), { user: 'alice', mailbox: 'INBOX' });
        const replies = lines.flatMap((l) => driver.send(`${l}\r\n`));
        for (const reply of replies.filter((r) => STATUS_LINE.test(r))) expect(reply).toMatch(/^[\t\x20-\x7e]*$/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('bounded cost', () => {
  it('the issue-19 LIST and LSUB patterns answer at once', () => {
    const { driver } = session(freshWorld(), { user: 'alice' });
    expect(driver.send(`b LIST "" "${'*'.repeat(60)}Z"\r\n`)).toEqual(['b OK LIST completed']);
    expect(driver.send(`c LSUB "" "${'%'.repeat(40)}Z"\r\n`)).toEqual(['c OK LSUB completed']);
    expect(fastestMs(() => driver.send(`b LIST "" "${'*'.repeat(60)}Z"\r\n`))).toBeLessThan(50);
    expect(fastestMs(() => driver.send(`c LSUB "" "${'%'.repeat(40)}Z"\r\n`))).toBeLessThan(50);
  });

  it('no command line of up to 1,000 octets takes more than 50 ms', () => {
    const world = freshWorld();
    const { driver } = session(world, { user: 'alice', mailbox: 'INBOX' });
    // Long names make a backtracking matcher's cost explode; the automaton stays linear.
    for (let i = 0; i < 8; i++) driver.send(`m${i} CREATE ${'a/'.repeat(20)}${'a'.repeat(100)}${i}\r\n`);
    const wild = fc.string({ unit: fc.constantFrom('*', '%', 'a', '/', 'Z'), minLength: 1, maxLength: 900 });
    const hostile = fc.oneof(
      wild.map((p) => `l LIST "" "${p}"`),
      wild.map((p) => `l LSUB "a" "${p}"`),
      wild.map((p) => `l LIST (SUBSCRIBED RECURSIVEMATCH) "" ("${p}" "${p.slice(0, 40)}") RETURN (CHILDREN STATUS (MESSAGES))`),
      fc.integer({ min: 1, max: 120 }).map((n) => `s SEARCH ${'OR NOT TEXT a '.repeat(n)}ALL`.slice(0, 1000)),
      fc.integer({ min: 1, max: 450 }).map((n) => `s SEARCH ${'('.repeat(n)}ALL${')'.repeat(n)}`),
      fc.integer({ min: 1, max: 200 }).map((n) => `f FETCH ${'1:*,'.repeat(n)}1 (FLAGS)`.slice(0, 1000)),
      line,
    );
    fc.assert(
      fc.property(hostile, (l) => {
        expect(fastestMs(() => driver.send(`${l}\r\n`)), l.slice(0, 80)).toBeLessThan(50);
      }),
      { numRuns: 300 },
    );
  });
});
