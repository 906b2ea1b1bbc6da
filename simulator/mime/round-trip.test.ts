/**
 * Property: a randomly built, well-formed MIME tree (RFC 2046 §5.1.1 syntax) parses back to
 * the same shape, and every leaf section returns exactly the body that was written.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMessage } from './parse.ts';
import { bodyStructure } from './body-structure.ts';
import { sectionBytes } from './section.ts';
import type { BodyStructure } from './types.ts';

type Node =
  | { kind: 'leaf'; type: string; body: string }
  | { kind: 'multipart'; subtype: string; parts: Node[] }
  | { kind: 'message'; inner: Node };

/** Body lines that can never look like a delimiter (they never start with "--"). */
const BODY_LINE = fc.stringMatching(/^[a-zA-Z0-9 .,:;!?=+/()<>'"_-]{0,40}$/).filter((l) => !l.startsWith('-'));

const NODE: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('leaf' as const),
      type: fc.constantFrom('text/plain', 'text/html', 'application/octet-stream', 'image/png'),
      body: fc.array(BODY_LINE, { maxLength: 4 }).map((l) => l.join('\n')),
    }),
    fc.record({
      kind: fc.constant('multipart' as const),
      subtype: fc.constantFrom('mixed', 'alternative', 'related'),
      parts: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ kind: fc.constant('message' as const), inner: tie('node') }),
  ),
})).node;

let counter = 0;

/** Writes a node as an entity (header + body), `eol` between lines. */
function write(node: Node, eol: string): string {
  if (node.kind === 'leaf') return `Content-Type: ${node.type}${eol}${eol}${node.body.replace(/\n/g, eol)}`;
  if (node.kind === 'message') return `Content-Type: message/rfc822${eol}${eol}Subject: inner${eol}${write(node.inner, eol)}`;
  const b = `b${counter++}=_`;
  const parts = node.parts.map((p) => `--${b}${eol}${write(p, eol)}${eol}`).join('');
  return `Content-Type: multipart/${node.subtype}; boundary="${b}"${eol}${eol}preamble${eol}${parts}--${b}--${eol}epilogue`;
}

function shapeOf(node: Node): string {
  if (node.kind === 'leaf') return node.type;
  if (node.kind === 'message') return `message/rfc822{${shapeOf(node.inner)}}`;
  return `multipart/${node.subtype}[${node.parts.map(shapeOf).join(',')}]`;
}

function shapeOfStructure(b: BodyStructure): string {
  if (b.kind === 'multipart') return `multipart/${b.subtype}[${b.parts.map(shapeOfStructure).join(',')}]`;
  if (b.kind === 'message') return `message/rfc822{${shapeOfStructure(b.body)}}`;
  return `${b.type}/${b.subtype}`;
}

/** [IMAP section path, expected body] for every leaf, numbered per RFC 9051 §6.4.5.1. */
function leaves(node: Node, path: number[], isMessage: boolean, eol: string): Array<[number[], string]> {
  if (node.kind === 'leaf') return [[isMessage ? [...path, 1] : path, node.body.replace(/\n/g, eol)]];
  // A non-multipart message's body is its part 1; an encapsulated message numbers below it.
  if (node.kind === 'message') return leaves(node.inner, isMessage ? [...path, 1] : path, true, eol);
  return node.parts.flatMap((p, i) => leaves(p, [...path, i + 1], false, eol));
}

describe('well-formed trees round-trip', () => {
  it('shape and every leaf section, with CRLF and with LF line ends', () => {
    fc.assert(
      fc.property(NODE, fc.constantFrom('\r\n', '\n'), (node, eol) => {
        const text = `Subject: top${eol}${write(node, eol)}`;
        const raw = new TextEncoder().encode(text);
        const root = parseMessage(raw);
        expect(shapeOfStructure(bodyStructure(root))).toBe(shapeOf(node));
        for (const [path, body] of leaves(node, [], true, eol)) {
          const got = sectionBytes(raw, root, { path });
          expect(got === null ? null : new TextDecoder().decode(got), path.join('.')).toBe(body);
        }
      }),
      { numRuns: 300 },
    );
  });
});
