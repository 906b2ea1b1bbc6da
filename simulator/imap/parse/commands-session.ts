/**
 * Argument parsers for the commands that do not touch messages: connection, login, ID,
 * ENABLE and the mailbox commands (RFC 9051 §6.1-§6.3, RFC 2971, RFC 6154 §3).
 * Each runs with the cursor just after the verb and must consume the whole line.
 */
import type { IdParams, ImapCommand } from './ast.ts';
import { Cursor, SyntaxFault } from './lexer.ts';
import { parseListArgs, parseLsubArgs, parseStatusItems } from './list.ts';
import { type NameOptions, parseMailbox } from './mailbox.ts';

export type ArgParser = (c: Cursor, tag: string, opts: NameOptions) => ImapCommand;

const isBase64 = (b: number): boolean =>
  (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x2f || b === 0x3d;

/** RFC 9051 §6.2.2 AUTHENTICATE auth-type [SP initial-resp]; initial-resp = base64 / "=". */
const authenticate: ArgParser = (c, tag) => {
  c.sp('AUTHENTICATE');
  const mechanism = c.keyword('a SASL mechanism name such as PLAIN');
  let initialResponse: string | null = null;
  if (c.accept(0x20)) initialResponse = c.token(isBase64, 'a base64 initial response or "="');
  c.end();
  return { tag, name: 'AUTHENTICATE', mechanism, initialResponse };
};

/** RFC 9051 §6.2.3 LOGIN userid SP password (both astring). */
const login: ArgParser = (c, tag) => {
  c.sp('LOGIN');
  const user = c.astring('a user name');
  c.sp('the user name');
  const password = c.astring('a password');
  c.end();
  return { tag, name: 'LOGIN', user, password };
};

/** RFC 9051 §6.3.1 ENABLE 1*(SP capability). */
const enable: ArgParser = (c, tag) => {
  const capabilities: string[] = [];
  do {
    c.sp(capabilities.length ? 'the capability' : 'ENABLE');
    capabilities.push(c.keyword('a capability name such as IMAP4rev2'));
  } while (!c.atEnd());
  return { tag, name: 'ENABLE', capabilities };
};

/**
 * RFC 2971 §3.3: at most 30 pairs; fields ≤ 30 octets, values ≤ 1024 octets.
 * @rfc 2971#3.3
 */
function idParams(c: Cursor): IdParams {
  if (c.acceptWord('NIL')) return null;
  c.expectByte(0x28, 'a parenthesised list of field/value pairs or NIL');
  const params: Array<[string, string | null]> = [];
  if (c.accept(0x29)) return params;
  do {
    const field = c.string('a field name string such as "name"');
    c.sp('the field name');
    const value = c.nstring('a value string');
    if (field.length > 30) throw new SyntaxFault(`ID field name "${field.slice(0, 30)}..." is longer than 30 octets`);
    if (value !== null && value.length > 1024) throw new SyntaxFault(`the ID value of "${field}" is longer than 1024 octets`);
    params.push([field, value]);
    if (params.length > 30) throw new SyntaxFault('ID allows at most 30 field/value pairs');
  } while (c.accept(0x20));
  c.expectByte(0x29, 'a closing parenthesis after the ID pairs');
  return params;
}

const id: ArgParser = (c, tag) => {
  c.sp('ID');
  const params = idParams(c);
  c.end();
  return { tag, name: 'ID', params };
};

/** Optional parenthesised atoms after SELECT/EXAMINE (RFC 4466 select-params). */
function selectParams(c: Cursor): string[] {
  if (!c.accept(0x20)) return [];
  c.expectByte(0x28, 'a parenthesised list of SELECT parameters or end of line');
  const params: string[] = [];
  do params.push(c.keyword('a SELECT parameter such as CONDSTORE'));
  while (c.accept(0x20));
  c.expectByte(0x29, 'a closing parenthesis after the SELECT parameters');
  return params;
}

const select =
  (name: 'SELECT' | 'EXAMINE'): ArgParser =>
  (c, tag, opts) => {
    c.sp(name);
    const mailbox = parseMailbox(c, opts);
    const params = selectParams(c);
    c.end();
    return { tag, name, mailbox, params };
  };

/**
 * RFC 6154 §3 CREATE-SPECIAL-USE: CREATE name (USE (\Drafts)).
 * @rfc 6154#3
 */
function createParams(c: Cursor): string[] {
  if (!c.accept(0x20)) return [];
  c.expectByte(0x28, '(USE (...)) or end of line');
  if (!c.acceptWord('USE')) c.fail('USE');
  c.sp('USE');
  c.expectByte(0x28, 'a parenthesised list of special-use attributes');
  const uses: string[] = [];
  do {
    c.expectByte(0x5c, 'a special-use attribute such as \\Drafts');
    uses.push(`\\${c.atom('a special-use attribute name')}`);
  } while (c.accept(0x20));
  c.expectByte(0x29, 'a closing parenthesis after the special-use attributes');
  c.expectByte(0x29, 'a closing parenthesis after USE (...)');
  return uses;
}

const create: ArgParser = (c, tag, opts) => {
  c.sp('CREATE');
  const mailbox = parseMailbox(c, opts);
  const specialUse = createParams(c);
  c.end();
  return { tag, name: 'CREATE', mailbox, specialUse };
};

const oneMailbox =
  (name: 'DELETE' | 'SUBSCRIBE' | 'UNSUBSCRIBE'): ArgParser =>
  (c, tag, opts) => {
    c.sp(name);
    const mailbox = parseMailbox(c, opts);
    c.end();
    return { tag, name, mailbox };
  };

const rename: ArgParser = (c, tag, opts) => {
  c.sp('RENAME');
  const from = parseMailbox(c, opts, 'the existing mailbox name');
  c.sp('the existing mailbox name');
  const to = parseMailbox(c, opts, 'the new mailbox name');
  c.end();
  return { tag, name: 'RENAME', from, to };
};

const status: ArgParser = (c, tag, opts) => {
  c.sp('STATUS');
  const mailbox = parseMailbox(c, opts);
  c.sp('the mailbox name');
  const items = parseStatusItems(c);
  c.end();
  return { tag, name: 'STATUS', mailbox, items };
};

type NoArgName = 'CAPABILITY' | 'NOOP' | 'LOGOUT' | 'STARTTLS' | 'NAMESPACE' | 'IDLE' | 'CHECK' | 'CLOSE' | 'UNSELECT';
const NO_ARGS: NoArgName[] = ['CAPABILITY', 'NOOP', 'LOGOUT', 'STARTTLS', 'NAMESPACE', 'IDLE', 'CHECK', 'CLOSE', 'UNSELECT'];

function noArgs(name: NoArgName): ArgParser {
  return (c, tag) => {
    if (!c.atEnd()) {
      c.accept(0x20);
      throw new SyntaxFault(`${name} takes no arguments, got ${c.describeHere()}`);
    }
    return { tag, name };
  };
}

export const SESSION_COMMANDS: Record<string, ArgParser> = {
  ...Object.fromEntries(NO_ARGS.map((n) => [n, noArgs(n)])),
  AUTHENTICATE: authenticate,
  LOGIN: login,
  ENABLE: enable,
  ID: id,
  SELECT: select('SELECT'),
  EXAMINE: select('EXAMINE'),
  CREATE: create,
  DELETE: oneMailbox('DELETE'),
  SUBSCRIBE: oneMailbox('SUBSCRIBE'),
  UNSUBSCRIBE: oneMailbox('UNSUBSCRIBE'),
  RENAME: rename,
  STATUS: status,
  LIST: (c, tag, opts) => ({ tag, name: 'LIST', ...parseListArgs(c, opts) }),
  LSUB: (c, tag, opts) => ({ tag, name: 'LSUB', ...parseLsubArgs(c, opts) }),
};
