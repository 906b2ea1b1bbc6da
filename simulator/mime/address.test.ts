import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddressList, parseTokenized, simpleMailbox } from './address.ts';
import type { Address } from './types.ts';

function a(name: string | null, mailbox: string | null, host: string | null, adl: string | null = null): Address {
  return { name, adl, mailbox, host };
}

const START = (group: string): Address => a(null, group, null);
const END = a(null, null, null);

describe('RFC 5322 §3.4 address lists', () => {
  const cases: Array<[string, Address[]]> = [
    ['user@example.com', [a(null, 'user', 'example.com')]],
    ['<user@example.com>', [a(null, 'user', 'example.com')]],
    ['John Doe <jdoe@machine.example>', [a('John Doe', 'jdoe', 'machine.example')]],
    ['"Joe Q. Public" <john.q.public@example.com>', [a('Joe Q. Public', 'john.q.public', 'example.com')]],
    ['Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>',
      [a('Mary Smith', 'mary', 'x.test'), a(null, 'jdoe', 'example.org'), a('Who?', 'one', 'y.test')]],
    ['<boss@nil.test>, "Giant; \\"Big\\" Box" <sysservices@example.net>',
      [a(null, 'boss', 'nil.test'), a('Giant; "Big" Box', 'sysservices', 'example.net')]],
    // RFC 5322 Appendix A.1.3 group addresses.
    ['A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;',
      [START('A Group'), a('Ed Jones', 'c', 'a.test'), a(null, 'joe', 'where.test'), a('John', 'jdoe', 'one.test'), END]],
    ['Undisclosed recipients:;', [START('Undisclosed recipients'), END]],
    ['undisclosed-recipients:;, x@y', [START('undisclosed-recipients'), END, a(null, 'x', 'y')]],
    // RFC 5322 Appendix A.5 white space, comments, and other oddities.
    ['Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>', [a('Pete', 'pete', 'silly.test')]],
    ['A Group(Some people)\r\n     :Chris Jones <c@(Chris\'s host.)public.example>,\r\n         joe@example.org,\r\n  John <jdoe@one.test> (my dear friend); (the end of the group)',
      [START('A Group'), a('Chris Jones', 'c', 'public.example'), a(null, 'joe', 'example.org'), a('John', 'jdoe', 'one.test'), END]],
    // RFC 5322 Appendix A.6.1 obsolete forms.
    ['Joe Q. Public <john.q.public@example.com>', [a('Joe Q. Public', 'john.q.public', 'example.com')]],
    ['Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example',
      [a('Mary Smith', 'mary', 'example.net', '@node.test'), a(null, 'jdoe', 'test.example')]],
    ['<@r1.example,@r2.example:x@y.example>', [a(null, 'x', 'y.example', '@r1.example,@r2.example')]],
    ['John Doe <jdoe@machine(comment).  example>', [a('John Doe', 'jdoe', 'machine.example')]],
    // Old style comment as the name.
    ['jdoe@example.com (John Doe)', [a('John Doe', 'jdoe', 'example.com')]],
    // Quoted local parts stay quoted so mailbox@host is still an address.
    ['"john doe"@example.com', [a(null, '"john doe"', 'example.com')]],
    ['<"a\\"b"@example.com>', [a(null, '"a\\"b"', 'example.com')]],
    // Domain literals.
    ['root@[192.0.2.1]', [a(null, 'root', '[192.0.2.1]')]],
    // Encoded words are kept as written.
    ['=?ISO-8859-1?Q?Olle_J=E4rnefors?= <ojarnef@admin.kth.se>', [a('=?ISO-8859-1?Q?Olle_J=E4rnefors?=', 'ojarnef', 'admin.kth.se')]],
    ['=?utf-8?q?a?= =?utf-8?q?b?= <x@y>', [a('=?utf-8?q?a?= =?utf-8?q?b?=', 'x', 'y')]],
    ['"Doe, John" <john@example.com>', [a('Doe, John', 'john', 'example.com')]],
    ['Jürgen Müller <j@bücher.de>', [a('Jürgen Müller', 'j', 'bücher.de')]],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parseAddressList(text)).toEqual(expected);
  });
});

describe('broken address lists', () => {
  const cases: Array<[string, Address[]]> = [
    ['', []],
    ['   ', []],
    [',,,', []],
    ['(just a comment)', []],
    ['undisclosed-recipients', [a(null, 'undisclosed-recipients', '')]],
    ['John <john@example.com', [a('John', 'john', 'example.com')]],
    ['<>', [a(null, '', '')]],
    ['Group: a@b', [START('Group'), a(null, 'a', 'b'), END]],
    ['a@b; c@d', [a(null, 'a', 'b'), a(null, 'c', 'd')]],
    ['"unterminated <x@y>', [a(null, '"unterminated <x@y>"', '')]],
    ['a@b@c', [a(null, 'a@b', 'c')]],
    ['G1: x@y; G2: ;', [START('G1'), a(null, 'x', 'y'), END, START('G2'), END]],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parseAddressList(text)).toEqual(expected);
  });
});

describe('the fast path for one plain mailbox', () => {
  const atext = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,8}$/);
  const dotAtom = fc.array(atext, { minLength: 1, maxLength: 3 }).map((w) => w.join('.'));
  const name = fc.array(atext, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  const text = fc.oneof(
    fc.tuple(name, dotAtom, dotAtom).map(([n, l, d]) => `${n} <${l}@${d}>`),
    fc.tuple(dotAtom, dotAtom).map(([l, d]) => `${l}@${d}`),
    // Near misses must fall through to the full parser.
    fc.tuple(name, dotAtom, dotAtom).map(([n, l, d]) => `"${n}" <${l}@${d}>, ${l}@${d}`),
    fc.tuple(name, dotAtom).map(([n, l]) => `${n} <${l}>`),
  );

  it('gives what the full parser gives, whenever it answers', () => {
    fc.assert(
      fc.property(text, (t) => {
        const fast = simpleMailbox(t);
        if (fast) expect([fast]).toEqual(parseTokenized(t));
        expect(parseAddressList(t)).toEqual(parseTokenized(t));
      }),
    );
  });

  it('answers the usual forms and leaves the rest alone', () => {
    expect(simpleMailbox('Bench Sender <sender@example.net>')).toEqual(a('Bench Sender', 'sender', 'example.net'));
    expect(simpleMailbox('bench@example.com')).toEqual(a(null, 'bench', 'example.com'));
    for (const other of ['"Q" <q@x.y>', 'a@b, c@d', 'Group: a@b;', 'x (c) <a@b>', 'J. Doe <j@x.y>']) expect(simpleMailbox(other)).toBeNull();
  });
});
