/**
 * The rest of IMAP's vocabulary: status responses and line prefixes (RFC 9051 §2.2.2, §7.1, §7.6),
 * states (§3), untagged data (§7.2–§7.5), system flags (§2.3.2), mailbox attributes (§7.3.1, with
 * RFC 6154's special-use ones), FETCH data items (§7.5.2), STATUS items (§6.3.11) and literals (§4.3).
 */
import { entries } from './entry.ts';
import { ref } from './rfc.ts';
import type { Explanation } from './types.ts';

const st = entries('imap', 'status');
const state = entries('imap', 'state');
const un = entries('imap', 'untagged');
const flag = entries('imap', 'flag');
const attr = entries('imap', 'mailbox-attribute');
const item = entries('imap', 'fetch-item');
const sitem = entries('imap', 'status-item');
const wire = entries('imap', 'wire');

export const IMAP_STATUSES: readonly Explanation[] = [
  st(
    'OK',
    'OK',
    'Tagged: the command with this tag succeeded. Untagged ("* OK"): information, often carrying a [CODE]; also the normal greeting.',
    ref(9051, '7.1.1'),
  ),
  st(
    'NO',
    'NO',
    'Tagged: the command failed, though it was well formed (wrong password, no such mailbox). Untagged: a warning.',
    ref(9051, '7.1.2'),
  ),
  st(
    'BAD',
    'BAD',
    'A protocol error: the command was malformed, unknown, or not allowed in this state. Untagged when the server cannot tell which command caused it.',
    ref(9051, '7.1.3'),
  ),
  st(
    'PREAUTH',
    'PREAUTH greeting',
    'A greeting saying the connection is already authenticated by other means, so no LOGIN is needed.',
    ref(9051, '7.1.4'),
  ),
  st(
    'BYE',
    'BYE',
    'The server is about to close the connection: after LOGOUT, at shutdown, after an idle timeout, or as a greeting refusing the client.',
    ref(9051, '7.1.5'),
  ),
  st(
    '*',
    'Untagged response',
    'A line starting with "*" is data or status not tied to one command\'s completion: counts, FETCH results, CAPABILITY, alerts.',
    ref(9051, '2.2.2'),
  ),
  st(
    '+',
    'Continuation request',
    'The server is ready for more from the client: the octets of a literal, the next AUTHENTICATE step (base64), or, during IDLE, that it is idling.',
    ref(9051, '7.6'),
  ),
  st(
    'tag',
    'Command tag',
    "The client puts a short unique tag (a1, A001…) before each command; the server's final OK/NO/BAD for that command carries the same tag.",
    ref(9051, '2.2.1'),
  ),
];

export const IMAP_STATES_EXPLAINED: readonly Explanation[] = [
  state(
    'not-authenticated',
    'Not Authenticated state',
    'Connected but not logged in: only CAPABILITY, NOOP, LOGOUT, STARTTLS, AUTHENTICATE and LOGIN (and ID) work.',
    ref(9051, '3.1'),
  ),
  state(
    'authenticated',
    'Authenticated state',
    'Logged in, no mailbox selected: manage mailboxes (LIST, CREATE, STATUS, APPEND…) or SELECT one.',
    ref(9051, '3.2'),
  ),
  state(
    'selected',
    'Selected state',
    'A mailbox is selected: the message commands FETCH, STORE, SEARCH, COPY, MOVE, EXPUNGE work on it.',
    ref(9051, '3.3'),
  ),
  state('logout', 'Logout state', 'The connection is being closed, after LOGOUT or by the server.', ref(9051, '3.4')),
  state('sasl', 'SASL exchange', 'AUTHENTICATE sent "+ ": the next line is the base64 response (or "*" to cancel), not a command.', ref(9051, '6.2.2')),
  state('tls-handshake', 'Waiting for the TLS handshake', 'STARTTLS was answered OK: the server reads nothing until the TLS handshake ends, and forgets what came before it.', ref(9051, '6.2.1')),
  state('idle-authenticated', 'IDLE (authenticated)', 'IDLE was answered "+ idling": the server tells changes as they happen; the next line must be DONE.', ref(9051, '6.3.13')),
  state('idle-selected', 'IDLE (selected)', 'IDLE in a selected mailbox: new mail, expunges and flag changes arrive at once; the next line must be DONE.', ref(9051, '6.3.13')),
  state('literal-not-authenticated', 'Reading a literal (not authenticated)', 'A {n} literal was announced: the next n octets are its data, not a command line.', ref(9051, '4.3')),
  state('literal-authenticated', 'Reading a literal (authenticated)', 'A {n} literal was announced (an APPEND message, a mailbox name): the next n octets are its data.', ref(9051, '4.3')),
  state('literal-selected', 'Reading a literal (selected)', 'A {n} literal was announced: the next n octets are its data, not a command line.', ref(9051, '4.3')),
  state('responding', 'Writing a long response', 'A large FETCH goes out in parts; commands sent meanwhile wait their turn.', ref(9051, '5.5')),
];

