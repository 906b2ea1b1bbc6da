import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd, FetchItem, SequenceSet } from '../parse/ast.ts';
import { parseFetchItems } from '../parse/fetch.ts';
import { SyntaxFault } from '../parse/lexer.ts';
import { parseSequenceSet } from '../parse/sequence-set.ts';
import { done, more, protocolError, UNTAGGED_FRAME, untaggedPieces, type ImapEffect } from '../effects.ts';
import { pick } from '../message-set.ts';
import { type Piece } from '../encode.ts';
import { itemPieces, setsSeen, UnknownCte, type ItemContext } from '../fetch/items.ts';
import { beginPass } from '../message-cache.ts';
import { no, ok } from '../responses.ts';
import type { Session } from '../session.ts';
import type { StoredMessage } from '../../store/types.ts';

/** Octets (UTF-16 units for text, as OutputBuffer counts) of FETCH responses sent before the rest is made (the `more` effect). */
const STREAM_BATCH = 128 * 1024;
/** The first part is smaller, so the client has its first responses to read while the next part is made. */
const FIRST_BATCH = 16 * 1024;
/**
 * Messages in one part, whatever their size. A part's responses live until it is written, and
 * each message's ENVELOPE made afresh allocates ~10 KB beside its response (1 GB over a FETCH 1:*
 * ENVELOPE of 100,000, --trace-gc-nvp). With parts bounded by octets alone (~440 ENVELOPEs in
 * 128 KiB), about a third of such FETCHes went into a state where V8 moved everything that
 * survived each young-generation collection, ~0.8 MB of responses, straight to the old generation
 * (promotion rate 99.8%, every collection to the end of the walk): ~60 MB of garbage, RSS 2.0-2.3x
 * the message octets instead of 1.8x (issue 15). Parts of at most 100 messages: 0 of 14 runs did,
 * 5 of them from the same starting heap. Parts of bodies are still bounded by their octets first
 * (2 KB messages: ~60 a part).
 */
const STREAM_MESSAGES = 100;

export type FetchCommand = Cmd<'FETCH', { uid: boolean; set: SequenceSet; items: FetchItem[] }>;

/** RFC 9051 §6.4.5 fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")"). */
const fetchArgs =
  (uid: boolean): ArgParser<FetchCommand> =>
  (c, tag) => {
    c.sp('FETCH');
    const set = parseSequenceSet(c);
    c.sp('the sequence set');
    const items = parseFetchItems(c);
    if (c.peek() === 0x20) throw new SyntaxFault('FETCH modifiers are not supported; put several items in parentheses');
    c.end();
    return { tag, name: 'FETCH', uid, set, items };
  };

/**
 * @rfc 9051#6.4.5 FETCH. "The \Seen flag is implicitly set" by BODY[...] and BINARY[...]
 * (not their .PEEK forms); "if this causes the flags to change, they SHOULD be included as
 * part of the FETCH responses". UID FETCH responses always include UID (§6.4.9).
 * RFC 3516 §4.3: a BINARY fetch of an unknown Content-Transfer-Encoding is NO [UNKNOWN-CTE].
 */
export const FETCH: ImapCommandSpec<FetchCommand> = {
  name: 'FETCH',
  verb: 'FETCH',
  order: 270,
  states: ['selected'], // RFC 9051 §6.4
  summary: 'Read flags, headers, bodies and structure of messages',
  syntax: 'FETCH sequence-set (FLAGS ENVELOPE BODY.PEEK[HEADER] ...) | ALL | FAST | FULL',
  rfc: rfc(9051, '6.4.5'),
  parse: fetchArgs(false),
  parseUid: fetchArgs(true),
  handle(s, cmd) {
    const messages = pick(cmd, s);
    if (!Array.isArray(messages)) return [protocolError(messages)];
    const items: FetchItem[] = cmd.uid && !cmd.items.some((i) => i.item === 'UID') ? [{ item: 'UID' }, ...cmd.items] : cmd.items;
    const marksSeen = !s.selected.readOnly && items.some(setsSeen);
    const ctx: ItemContext = { opts: s.strings, flags: (m) => s.selected.flagsOf(m) };
    beginPass(messages.length);
    const completed = `${cmd.uid ? 'UID FETCH' : 'FETCH'} completed`;
    const from = (start: number): readonly ImapEffect[] => {
      const effects: ImapEffect[] = [];
      const batch = start === 0 ? FIRST_BATCH : STREAM_BATCH;
      let size = 0;
      try {
        for (let i = start; i < messages.length; i++) {
          const pieces = fetchResponse(s, messages[i]!, items, marksSeen, ctx);
          effects.push(untaggedPieces(pieces));
          size += UNTAGGED_FRAME;
          for (let p = 0; p < pieces.length; p++) size += pieces[p]!.length;
          // A big response leaves in parts, so the client reads while the rest is made.
          if ((size >= batch || i + 1 - start >= STREAM_MESSAGES) && i + 1 < messages.length) {
            effects.push(more(() => from(i + 1)));
            return effects;
          }
        }
      } catch (e) {
        if (!(e instanceof UnknownCte)) throw e;
        effects.push(done(no(`Cannot decode Content-Transfer-Encoding "${e.encoding}"`, 'UNKNOWN-CTE')));
        return effects;
      }
      effects.push(done(ok(completed)));
      return effects;
    };
    return from(0);
  },
};

/** `n FETCH (items)`: the untagged response's pieces, without `* ` and CRLF. */
function fetchResponse(s: Session, m: StoredMessage, items: FetchItem[], marksSeen: boolean, ctx: ItemContext): Piece[] {
  const view = s.selected;
  let withFlags = items;
  if (marksSeen && !m.flags.has('\\Seen') && view.isLive(m)) {
    s.ctx.backend.setFlags(s.user.address, view.mailbox.name, m.uid, [...m.flags, '\\Seen'], s.ctx.sessionId);
    if (!items.some((i) => i.item === 'FLAGS')) withFlags = [...items, { item: 'FLAGS' }];
  }
  if (withFlags.some((i) => i.item === 'FLAGS')) view.flagsReported(m.uid);
  const out: Piece[] = [`${view.seqOf(m.uid)} FETCH (`];
  withFlags.forEach((item, i) => {
    if (i) out.push(' ');
    out.push(...itemPieces(item, m, ctx));
  });
  out.push(')');
  return out;
}
