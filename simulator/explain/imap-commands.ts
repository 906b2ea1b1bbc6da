/**
 * IMAP commands of RFC 9051 §6 (which folds in IDLE, MOVE, UIDPLUS, NAMESPACE, ENABLE, UNSELECT),
 * plus ID (RFC 2971), and CHECK and LSUB from RFC 3501 for IMAP4rev1 clients. The syntax is the
 * RFC 9051 §9 ABNF, simplified for reading.
 */
import { entries } from './entry.ts';
import { ref } from './rfc.ts';
import type { Explanation } from './types.ts';

const c = entries('imap', 'command');
const ANY = ['not-authenticated', 'authenticated', 'selected'];
const NOT_AUTH = ['not-authenticated'];
const AUTH = ['authenticated', 'selected'];
const SEL = ['selected'];

export const IMAP_COMMAND_ENTRIES: readonly Explanation[] = [
  c(
    'CAPABILITY',
    'List capabilities',
    'Asks which extensions the server supports; the answer is an untagged CAPABILITY line.',
    ref(9051, '6.1.1'),
    {
      syntax: 'tag CAPABILITY',
      example: 'C: a1 CAPABILITY\nS: * CAPABILITY IMAP4rev2 STARTTLS AUTH=PLAIN\nS: a1 OK CAPABILITY completed',
      states: ANY,
    },
  ),
  c(
    'NOOP',
    'No operation',
    'Does nothing, but lets the server send pending updates (new messages, flag changes). Good for polling.',
    ref(9051, '6.1.2'),
    { syntax: 'tag NOOP', example: 'C: a2 NOOP\nS: * 23 EXISTS\nS: a2 OK NOOP completed', states: ANY },
  ),
  c(
    'LOGOUT',
    'Log out',
    'Ends the session: the server sends an untagged BYE, then the tagged OK, and closes the connection.',
    ref(9051, '6.1.3'),
    { syntax: 'tag LOGOUT', example: 'C: a9 LOGOUT\nS: * BYE IMAP4rev2 Server logging out\nS: a9 OK LOGOUT completed', states: ANY },
  ),
  c(
    'ID',
    'Identify',
    'Client and server tell each other their software name and version, as a list of field/value pairs, or NIL.',
    ref(2971, '3.1'),
    {
      syntax: 'tag ID ( "name" "value" ... ) / tag ID NIL',
      example: 'C: a1 ID ("name" "sodr")\nS: * ID ("name" "Mailwire")\nS: a1 OK ID completed',
      states: ANY,
    },
  ),
  c(
    'STARTTLS',
    'Start TLS',
    'Switches the connection to TLS before logging in. Afterwards the client should ask CAPABILITY again, since it may change.',
    ref(9051, '6.2.1'),
    { syntax: 'tag STARTTLS', example: 'C: a1 STARTTLS\nS: a1 OK Begin TLS negotiation now', states: NOT_AUTH },
  ),
  c(
    'AUTHENTICATE',
    'SASL login',
    'Logs in with a SASL mechanism such as PLAIN; challenges come as "+ base64" lines and each answer is one base64 line ("*" cancels).',
    ref(9051, '6.2.2'),
    {
      syntax: 'tag AUTHENTICATE mechanism [initial-response]',
      example: 'C: a1 AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=\nS: a1 OK [CAPABILITY IMAP4rev2 ...] Logged in',
      states: NOT_AUTH,
    },
  ),
  c(
    'LOGIN',
    'Log in',
    'Logs in with a user name and a clear-text password. Refused when the server advertises LOGINDISABLED (no TLS yet).',
    ref(9051, '6.2.3'),
    {
      syntax: 'tag LOGIN userid password',
      example: 'C: a1 LOGIN alice wonderland\nS: a1 OK [CAPABILITY IMAP4rev2 ...] Logged in',
      states: NOT_AUTH,
    },
  ),
  c(
    'ENABLE',
    'Enable extensions',
    'Turns on extensions that change how the server talks (e.g. IMAP4rev2, UTF8=ACCEPT); only before a mailbox is selected.',
    ref(9051, '6.3.1'),
    {
      syntax: 'tag ENABLE capability ...',
      example: 'C: a2 ENABLE IMAP4rev2\nS: * ENABLED IMAP4rev2\nS: a2 OK ENABLE completed',
      states: ['authenticated'],
    },
  ),
  c(
    'SELECT',
    'Select a mailbox',
    'Opens a mailbox for reading and changing. The server reports its size, flags, UIDVALIDITY and UIDNEXT, and the session enters the selected state.',
    ref(9051, '6.3.2'),
    {
      syntax: 'tag SELECT mailbox',
      example: 'C: a3 SELECT INBOX\nS: * 172 EXISTS\nS: * OK [UIDVALIDITY 3857529045] UIDs valid\nS: a3 OK [READ-WRITE] SELECT completed',
      states: AUTH,
    },
  ),
  c('EXAMINE', 'Examine a mailbox', 'Like SELECT, but read-only: nothing changes, not even the \\Seen flag.', ref(9051, '6.3.3'), {
    syntax: 'tag EXAMINE mailbox',
    example: 'C: a3 EXAMINE INBOX\nS: a3 OK [READ-ONLY] EXAMINE completed',
    states: AUTH,
  }),
  c('CREATE', 'Create a mailbox', 'Makes a new mailbox (folder).', ref(9051, '6.3.4'), {
    syntax: 'tag CREATE mailbox',
    example: 'C: a4 CREATE Projects\nS: a4 OK CREATE completed',
    states: AUTH,
  }),
  c('DELETE', 'Delete a mailbox', 'Removes a mailbox and its messages for good.', ref(9051, '6.3.5'), {
    syntax: 'tag DELETE mailbox',
    example: 'C: a5 DELETE Projects\nS: a5 OK DELETE completed',
    states: AUTH,
  }),
  c(
    'RENAME',
    'Rename a mailbox',
    'Gives a mailbox a new name. Renaming INBOX moves its messages into a new mailbox and leaves INBOX empty.',
    ref(9051, '6.3.6'),
    { syntax: 'tag RENAME old-name new-name', example: 'C: a6 RENAME Projects Archive\nS: a6 OK RENAME completed', states: AUTH },
  ),
  c(
    'SUBSCRIBE',
    'Subscribe',
    "Adds a mailbox to the user's subscribed list, which clients use to decide which folders to show.",
    ref(9051, '6.3.7'),
    { syntax: 'tag SUBSCRIBE mailbox', example: 'C: a7 SUBSCRIBE Archive\nS: a7 OK SUBSCRIBE completed', states: AUTH },
  ),
  c('UNSUBSCRIBE', 'Unsubscribe', 'Removes a mailbox from the subscribed list; the mailbox itself stays.', ref(9051, '6.3.8'), {
    syntax: 'tag UNSUBSCRIBE mailbox',
    example: 'C: a8 UNSUBSCRIBE Archive\nS: a8 OK UNSUBSCRIBE completed',
    states: AUTH,
  }),
  c(
    'LIST',
    'List mailboxes',
    'Lists mailbox names matching a pattern (* matches everything, % one level), with their attributes and hierarchy delimiter.',
    ref(9051, '6.3.9'),
    {
      syntax: 'tag LIST [(selection-options)] reference pattern [RETURN (options)]',
      example:
        'C: a9 LIST "" *\nS: * LIST (\\HasNoChildren) "/" INBOX\nS: * LIST (\\HasNoChildren \\Sent) "/" Sent\nS: a9 OK LIST completed',
      states: AUTH,
    },
  ),
  c(
    'LSUB',
    'List subscribed (IMAP4rev1)',
    'Lists subscribed mailboxes. Deprecated by IMAP4rev2, which uses LIST (SUBSCRIBED) instead.',
    ref(3501, '6.3.9'),
    { syntax: 'tag LSUB reference pattern', example: 'C: a9 LSUB "" *\nS: * LSUB () "/" INBOX\nS: a9 OK LSUB completed', states: AUTH },
  ),
  c(
    'NAMESPACE',
    'Namespaces',
    "Says where the user's own, other users' and shared mailboxes live, with their prefix and delimiter.",
    ref(9051, '6.3.10'),
    { syntax: 'tag NAMESPACE', example: 'C: a1 NAMESPACE\nS: * NAMESPACE (("" "/")) NIL NIL\nS: a1 OK NAMESPACE completed', states: AUTH },
  ),
  c('STATUS', 'Mailbox status', 'Asks for counts (MESSAGES, UNSEEN, UIDNEXT, …) of a mailbox without selecting it.', ref(9051, '6.3.11'), {
    syntax: 'tag STATUS mailbox (item ...)',
    example: 'C: a2 STATUS INBOX (MESSAGES UNSEEN)\nS: * STATUS INBOX (MESSAGES 231 UNSEEN 3)\nS: a2 OK STATUS completed',
    states: AUTH,
  }),
  c(
    'APPEND',
    'Append a message',
    'Adds a whole message to a mailbox (how clients save to Sent or Drafts). The message travels as a literal {size}.',
    ref(9051, '6.3.12'),
    {
      syntax: 'tag APPEND mailbox [(flags)] [date-time] {size}',
      example:
        'C: a3 APPEND Drafts (\\Draft) {11}\nS: + Ready for literal data\nC: Hello world\nS: a3 OK [APPENDUID 38505 3955] APPEND completed',
      states: AUTH,
    },
  ),
  c(
    'IDLE',
    'Wait for updates',
    'Asks the server to push changes as they happen (new mail, expunges) instead of the client polling; the client ends it with DONE.',
    ref(9051, '6.3.13'),
    { syntax: 'tag IDLE ... DONE', example: 'C: a4 IDLE\nS: + idling\nS: * 4 EXISTS\nC: DONE\nS: a4 OK IDLE terminated', states: AUTH },
  ),
  c('DONE', 'End IDLE', 'The line that ends an IDLE command; the server then sends the tagged OK for the IDLE.', ref(9051, '6.3.13'), {
    syntax: 'DONE',
    example: 'C: DONE\nS: a4 OK IDLE terminated',
    states: AUTH,
  }),
  c(
    'CHECK',
    'Checkpoint (IMAP4rev1)',
    'Asks for a checkpoint of the selected mailbox. Removed in IMAP4rev2; clients should use NOOP.',
    ref(3501, '6.4.1'),
    { syntax: 'tag CHECK', example: 'C: a5 CHECK\nS: a5 OK CHECK completed', states: SEL },
  ),
  c(
    'CLOSE',
    'Close the mailbox',
    'Leaves the selected mailbox, silently removing messages marked \\Deleted (unless it was opened read-only).',
    ref(9051, '6.4.1'),
    { syntax: 'tag CLOSE', example: 'C: a6 CLOSE\nS: a6 OK CLOSE completed', states: SEL },
  ),
  c('UNSELECT', 'Unselect the mailbox', 'Leaves the selected mailbox without removing \\Deleted messages.', ref(9051, '6.4.2'), {
    syntax: 'tag UNSELECT',
    example: 'C: a6 UNSELECT\nS: a6 OK UNSELECT completed',
    states: SEL,
  }),
  c('EXPUNGE', 'Expunge', 'Permanently removes every message marked \\Deleted; an untagged EXPUNGE reports each one.', ref(9051, '6.4.3'), {
    syntax: 'tag EXPUNGE',
    example: 'C: a7 EXPUNGE\nS: * 3 EXPUNGE\nS: a7 OK EXPUNGE completed',
    states: SEL,
  }),
  c(
    'SEARCH',
    'Search',
    'Finds the messages matching criteria (UNSEEN, FROM "bob", SINCE 1-Feb-2026, …) and returns their numbers.',
    ref(9051, '6.4.4'),
    {
      syntax: 'tag SEARCH [RETURN (options)] [CHARSET charset] criteria',
      example: 'C: a8 SEARCH UNSEEN\nS: * ESEARCH (TAG "a8") ALL 2,5\nS: a8 OK SEARCH completed',
      states: SEL,
    },
  ),
  c(
    'FETCH',
    'Fetch',
    'Retrieves data about messages: FLAGS, ENVELOPE, BODY[] (the content), BODYSTRUCTURE, RFC822.SIZE, UID and more.',
    ref(9051, '6.4.5'),
    {
      syntax: 'tag FETCH sequence-set (items ...)',
      example: 'C: a9 FETCH 1 (FLAGS UID)\nS: * 1 FETCH (FLAGS (\\Seen) UID 4)\nS: a9 OK FETCH completed',
      states: SEL,
    },
  ),
  c(
    'STORE',
    'Store flags',
    'Changes message flags: FLAGS replaces, +FLAGS adds, -FLAGS removes; .SILENT suppresses the FETCH replies.',
    ref(9051, '6.4.6'),
    {
      syntax: 'tag STORE sequence-set [+|-]FLAGS[.SILENT] (flags)',
      example: 'C: b1 STORE 2 +FLAGS (\\Deleted)\nS: * 2 FETCH (FLAGS (\\Deleted \\Seen))\nS: b1 OK STORE completed',
      states: SEL,
    },
  ),
  c(
    'COPY',
    'Copy',
    'Copies messages to another mailbox; the original stays. With UIDPLUS the reply says the new UIDs (COPYUID).',
    ref(9051, '6.4.7'),
    {
      syntax: 'tag COPY sequence-set mailbox',
      example: 'C: b2 COPY 2:4 Archive\nS: b2 OK [COPYUID 38505 304,319:320 3956:3958] Done',
      states: SEL,
    },
  ),
  c(
    'MOVE',
    'Move',
    'Moves messages to another mailbox in one step (copy, mark deleted, expunge, without the intermediate states being visible).',
    ref(9051, '6.4.8'),
    {
      syntax: 'tag MOVE sequence-set mailbox',
      example: 'C: b3 MOVE 1 Trash\nS: * OK [COPYUID 432432 42 1]\nS: * 1 EXPUNGE\nS: b3 OK Done',
      states: SEL,
    },
  ),
  c(
    'UID',
    'UID prefix',
    'Runs COPY, MOVE, FETCH, SEARCH, STORE or EXPUNGE with unique identifiers instead of sequence numbers. UIDs do not change when other messages are expunged.',
    ref(9051, '6.4.9'),
    {
      syntax: 'tag UID (COPY|MOVE|FETCH|SEARCH|STORE|EXPUNGE) arguments',
      example: 'C: b4 UID FETCH 4827313:4828442 FLAGS\nS: * 23 FETCH (FLAGS (\\Seen) UID 4827313)\nS: b4 OK UID FETCH completed',
      states: SEL,
    },
  ),
];
