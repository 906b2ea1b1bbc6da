/**
 * Every POP3 status line the server sends, by name. RFC 1939 §3: "+OK" or "-ERR", then text.
 * RFC 2449 §8 response codes ([IN-USE], [LOGIN-DELAY]) and RFC 3206 ones ([AUTH], [SYS/TEMP],
 * [SYS/PERM]) lead the text where they apply; RESP-CODES in CAPA tells clients to parse them.
 */

/** RFC 2449 §8 / RFC 3206: the response codes this server sends. */
export type Pop3RespCode = 'IN-USE' | 'LOGIN-DELAY' | 'AUTH' | 'SYS/TEMP' | 'SYS/PERM';

export interface Pop3Reply {
  ok: boolean;
  code?: Pop3RespCode;
  text: string;
}

function ok(text: string): Pop3Reply {
  return { ok: true, text };
}

function err(text: string, code?: Pop3RespCode): Pop3Reply {
  return code ? { ok: false, code, text } : { ok: false, text };
}

/**
 * The status line on the wire, without CRLF. RFC 2449 §4: at most 512 octets with the CRLF.
 * Printable US-ASCII only (RFC 1939 §3 keeps responses ASCII; UTF-8 needs RFC 6856's UTF8, not offered).
 */
export function formatReply(reply: Pop3Reply): string {
  const text = reply.text.replace(/[^\x20-\x7e]/g, '?');
  const line = `${reply.ok ? '+OK' : '-ERR'}${reply.code ? ` [${reply.code}]` : ''}${text ? ' ' + text : ''}`;
  return line.length > 510 ? line.slice(0, 510) : line;
}

/** Client text echoed in a reply: printable ASCII only and short, so a reply stays one safe line. */
export function echo(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? clean.slice(0, 40) + '...' : clean;
}

export const R = {
  // ── Greeting and goodbye (RFC 1939 §4, §6) ──
  greeting: (host: string, banner: string | null) => ok(`${host} POP3 Mailwire ready${banner ? ' ' + banner : ''}`),
  signOff: (host: string) => ok(`${host} POP3 server signing off`),
  signOffAfterUpdate: (host: string, left: number) =>
    ok(`${host} POP3 server signing off (${left === 0 ? 'maildrop empty' : `${left} message${left === 1 ? '' : 's'} left`})`),
  updateFailed: err('some deleted messages not removed', 'SYS/TEMP'),

  // ── Command syntax (RFC 1939 §3, RFC 2449 §4) ──
  emptyCommand: err('empty command line; a command is a keyword like STAT or USER'),
  unknownCommand: (verb: string) => err(`unknown command ${echo(verb)}`),
  notUtf8: err('command line is not valid UTF-8'),
  lineTooLong: err('command line too long: at most 255 octets including CRLF (RFC 2449 section 4)'),
  argumentTooLong: err('argument too long: at most 40 characters each (RFC 1939 section 3)'),
  syntax: (syntax: string) => err(`syntax: ${syntax}`),
  wrongState: (verb: string, state: string, hint: string) => err(`${verb} is not valid in the ${state} state${hint ? ` (${hint})` : ''}`),
  tooManyErrors: err('too many errors, closing connection', 'SYS/PERM'),
  disabled: (verb: string) => err(`${verb} is disabled on this server (CAPA shows what is on)`),

  // ── Authorization (RFC 1939 §7, RFC 2595, RFC 5034) ──
  userAccepted: ok('send PASS'),
  passWithoutUser: err('give USER first'),
  plaintextRefused: err('plaintext authentication is disabled on an unencrypted connection: use STLS first, or port 995', 'AUTH'),
  badLogin: err('invalid user name or password', 'AUTH'),
  tooManyFailures: err('too many failed logins, closing connection', 'AUTH'),
  inUse: err('maildrop is locked: another POP3 session for this user is running', 'IN-USE'),
  loginDelay: (seconds: number) => err(`logged in too recently: wait ${seconds} seconds between logins`, 'LOGIN-DELAY'),
  maildropUnavailable: err('maildrop unavailable, try again later', 'SYS/TEMP'),
  loggedIn: (count: number, octets: number) => ok(`maildrop locked and ready: ${count} message${count === 1 ? '' : 's'} (${octets} octets)`),
  mechanismUnsupported: (name: string) => err(`unsupported SASL mechanism ${echo(name)}; CAPA lists the SASL ones`),
  mechanismList: ok('SASL mechanisms follow'),
  authCancelled: err('AUTH cancelled by the client'),
  authBadBase64: err('AUTH response is not valid base64 (RFC 4648)'),
  authMalformed: err('AUTH PLAIN message must be authzid NUL authcid NUL password (RFC 4616)', 'AUTH'),
  authAlreadyDone: err('already authenticated'),

  // ── STLS (RFC 2595 §4) ──
  stlsReady: ok('Begin TLS negotiation'),
  stlsActive: err('TLS is already active'),

  // ── Transaction (RFC 1939 §5) ──
  stat: (count: number, octets: number) => ok(`${count} ${octets}`),
  listAll: (count: number, octets: number) => ok(`${count} message${count === 1 ? '' : 's'} (${octets} octets)`),
  scanListing: (n: number, size: number) => ok(`${n} ${size}`),
  uidlAll: ok('unique-id listing follows'),
  uidlOne: (n: number, uid: string) => ok(`${n} ${uid}`),
  retr: (size: number) => ok(`${size} octets`),
  top: ok('top of message follows'),
  deleted: (n: number) => ok(`message ${n} deleted`),
  noop: ok(''),
  rset: (count: number, octets: number) => ok(`maildrop has ${count} message${count === 1 ? '' : 's'} (${octets} octets)`),
  noSuchMessage: (count: number) => err(`no such message, only ${count} message${count === 1 ? '' : 's'} in maildrop`),
  alreadyDeleted: (n: number) => err(`message ${n} already deleted`),
  badNumber: (arg: string) => err(`invalid message number ${echo(arg)}: expected a decimal number like 1`),
  badLineCount: (arg: string) => err(`invalid line count ${echo(arg)}: expected a non-negative decimal number`),

  // ── CAPA (RFC 2449 §5) ──
  capa: ok('Capability list follows'),
} as const;
