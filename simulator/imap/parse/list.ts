/** LIST (RFC 9051 §6.3.9, RFC 5258 LIST-EXTENDED, RFC 5819 LIST-STATUS, RFC 6154), LSUB, STATUS. */
import type { ListReturn, ListSelection, StatusItem } from './ast.ts';
import { STATUS_ITEMS } from './ast.ts';
import { Cursor, SyntaxFault } from './lexer.ts';
import { type NameOptions, parseListMailbox, parseMailbox } from './mailbox.ts';

/** RFC 9051 §9 "(" status-att *(SP status-att) ")"; RECENT is RFC 3501's. */
export function parseStatusItems(c: Cursor): StatusItem[] {
  c.expectByte(0x28, 'a parenthesised list of status items, as in (MESSAGES UNSEEN)');
  const items: StatusItem[] = [];
  do {
    const word = c.keyword(`a status item (${STATUS_ITEMS.join(' ')})`);
    if (!(STATUS_ITEMS as readonly string[]).includes(word)) {
      throw new SyntaxFault(`unknown status item "${word}"; expected one of ${STATUS_ITEMS.join(' ')}`);
    }
    if (!items.includes(word as StatusItem)) items.push(word as StatusItem);
  } while (c.accept(0x20));
  c.expectByte(0x29, 'a closing parenthesis after the status items');
  return items;
}

/** Reads "(" [word *(SP word)] ")" calling `each` on every upper-cased word. */
function optionList(c: Cursor, what: string, each: (word: string) => void): void {
  c.expectByte(0x28, `a parenthesised list of ${what}`);
  if (c.accept(0x29)) return;
  do each(c.keyword(`one of the ${what}`));
  while (c.accept(0x20));
  c.expectByte(0x29, `a closing parenthesis after the ${what}`);
}

/** RFC 5258: unknown selection options are a BAD; RECURSIVEMATCH needs a base option (RFC 9051 §9). */
function selectionOptions(c: Cursor): ListSelection {
  const sel: ListSelection = { subscribed: false, remote: false, recursiveMatch: false, specialUse: false };
  optionList(c, 'LIST selection options (SUBSCRIBED REMOTE RECURSIVEMATCH SPECIAL-USE)', (word) => {
    if (word === 'SUBSCRIBED') sel.subscribed = true;
    else if (word === 'REMOTE') sel.remote = true;
    else if (word === 'RECURSIVEMATCH') sel.recursiveMatch = true;
    else if (word === 'SPECIAL-USE') sel.specialUse = true; // RFC 6154 §3
    else throw new SyntaxFault(`unknown LIST selection option "${word}"`);
  });
  if (sel.recursiveMatch && !sel.subscribed && !sel.specialUse) {
    throw new SyntaxFault('RECURSIVEMATCH needs SUBSCRIBED or SPECIAL-USE beside it');
  }
  return sel;
}

/** RFC 9051 §9 list-return-opts = "RETURN" SP "(" [list-return-opt *(SP list-return-opt)] ")". */
function returnOptions(c: Cursor): ListReturn {
  const ret: ListReturn = { subscribed: false, children: false, specialUse: false, status: null };
  c.sp('RETURN');
  c.expectByte(0x28, 'a parenthesised list of LIST return options');
  if (c.accept(0x29)) return ret;
  do {
    const word = c.keyword('a LIST return option (SUBSCRIBED CHILDREN SPECIAL-USE STATUS)');
    if (word === 'SUBSCRIBED') ret.subscribed = true;
    else if (word === 'CHILDREN') ret.children = true;
    else if (word === 'SPECIAL-USE') ret.specialUse = true;
    else if (word === 'STATUS') {
      c.sp('STATUS');
      ret.status = parseStatusItems(c);
    } else throw new SyntaxFault(`unknown LIST return option "${word}"`);
  } while (c.accept(0x20));
  c.expectByte(0x29, 'a closing parenthesis after the LIST return options');
  return ret;
}

export interface ListArgs {
  reference: string;
  patterns: string[];
  selection: ListSelection;
  returns: ListReturn;
  extended: boolean;
}

/**
 * Cursor is after "LIST".
 * @rfc 9051#6.3.9 @rfc 6154#3
 */
export function parseListArgs(c: Cursor, opts: NameOptions): ListArgs {
  c.sp('LIST');
  let extended = false;
  let selection: ListSelection = { subscribed: false, remote: false, recursiveMatch: false, specialUse: false };
  if (c.peek() === 0x28) {
    selection = selectionOptions(c);
    extended = true;
    c.sp('the selection options');
  }
  const reference = parseMailbox(c, opts, 'a reference name ("" for none)');
  c.sp('the reference name');
  const patterns: string[] = [];
  if (c.accept(0x28)) {
    extended = true;
    do patterns.push(parseListMailbox(c, opts));
    while (c.accept(0x20));
    c.expectByte(0x29, 'a closing parenthesis after the mailbox patterns');
  } else {
    patterns.push(parseListMailbox(c, opts, 'a mailbox pattern such as "*" or "%"'));
  }
  let returns: ListReturn = { subscribed: false, children: false, specialUse: false, status: null };
  if (c.accept(0x20)) {
    if (!c.acceptWord('RETURN')) c.fail('RETURN (...) or end of line');
    returns = returnOptions(c);
    extended = true;
  }
  c.end();
  return { reference, patterns, selection, returns, extended };
}

/** RFC 3501 §6.3.9 LSUB reference pattern. Cursor is after "LSUB". */
export function parseLsubArgs(c: Cursor, opts: NameOptions): { reference: string; pattern: string } {
  c.sp('LSUB');
  const reference = parseMailbox(c, opts, 'a reference name ("" for none)');
  c.sp('the reference name');
  const pattern = parseListMailbox(c, opts, 'a mailbox pattern such as "*" or "%"');
  c.end();
  return { reference, pattern };
}