export const IMAP_UNTAGGED: readonly Explanation[] = [
  un('CAPABILITY', 'CAPABILITY response', 'The list of capabilities the server supports right now.', ref(9051, '7.2.2')),
  un('ENABLED', 'ENABLED response', 'Which of the extensions asked for in ENABLE are now on.', ref(9051, '7.2.1')),
  un('LIST', 'LIST response', 'One mailbox: its attributes, hierarchy delimiter and name.', ref(9051, '7.3.1')),
  un('LSUB', 'LSUB response (IMAP4rev1)', 'One subscribed mailbox, answering LSUB.', ref(3501, '7.2.3')),
  un(
    'NAMESPACE',
    'NAMESPACE response',
    "Prefix and delimiter for personal, other users' and shared mailboxes; NIL where there are none.",
    ref(9051, '7.3.2'),
  ),
  un('STATUS', 'STATUS response', 'A mailbox name and the counts STATUS asked for.', ref(9051, '7.3.3')),
  un(
    'ESEARCH',
    'ESEARCH response',
    'SEARCH results: the tag it answers, UID if the numbers are UIDs, then items such as COUNT, MIN, MAX and ALL (a compact set like 1:3,7).',
    ref(9051, '7.3.4'),
  ),
  un(
    'SEARCH',
    'SEARCH response (IMAP4rev1)',
    'The numbers of the messages that matched, separated by spaces. IMAP4rev2 uses ESEARCH instead.',
    ref(3501, '7.2.5'),
  ),
  un('FLAGS', 'FLAGS response', 'The flags that exist in this mailbox (at least the system flags).', ref(9051, '7.3.5')),
  un(
    'EXISTS',
    'EXISTS response',
    'The number before it is how many messages the mailbox now has; it grows when new mail arrives.',
    ref(9051, '7.4.1'),
  ),
  un(
    'RECENT',
    'RECENT response (IMAP4rev1)',
    'How many messages are \\Recent (new since the last session looked). Deprecated in IMAP4rev2.',
    ref(3501, '7.3.2'),
  ),
  un(
    'EXPUNGE',
    'EXPUNGE response',
    "The message with this sequence number was removed; every later message's number drops by one at once.",
    ref(9051, '7.5.1'),
  ),
  un(
    'FETCH',
    'FETCH response',
    'Data about the message with this sequence number: pairs like FLAGS (…), UID n, BODY[] {size}. Also sent on its own when flags change.',
    ref(9051, '7.5.2'),
  ),
  un('ID', 'ID response', "The server's name, version and similar fields, or NIL.", ref(2971, '3.2')),
];

export const IMAP_FLAGS: readonly Explanation[] = [
  flag('\\Seen', 'Seen', 'The message has been read.', ref(9051, '2.3.2')),
  flag('\\Answered', 'Answered', 'The message has been answered.', ref(9051, '2.3.2')),
  flag('\\Flagged', 'Flagged', 'The message is flagged for urgent or special attention (a star in many clients).', ref(9051, '2.3.2')),
  flag('\\Deleted', 'Deleted', 'The message is marked for removal; EXPUNGE or CLOSE removes it for good.', ref(9051, '2.3.2')),
  flag('\\Draft', 'Draft', 'The message is not finished: a draft.', ref(9051, '2.3.2')),
  flag(
    '\\Recent',
    'Recent (deprecated)',
    'The message arrived since the last session looked at the mailbox. Used in IMAP4rev1, deprecated now.',
    ref(9051, '2.3.2'),
  ),
  flag('\\*', 'New keywords allowed', 'In PERMANENTFLAGS: the client may create new keywords by storing them.', ref(9051, '7.1')),
  flag('$Forwarded', 'Forwarded', 'The message was forwarded to someone.', ref(9051, '2.3.2')),
  flag('$MDNSent', 'Read receipt sent', 'A message disposition notification (read receipt) was sent for this message.', ref(9051, '2.3.2')),
  flag('$Junk', 'Junk', 'The message is junk (spam).', ref(9051, '2.3.2')),
  flag('$NotJunk', 'Not junk', 'The message is definitely not junk.', ref(9051, '2.3.2')),
  flag('$Phishing', 'Phishing', 'The message is very likely a phishing attempt.', ref(9051, '2.3.2')),
];

