/**
 * IMAP response codes, the [BRACKETED] atom after OK/NO/BAD/PREAUTH/BYE: every code of RFC 9051
 * §7.1 (which takes in RFC 5530's and RFC 4315's), UNSEEN from RFC 3501 §7.1, USEATTR from
 * RFC 6154, TOOBIG (RFC 4469, RFC 7888 §5), and the CONDSTORE codes of RFC 7162 (not local: external).
 */
import { entries } from './entry.ts';
import { ref } from './rfc.ts';
import type { Explanation } from './types.ts';

const rc = entries('imap', 'response-code');
const S = ref(9051, '7.1');

export const IMAP_RESPONSE_CODES: readonly Explanation[] = [
  rc(
    'ALERT',
    'Alert',
    'The text is a message the client must show to the user. Over a connection without TLS, clients should ignore it or mark it as suspicious.',
    S,
  ),
  rc(
    'ALREADYEXISTS',
    'Already exists',
    'The command tried to create something that exists already, e.g. CREATE or RENAME to a name in use.',
    S,
  ),
  rc(
    'APPENDUID',
    'UID of the appended message',
    "After APPEND: the destination's UIDVALIDITY and the UID the new message got, so the client needn't search for it.",
    S,
  ),
  rc(
    'AUTHENTICATIONFAILED',
    'Authentication failed',
    'The login failed (unknown user or wrong password); the server will not say which. Retrying the same credentials will not help.',
    S,
  ),
  rc(
    'AUTHORIZATIONFAILED',
    'Authorization failed',
    'The credentials were right, but this identity may not act as the requested (different) authorization identity.',
    S,
  ),
  rc('BADCHARSET', 'Unsupported charset', 'SEARCH used a charset the server does not support; a list of the supported ones may follow.', S),
  rc('CANNOT', 'Cannot', 'The operation breaks a rule of this server and can never succeed, e.g. a mailbox name it cannot store.', S),
  rc(
    'CAPABILITY',
    'Capabilities',
    "The server's capability list, sent in the greeting or after login so the client need not ask with CAPABILITY.",
    S,
  ),
  rc('CLIENTBUG', 'Client bug', 'The server noticed the client doing something wrong; the command may still have worked.', S),
  rc(
    'CLOSED',
    'Previous mailbox closed',
    'Sent when SELECT/EXAMINE of another mailbox implicitly closes the current one: replies before it were about the old mailbox, replies after it about the new one.',
    S,
  ),
  rc('CONTACTADMIN', 'Contact the administrator', 'The user should contact the system administrator or support desk.', S),
  rc(
    'COPYUID',
    'UIDs of the copies',
    "After COPY or MOVE: the destination's UIDVALIDITY, the source UIDs, and the UIDs the copies got, in the same order.",
    S,
  ),
  rc('CORRUPTION', 'Corrupt data', 'The server found that some data, such as the mailbox, is corrupt.', S),
  rc('EXPIRED', 'Credentials expired', 'This password (passphrase) is no longer valid; the user must get a new one.', S),
  rc(
    'EXPUNGEISSUED',
    'Expunge by someone else',
    'Another session expunged messages in this mailbox; the client may want to send NOOP soon to learn which.',
    S,
  ),
  rc('HASCHILDREN', 'Mailbox has children', 'DELETE failed because the mailbox has child mailboxes, which must be deleted first.', S),
  rc('INUSE', 'In use', 'Someone else holds a lock or is using the resource (usually a mailbox); trying later may work.', S),
  rc('LIMIT', 'Limit reached', 'The operation hit an implementation limit, such as the number of flags in a mailbox.', S),
  rc('NONEXISTENT', 'Does not exist', 'The command refers to something (usually a mailbox) that does not exist.', S),
  rc('NOPERM', 'No permission', 'Access control does not let this user do that, e.g. select or create this mailbox.', S),
  rc(
    'NOTSAVED',
    'Search result not saved',
    'SEARCH with RETURN (SAVE) could not save its result; the saved result ($) is now empty.',
    ref(9051, '6.4.4.3'),
  ),
  rc(
    'OVERQUOTA',
    'Over quota',
    'The user would be (or now is) over their storage quota. On NO the command failed; on OK it worked but the quota is exceeded.',
    S,
  ),
  rc('PARSE', 'Parse error in a message', 'The server could not parse the RFC 5322 or MIME headers of a message in the mailbox.', S),
  rc(
    'PERMANENTFLAGS',
    'Flags that can be changed permanently',
    'The flags the client can set so that they persist. \\* means the client may also create new keywords.',
    S,
  ),
  rc(
    'PRIVACYREQUIRED',
    'Privacy required',
    'Not allowed without encryption: use STARTTLS, or reconnect on an implicit TLS port (993), then try again.',
    S,
  ),
  rc(
    'READ-ONLY',
    'Read-only',
    'The mailbox is selected read-only (EXAMINE, or no write permission): flags and expunges will not be saved.',
    S,
  ),
  rc('READ-WRITE', 'Read-write', 'The mailbox is selected read-write: changes will be saved.', S),
  rc('SERVERBUG', 'Server bug', 'The server hit a bug in itself.', S),
  rc(
    'TOOBIG',
    'Too big',
    'Something the client sent is larger than the server takes (an APPEND message, a literal). With BYE: a {n+} literal, ' +
      'sent without waiting, was for a refused command (say APPEND before LOGIN) and too large to read and drop, so the server hung up.',
    ref(7888, '4'),
  ),
  rc(
    'TRYCREATE',
    'Try creating the mailbox',
    'APPEND, COPY or MOVE failed because the target mailbox does not exist; it may work after CREATE.',
    S,
  ),
  rc(
    'UIDNEXT',
    'Next UID',
    'The predicted UID of the next new message in this mailbox; if it changed since last time, new mail arrived.',
    S,
  ),
  rc(
    'UIDNOTSTICKY',
    'UIDs not persistent',
    'This mailbox cannot keep UIDs: UIDVALIDITY changes at every SELECT, so cached UIDs are useless.',
    S,
  ),
  rc(
    'UIDVALIDITY',
    'UID validity',
    'A number that, together with a UID, names a message for good. If it changes, every UID the client cached for this mailbox is invalid.',
    S,
  ),
  rc('UNAVAILABLE', 'Temporarily unavailable', 'A subsystem (such as the authentication backend) is down; try again later.', S),
  rc('UNKNOWN-CTE', 'Unknown transfer encoding', "FETCH BINARY failed: the server cannot decode this part's Content-Transfer-Encoding.", S),
  rc(
    'UNSEEN',
    'First unseen message (IMAP4rev1)',
    'The sequence number of the first message without \\Seen. Deprecated in IMAP4rev2.',
    ref(3501, '7.1'),
  ),
  rc(
    'USEATTR',
    'Special-use attribute refused',
    'CREATE with a special-use attribute (\\Sent, \\Trash…) failed because the server does not support that attribute there.',
    ref(6154, '3'),
  ),
  rc(
    'HIGHESTMODSEQ',
    'Highest mod-sequence',
    'CONDSTORE: the highest modification sequence in the mailbox, for quick resynchronisation (RFC 7162).',
    ref(7162),
  ),
  rc('NOMODSEQ', 'No mod-sequences', 'CONDSTORE: this mailbox does not keep modification sequences (RFC 7162).', ref(7162)),
  rc(
    'MODIFIED',
    'Modified since',
    'CONDSTORE: STORE skipped these messages because they changed since the given mod-sequence (RFC 7162).',
    ref(7162),
  ),
];
