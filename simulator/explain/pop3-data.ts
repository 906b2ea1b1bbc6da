/**
 * POP3: status indicators, states, commands (RFC 1939, RFC 2449 CAPA, RFC 2595 STLS, RFC 5034
 * AUTH), CAPA tags (RFC 2449 §6, RFC 2595 §4 STLS) and response codes (RFC 2449 §8; the SYS and
 * AUTH codes are RFC 3206, not among the local texts, so marked external).
 */
import { entries } from './entry.ts';
import { ref } from './rfc.ts';
import type { Explanation } from './types.ts';

const status = entries('pop3', 'status');
const state = entries('pop3', 'state');
const cmd = entries('pop3', 'command');
const capa = entries('pop3', 'capability');
const code = entries('pop3', 'response-code');
const wire = entries('pop3', 'wire');

export const POP3_STATUSES: readonly Explanation[] = [
  status(
    '+OK',
    'Positive status indicator',
    'The command worked. Some replies (LIST, RETR, CAPA…) continue on further lines, ending with a line holding only ".".',
    ref(1939, '3'),
  ),
  status(
    '-ERR',
    'Negative status indicator',
    'The command failed or came in the wrong state. Any text after it is for people; a [CODE] in brackets says why, for programs.',
    ref(1939, '3'),
  ),
  status(
    '+',
    'SASL continuation',
    'During AUTH the server sends "+ " and a base64 challenge; the client answers with one base64 line, or "*" to cancel.',
    ref(5034, '4'),
  ),
];

export const POP3_STATES_EXPLAINED: readonly Explanation[] = [
  state(
    'AUTHORIZATION',
    'AUTHORIZATION state',
    'Right after the greeting: the client must identify itself (USER/PASS, APOP or AUTH) before it can touch the mailbox.',
    ref(1939, '4'),
  ),
  state(
    'SASL',
    'SASL exchange',
    'After AUTH without an initial response the server sent "+ ": the next line is the base64 response (or "*" to cancel), not a command. Success enters TRANSACTION; anything else goes back to AUTHORIZATION.',
    ref(5034, '4'),
  ),
  state(
    'TLS-HANDSHAKE',
    'Waiting for TLS',
    'STLS was answered +OK: the next bytes must be the TLS handshake. Anything the client sent after STLS is thrown away; after the handshake the session is back in AUTHORIZATION with nothing remembered.',
    ref(2595, '4'),
  ),
  state(
    'TRANSACTION',
    'TRANSACTION state',
    'Logged in, with the maildrop locked: list, read and mark messages for deletion.',
    ref(1939, '5'),
  ),
  state(
    'CLOSED',
    'Closed',
    'The connection is over: after QUIT, an autologout, or a dropped connection. Only a QUIT from TRANSACTION goes through UPDATE.',
    ref(1939, '6'),
  ),
  state(
    'UPDATE',
    'UPDATE state',
    'Entered on QUIT from TRANSACTION: the messages marked with DELE are removed now, then the server says goodbye. If the connection just drops, nothing is deleted.',
    ref(1939, '6'),
  ),
];

export const POP3_COMMAND_ENTRIES: readonly Explanation[] = [
  cmd('USER', 'USER name', 'Gives the user name for a USER/PASS login.', ref(1939, '7'), {
    syntax: 'USER name',
    example: 'C: USER alice\nS: +OK send PASS',
    states: ['AUTHORIZATION'],
  }),
  cmd(
    'PASS',
    'PASS string',
    'Gives the password, in clear text, right after USER. On success the maildrop is locked and the session enters TRANSACTION.',
    ref(1939, '7'),
    { syntax: 'PASS string', example: 'C: PASS wonderland\nS: +OK maildrop locked and ready', states: ['AUTHORIZATION'] },
  ),
  cmd(
    'APOP',
    'APOP name digest',
    "Logs in without sending the password: the digest is MD5 of the greeting's <timestamp> followed by the shared secret.",
    ref(1939, '7'),
    {
      syntax: 'APOP name digest',
      example: 'C: APOP mrose c4c9334bac560ecc979e58001b3e22fb\nS: +OK maildrop has 1 message (369 octets)',
      states: ['AUTHORIZATION'],
    },
  ),
  cmd(
    'AUTH',
    'AUTH mechanism',
    'Logs in with a SASL mechanism; challenges come as "+ base64" lines and the client answers in base64.',
    ref(5034, '4'),
    {
      syntax: 'AUTH mechanism [initial-response]',
      example: 'C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=\nS: +OK maildrop locked and ready',
      states: ['AUTHORIZATION'],
    },
  ),
  cmd('STLS', 'Start TLS', 'Switches the connection to TLS before logging in; TLS starts right after the +OK.', ref(2595, '4'), {
    syntax: 'STLS',
    example: 'C: STLS\nS: +OK Begin TLS negotiation',
    states: ['AUTHORIZATION'],
  }),
  cmd('CAPA', 'Capabilities', 'Lists what the server supports, one capability per line, ending with ".".', ref(2449, '5'), {
    syntax: 'CAPA',
    example: 'C: CAPA\nS: +OK Capability list follows\nS: TOP\nS: UIDL\nS: .',
    states: ['AUTHORIZATION', 'TRANSACTION'],
  }),
  cmd(
    'STAT',
    'Status',
    'Answers "+OK count octets": how many messages and how big the maildrop is (messages marked deleted are not counted).',
    ref(1939, '5'),
    { syntax: 'STAT', example: 'C: STAT\nS: +OK 2 320', states: ['TRANSACTION'] },
  ),
  cmd(
    'LIST',
    'List sizes',
    'Gives each message\'s number and size ("scan listing"), or one message\'s if a number is given.',
    ref(1939, '5'),
    { syntax: 'LIST [msg]', example: 'C: LIST\nS: +OK 2 messages (320 octets)\nS: 1 120\nS: 2 200\nS: .', states: ['TRANSACTION'] },
  ),
  cmd('RETR', 'Retrieve', 'Sends the whole message, dot-stuffed, ending with a line holding only ".".', ref(1939, '5'), {
    syntax: 'RETR msg',
    example: 'C: RETR 1\nS: +OK 120 octets\nS: <the message>\nS: .',
    states: ['TRANSACTION'],
  }),
  cmd(
    'DELE',
    'Delete',
    'Marks a message as deleted. It is only removed when QUIT moves the session to UPDATE; RSET unmarks it.',
    ref(1939, '5'),
    { syntax: 'DELE msg', example: 'C: DELE 1\nS: +OK message 1 deleted', states: ['TRANSACTION'] },
  ),
  cmd('NOOP', 'No operation', 'Does nothing; the server just answers +OK.', ref(1939, '5'), {
    syntax: 'NOOP',
    example: 'C: NOOP\nS: +OK',
    states: ['TRANSACTION'],
  }),
  cmd('RSET', 'Reset', 'Unmarks every message marked as deleted in this session.', ref(1939, '5'), {
    syntax: 'RSET',
    example: 'C: RSET\nS: +OK maildrop has 2 messages (320 octets)',
    states: ['TRANSACTION'],
  }),
  cmd('TOP', 'Top of message', 'Sends the headers, the blank line, and the first n lines of the body.', ref(1939, '7'), {
    syntax: 'TOP msg n',
    example: 'C: TOP 1 10\nS: +OK\nS: <headers, blank line, 10 body lines>\nS: .',
    states: ['TRANSACTION'],
  }),
  cmd(
    'UIDL',
    'Unique-id listing',
    "Gives each message's unique id, which stays the same across sessions, so a client can tell which messages it has already downloaded.",
    ref(1939, '7'),
    { syntax: 'UIDL [msg]', example: 'C: UIDL\nS: +OK\nS: 1 whqtswO00WBw418f9t5JxYwZ\nS: .', states: ['TRANSACTION'] },
  ),
  cmd(
    'QUIT',
    'Quit',
    'Ends the session. In TRANSACTION it enters UPDATE first, so messages marked with DELE are removed.',
    ref(1939, '6'),
    { syntax: 'QUIT', example: 'C: QUIT\nS: +OK dewey POP3 server signing off', states: ['AUTHORIZATION', 'TRANSACTION'] },
  ),
];

