import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Address, Envelope } from '../../mime/types.ts';
import { joinText, list, nstring, type Piece, type StringOptions } from '../encode.ts';
import { envelopePieces } from './structure.ts';

/**
 * RFC 9051 §9 envelope spelled value by value with the general string helpers: what
 * envelopePieces must send, for plain header text and for text that needs quoting or a literal.
 */
function spelled(env: Envelope, opts: StringOptions): Piece[] {
  const addresses = (l: Address[] | null): Piece[] =>
    !l || !l.length ? ['NIL'] : ['(', ...l.flatMap((a) => ['(', ...nstring(a.name, opts), ' ', ...nstring(a.adl, opts), ' ', ...nstring(a.mailbox, opts), ' ', ...nstring(a.host, opts), ')']), ')'];
  return list([
    nstring(env.date, opts),
    nstring(env.subject, opts),
    addresses(env.from),
    addresses(env.sender),
    addresses(env.replyTo),
    addresses(env.to),
    addresses(env.cc),
    addresses(env.bcc),
    nstring(env.inReplyTo, opts),
    nstring(env.messageId, opts),
  ]);
}

/** Mostly plain header text, sometimes a quote, a backslash, a control, UTF-8, or text too long to quote. */
const value = fc.option(
  fc.oneof(
    { weight: 6, arbitrary: fc.stringMatching(/^[ -!#-[\]-~]{0,20}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^[ -~]{0,20}$/) },
    { weight: 1, arbitrary: fc.constantFrom('Grüße', 'tab\there', 'a "b" c', 'back\\slash', 'x'.repeat(1001), '') },
  ),
  { freq: 4 },
);
const address = fc.record({ name: value, adl: value, mailbox: value, host: value });
const addresses = fc.option(fc.array(address, { maxLength: 3 }), { freq: 3 });
const envelope: fc.Arbitrary<Envelope> = fc.record({
  date: value,
  subject: value,
  from: addresses,
  sender: addresses,
  replyTo: addresses,
  to: addresses,
  cc: addresses,
  bcc: addresses,
  inReplyTo: value,
  messageId: value,
});

describe('ENVELOPE wire form (RFC 9051 §9 envelope)', () => {
  it('is the same text as the value-by-value spelling, plain or not, in either kind of session', () => {
    fc.assert(
      fc.property(envelope, fc.boolean(), (env, utf8) => {
        expect(joinText(envelopePieces(env, { utf8 }))).toEqual(joinText(spelled(env, { utf8 })));
      }),
      { numRuns: 500 },
    );
  });

  it('plain header text joins into one string (what the ENVELOPE cache keeps)', () => {
    const env: Envelope = {
      date: 'Thu, 26 Nov 2026 10:00:00 +0000',
      subject: 'Report 0',
      from: [{ name: 'Bench Sender', adl: null, mailbox: 'sender', host: 'example.net' }],
      sender: null,
      replyTo: null,
      to: [],
      cc: null,
      bcc: null,
      inReplyTo: null,
      messageId: '<bench.0@example.net>',
    };
    expect(joinText(envelopePieces(env, { utf8: false }))).toEqual([
      '("Thu, 26 Nov 2026 10:00:00 +0000" "Report 0" (("Bench Sender" NIL "sender" "example.net")) NIL NIL NIL NIL NIL NIL "<bench.0@example.net>")',
    ]);
  });

  it('a value that is not plain sends the whole envelope the general way: a literal stays a piece of its own', () => {
    const env: Envelope = { date: null, subject: 'x'.repeat(1001), from: null, sender: null, replyTo: null, to: null, cc: null, bcc: null, inReplyTo: null, messageId: null };
    const pieces = joinText(envelopePieces(env, { utf8: false }));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces).toEqual(joinText(spelled(env, { utf8: false })));
  });
});
