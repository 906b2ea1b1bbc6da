/**
 * Argument parsers for the commands on messages (RFC 9051 §6.3.12 APPEND, §6.4 selected state,
 * RFC 6851 MOVE, RFC 4315 UID EXPUNGE) and the UID prefix (RFC 9051 §6.4.9).
 */
import type { ImapCommand, ImapDateTime, StoreMode } from './ast.ts';
import type { ArgParser } from './commands-session.ts';
import { parseDateTime } from './dates.ts';
import { parseFetchItems } from './fetch.ts';
import { parseFlag, parseFlagList } from './flags.ts';
import { Cursor, SyntaxFault } from './lexer.ts';
import { type NameOptions, parseMailbox } from './mailbox.ts';
import { parseSearchArgs } from './search.ts';
import { parseSequenceSet } from './sequence-set.ts';

/** RFC 9051 §6.3.12 APPEND mailbox [SP flag-list] [SP date-time] SP literal (literal8: RFC 3516). */
const append: ArgParser = (c, tag, opts) => {
  c.sp('APPEND');
  const mailbox = parseMailbox(c, opts);
  c.sp('the mailbox name');
  let flags: string[] = [];
  if (c.peek() === 0x28) {
    flags = parseFlagList(c);
    c.sp('the flag list');
  }
  let date: ImapDateTime | null = null;
  if (c.peek() === 0x22) {
    date = parseDateTime(c);
    c.sp('the date-time');
  }
  const b = c.peek();
  if (b !== 0x7b && b !== 0x7e) c.fail('the message as a literal, as in {310}');
  const { bytes, binary } = c.literalWithKind('message', true);
  c.end();
  return { tag, name: 'APPEND', mailbox, flags, date, message: bytes, binary };
};

const transfer =
  (name: 'COPY' | 'MOVE', uid: boolean): ArgParser =>
  (c, tag, opts) => {
    c.sp(name);
    const set = parseSequenceSet(c);
    c.sp('the sequence set');
    const mailbox = parseMailbox(c, opts, 'the destination mailbox name');
    c.end();
    return { tag, name, uid, set, mailbox };
  };

const fetch =
  (uid: boolean): ArgParser =>
  (c, tag) => {
    c.sp('FETCH');
    const set = parseSequenceSet(c);
    c.sp('the sequence set');
    const items = parseFetchItems(c);
    if (c.peek() === 0x20) throw new SyntaxFault('FETCH modifiers are not supported; put several items in parentheses');
    c.end();
    return { tag, name: 'FETCH', uid, set, items };
  };

/** RFC 9051 §9 store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag))). */
function storeItem(c: Cursor): { mode: StoreMode; silent: boolean } {
  const mode: StoreMode = c.accept(0x2b) ? 'add' : c.accept(0x2d) ? 'remove' : 'replace';
  const word = c.token((b) => b !== 0x20 && b !== 0x28, 'FLAGS, +FLAGS or -FLAGS').toUpperCase();
  if (word !== 'FLAGS' && word !== 'FLAGS.SILENT') {
    throw new SyntaxFault(`expected FLAGS, +FLAGS, -FLAGS (optionally .SILENT), got "${word}"`);
  }
  return { mode, silent: word === 'FLAGS.SILENT' };
}

const store =
  (uid: boolean): ArgParser =>
  (c, tag) => {
    c.sp('STORE');
    const set = parseSequenceSet(c);
    c.sp('the sequence set');
    const { mode, silent } = storeItem(c);
    c.sp(`${mode === 'add' ? '+' : mode === 'remove' ? '-' : ''}FLAGS`);
    let flags: string[];
    if (c.peek() === 0x28) flags = parseFlagList(c);
    else {
      flags = [parseFlag(c)];
      while (c.accept(0x20)) flags.push(parseFlag(c));
    }
    c.end();
    return { tag, name: 'STORE', uid, set, mode, silent, flags };
  };

const search =
  (uid: boolean): ArgParser =>
  (c, tag) => ({ tag, name: 'SEARCH', uid, ...parseSearchArgs(c) });

const expunge =
  (uid: boolean): ArgParser =>
  (c, tag) => {
    if (!uid) {
      if (!c.atEnd()) {
        c.accept(0x20);
        throw new SyntaxFault(`EXPUNGE takes no arguments (UID EXPUNGE takes a set), got ${c.describeHere()}`);
      }
      return { tag, name: 'EXPUNGE', uid, set: null };
    }
    c.sp('UID EXPUNGE');
    const set = parseSequenceSet(c);
    c.end();
    return { tag, name: 'EXPUNGE', uid, set };
  };

const UID_COMMANDS: Record<string, ArgParser> = {
  COPY: transfer('COPY', true),
  MOVE: transfer('MOVE', true),
  FETCH: fetch(true),
  STORE: store(true),
  SEARCH: search(true),
  EXPUNGE: expunge(true),
};

/** RFC 9051 §6.4.9 UID SP (copy / move / fetch / search / store / uid-expunge). */
const uidCommand: ArgParser = (c, tag, opts: NameOptions): ImapCommand => {
  c.sp('UID');
  const verb = c.keyword('COPY, MOVE, FETCH, SEARCH, STORE or EXPUNGE after UID');
  const parser = UID_COMMANDS[verb];
  if (!parser) throw new SyntaxFault(`UID must be followed by COPY, MOVE, FETCH, SEARCH, STORE or EXPUNGE, got "${verb}"`);
  return parser(c, tag, opts);
};

export const MESSAGE_COMMANDS: Record<string, ArgParser> = {
  APPEND: append,
  COPY: transfer('COPY', false),
  MOVE: transfer('MOVE', false),
  FETCH: fetch(false),
  STORE: store(false),
  SEARCH: search(false),
  EXPUNGE: expunge(false),
  UID: uidCommand,
};