export const POP3_CAPA_TAGS: readonly Explanation[] = [
  capa('TOP', 'TOP supported', 'The server implements TOP msg n.', ref(2449, '6.1')),
  capa('USER', 'USER/PASS login allowed', 'The client may log in with USER and PASS (a clear-text password).', ref(2449, '6.2')),
  capa('SASL', 'SASL mechanisms', 'The client may log in with AUTH; the words after SASL are the mechanisms offered.', ref(2449, '6.3')),
  capa(
    'RESP-CODES',
    'Response codes',
    'Text in square brackets at the start of a reply, like [IN-USE], is a response code a program can act on.',
    ref(2449, '6.4'),
  ),
  capa(
    'LOGIN-DELAY',
    'Minimum delay between logins',
    'The number is the minimum seconds the server wants between logins of one user.',
    ref(2449, '6.5'),
  ),
  capa('PIPELINING', 'Pipelining', 'The client may send several commands without waiting for each reply.', ref(2449, '6.6')),
  capa(
    'EXPIRE',
    'Retention period',
    'The minimum number of days the server keeps messages left on it, or NEVER if it keeps them indefinitely.',
    ref(2449, '6.7'),
  ),
  capa(
    'UIDL',
    'UIDL supported',
    'The server implements UIDL, so clients can "leave mail on the server" and remember what they downloaded.',
    ref(2449, '6.8'),
  ),
  capa(
    'IMPLEMENTATION',
    'Server software',
    'A free-form string naming the server implementation; for people, not for behaviour.',
    ref(2449, '6.9'),
  ),
  capa('STLS', 'STLS supported', 'The client may start TLS with STLS; only announced while TLS is not yet active.', ref(2595, '4')),
];

export const POP3_RESPONSE_CODES: readonly Explanation[] = [
  code(
    'IN-USE',
    'Maildrop in use',
    'The login was right, but another session already has this maildrop open and locked.',
    ref(2449, '8.1.2'),
  ),
  code(
    'LOGIN-DELAY',
    'Logged in too recently',
    'The user logged in recently and must wait for the login delay to pass.',
    ref(2449, '8.1.1'),
  ),
  code(
    'SYS/TEMP',
    'Temporary system problem',
    "A temporary server problem, not the user's fault; trying again later may work (RFC 3206).",
    ref(3206),
  ),
  code('SYS/PERM', 'Permanent system problem', 'A server problem that will not go away by retrying; tell the user (RFC 3206).', ref(3206)),
  code(
    'AUTH',
    'Authentication problem',
    'The failure is about the credentials or the way of logging in; the user should check them (RFC 3206).',
    ref(3206),
  ),
];

export const POP3_WIRE: readonly Explanation[] = [
  wire(
    '<timestamp>',
    'APOP timestamp',
    'The <…@host> string in the greeting is different for every connection; APOP proves the password by sending the MD5 of this string followed by the password.',
    ref(1939, '7'),
  ),
  wire('.', 'End of a multi-line reply', 'A line holding only "." ends the list or message that followed +OK.', ref(1939, '3')),
  wire(
    '..',
    'Byte-stuffed line',
    'A line of the message that begins with "." is sent with an extra "." in front, so it cannot be taken for the end marker; the client removes it.',
    ref(1939, '3'),
  ),
];