export const IMAP_MAILBOX_ATTRIBUTES: readonly Explanation[] = [
  attr(
    '\\NonExistent',
    'Does not exist',
    'The name does not refer to an existing mailbox (listed only because, e.g., it is subscribed). Implies \\Noselect.',
    ref(9051, '7.3.1'),
  ),
  attr('\\Noinferiors', 'No children possible', 'No child mailboxes exist under this name, and none can be created.', ref(9051, '7.3.1')),
  attr('\\Noselect', 'Not selectable', 'This name cannot be selected; it is only a level in the hierarchy.', ref(9051, '7.3.1')),
  attr('\\HasChildren', 'Has children', 'The mailbox has child mailboxes.', ref(9051, '7.3.1')),
  attr('\\HasNoChildren', 'Has no children', 'The mailbox has no child mailboxes the user can see.', ref(9051, '7.3.1')),
  attr(
    '\\Marked',
    'Marked',
    'The server thinks the mailbox is interesting: probably new messages since it was last selected.',
    ref(9051, '7.3.1'),
  ),
  attr('\\Unmarked', 'Unmarked', 'No new messages since the mailbox was last selected.', ref(9051, '7.3.1')),
  attr('\\Subscribed', 'Subscribed', 'The mailbox is on the subscribed list.', ref(9051, '7.3.1')),
  attr('\\Remote', 'Remote', 'The mailbox is on another server.', ref(9051, '7.3.1')),
  attr('\\All', 'All messages (special use)', 'A virtual mailbox showing every message in the store.', ref(6154, '2')),
  attr('\\Archive', 'Archive (special use)', 'Where messages are archived, out of the inbox but kept.', ref(6154, '2')),
  attr('\\Drafts', 'Drafts (special use)', 'Where draft messages are kept.', ref(6154, '2')),
  attr('\\Flagged', 'Flagged (special use)', 'A mailbox presenting the messages marked important (\\Flagged).', ref(6154, '2')),
  attr('\\Junk', 'Junk (special use)', 'Where junk (spam) messages are held.', ref(6154, '2')),
  attr('\\Sent', 'Sent (special use)', 'Where copies of sent messages are kept.', ref(6154, '2')),
  attr('\\Trash', 'Trash (special use)', 'Where deleted messages go.', ref(6154, '2')),
];

export const IMAP_FETCH_ITEMS: readonly Explanation[] = [
  item('FLAGS', 'Flags', "The message's flags, in parentheses.", ref(9051, '7.5.2')),
  item(
    'UID',
    'Unique identifier',
    "The message's UID, which stays the same while UIDVALIDITY does, unlike its sequence number.",
    ref(9051, '7.5.2'),
  ),
  item('INTERNALDATE', 'Internal date', 'When the server received or stored the message.', ref(9051, '7.5.2')),
  item('RFC822.SIZE', 'Size', 'The message size in octets.', ref(9051, '7.5.2')),
  item(
    'ENVELOPE',
    'Envelope',
    'The main header fields, already parsed: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id.',
    ref(9051, '7.5.2'),
  ),
  item(
    'BODYSTRUCTURE',
    'Body structure',
    'The MIME structure of the message: its parts, types, encodings and sizes, without the content.',
    ref(9051, '7.5.2'),
  ),
  item(
    'BODY',
    'Body (structure or section)',
    'BODY alone is a short body structure; BODY[section] is content: BODY[] the whole message, BODY[HEADER] the header, BODY[1] the first part. Fetching BODY[] sets \\Seen; BODY.PEEK[] does not.',
    ref(9051, '7.5.2'),
  ),
  item(
    'BINARY',
    'Decoded section',
    "BINARY[section]: a part's content with base64 or quoted-printable already removed.",
    ref(9051, '7.5.2'),
  ),
  item('BINARY.SIZE', 'Decoded size', 'The size of a part after decoding.', ref(9051, '7.5.2')),
  item('RFC822', 'Whole message (IMAP4rev1)', 'Same as BODY[]; deprecated in IMAP4rev2.', ref(3501, '7.4.2')),
  item('RFC822.HEADER', 'Header (IMAP4rev1)', 'Same as BODY.PEEK[HEADER]; deprecated in IMAP4rev2.', ref(3501, '7.4.2')),
  item('RFC822.TEXT', 'Body text (IMAP4rev1)', 'Same as BODY[TEXT]; deprecated in IMAP4rev2.', ref(3501, '7.4.2')),
  item('MODSEQ', 'Modification sequence', 'CONDSTORE: a number that grows every time the message changes (RFC 7162).', ref(7162)),
];

export const IMAP_STATUS_ITEMS: readonly Explanation[] = [
  sitem('MESSAGES', 'Messages', 'The number of messages in the mailbox.', ref(9051, '6.3.11')),
  sitem('UIDNEXT', 'Next UID', 'The UID the next new message will get.', ref(9051, '6.3.11')),
  sitem('UIDVALIDITY', 'UID validity', "The mailbox's UIDVALIDITY value.", ref(9051, '6.3.11')),
  sitem('UNSEEN', 'Unseen', 'The number of messages without \\Seen.', ref(9051, '6.3.11')),
  sitem('DELETED', 'Deleted', 'The number of messages with \\Deleted.', ref(9051, '6.3.11')),
  sitem('SIZE', 'Size', 'The total size of the mailbox in octets.', ref(9051, '6.3.11')),
  sitem('RECENT', 'Recent (IMAP4rev1)', 'The number of \\Recent messages; IMAP4rev1 only.', ref(3501, '6.3.10')),
];

export const IMAP_WIRE: readonly Explanation[] = [
  wire(
    '{n}',
    'Literal',
    '{n} at the end of a line announces n octets of raw data on the following lines. A client sending one waits for "+" first (synchronizing literal); {n+} means "don\'t wait" (non-synchronizing).',
    ref(9051, '4.3'),
  ),
  wire('NIL', 'NIL', 'The special value "nothing here", distinct from an empty string.', ref(9051, '4.5')),
];
