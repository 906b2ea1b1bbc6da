/**
 * IMAP capability names (RFC 9051 §6.1.1, §7.2.2). Extensions RFC 9051 folded in (Appendix E) cite
 * the RFC 9051 section that now defines them; others cite their own RFC, external when not local.
 */
import { entries } from './entry.ts';
import { ref } from './rfc.ts';
import type { Explanation } from './types.ts';

const cap = entries('imap', 'capability');

export const IMAP_CAPABILITIES: readonly Explanation[] = [
  cap(
    'IMAP4rev2',
    'IMAP version 4rev2',
    'The server speaks IMAP4rev2, the current IMAP (RFC 9051, 2021, which obsoletes RFC 3501). Listed together with IMAP4rev1, a session behaves as IMAP4rev1 until the client sends ENABLE IMAP4rev2.',
    ref(9051, '6.1.1'),
  ),
  cap(
    'IMAP4rev1',
    'IMAP version 4rev1',
    'The server also speaks the older IMAP4rev1 (RFC 3501) for clients that do not know rev2. Each session starts as IMAP4rev1; a client that wants IMAP4rev2 MUST send ENABLE IMAP4rev2.',
    ref(9051, 'A'),
  ),
  cap(
    'STARTTLS',
    'STARTTLS available',
    'The client may upgrade this connection to TLS with STARTTLS. Only offered before TLS is on.',
    ref(9051, '6.2.1'),
  ),
  cap(
    'LOGINDISABLED',
    'LOGIN disabled',
    'LOGIN (clear-text password) is refused on this connection, usually until TLS is started; the client must not send LOGIN.',
    ref(9051, '6.2.3'),
  ),
  cap(
    'AUTH=PLAIN',
    'SASL PLAIN',
    'The client may log in with AUTHENTICATE PLAIN: user name and password in one base64 string (safe only under TLS).',
    ref(4616, '2'),
  ),
  cap(
    'AUTH=',
    'SASL mechanism',
    'AUTH=<name> says AUTHENTICATE accepts that SASL mechanism (PLAIN, SCRAM-SHA-256, XOAUTH2…).',
    ref(9051, '6.1.1'),
  ),
  cap(
    'SASL-IR',
    'SASL initial response',
    'AUTHENTICATE may carry the first response on the command line, saving a round trip. An IMAP4rev1 client only does so when the server lists SASL-IR; IMAP4rev2 includes it (RFC 9051 §6.2.2).',
    ref(4959, '3'),
  ),
  cap('ENABLE', 'ENABLE command', 'The client may switch on extensions with ENABLE.', ref(9051, '6.3.1')),
  cap('IDLE', 'IDLE command', 'The client may wait with IDLE and have new mail pushed to it instead of polling.', ref(2177, '3')),
  cap('MOVE', 'MOVE command', 'MOVE and UID MOVE move messages to another mailbox in one atomic step.', ref(6851, '3')),
  cap(
    'UIDPLUS',
    'UIDPLUS',
    'APPEND and COPY/MOVE report the new UIDs (APPENDUID/COPYUID), and UID EXPUNGE removes only the given messages.',
    ref(4315, '1'),
  ),
  cap('NAMESPACE', 'NAMESPACE command', "The client may ask where personal, other users' and shared mailboxes live.", ref(2342, '5')),
  cap('ID', 'ID command', 'Client and server may exchange software names and versions with ID.', ref(2971, '3')),
  cap('UNSELECT', 'UNSELECT command', 'The client may leave a mailbox without expunging \\Deleted messages.', ref(9051, '6.4.2')),
  cap(
    'CHILDREN',
    'Child mailbox attributes',
    'LIST marks mailboxes \\HasChildren or \\HasNoChildren (RFC 3348; part of IMAP4rev2 LIST).',
    ref(9051, '6.3.9.5'),
  ),
  cap(
    'LIST-EXTENDED',
    'Extended LIST',
    'LIST accepts selection options (SUBSCRIBED, REMOTE, RECURSIVEMATCH) and RETURN options (RFC 5258; part of IMAP4rev2).',
    ref(9051, '6.3.9'),
  ),
  cap(
    'LIST-STATUS',
    'LIST with STATUS',
    "LIST … RETURN (STATUS (…)) returns each mailbox's counts in the same command (RFC 5819; part of IMAP4rev2).",
    ref(9051, '6.3.9.2'),
  ),
  cap(
    'SPECIAL-USE',
    'Special-use mailboxes',
    'LIST marks mailboxes by role: \\Sent, \\Drafts, \\Trash, \\Junk, \\Archive, \\All, \\Flagged.',
    ref(6154, '2'),
  ),
  cap(
    'CREATE-SPECIAL-USE',
    'CREATE with a role',
    'CREATE may give a new mailbox a special-use attribute: CREATE MySpam (USE (\\Junk)).',
    ref(6154, '3'),
  ),
  cap(
    'LITERAL+',
    'Non-synchronizing literals',
    'The client may send {n+} literals of any size without waiting for "+" (RFC 7888).',
    ref(7888),
  ),
  cap(
    'LITERAL-',
    'Small non-synchronizing literals',
    'The client may send {n+} literals of up to 4096 octets without waiting for "+" (standard in IMAP4rev2).',
    ref(9051, '4.3'),
  ),
  cap(
    'ESEARCH',
    'Extended SEARCH',
    'SEARCH can return MIN, MAX, COUNT and compact ALL ranges in an ESEARCH response (RFC 4731; standard in IMAP4rev2).',
    ref(9051, '6.4.4'),
  ),
  cap(
    'SEARCHRES',
    'Saved search results',
    'SEARCH RETURN (SAVE) keeps the result so later commands can refer to it as $ (RFC 5182; part of IMAP4rev2).',
    ref(9051, '6.4.4.1'),
  ),
  cap(
    'STATUS=SIZE',
    'STATUS SIZE',
    "STATUS can report a mailbox's total size in octets (RFC 8438; part of IMAP4rev2).",
    ref(9051, '6.3.11'),
  ),
  cap(
    'BINARY',
    'FETCH BINARY',
    'FETCH BINARY[…] returns a part already decoded from base64 or quoted-printable (RFC 3516; FETCH side part of IMAP4rev2).',
    ref(9051, '6.4.5'),
  ),
  cap(
    'CONDSTORE',
    'Conditional STORE',
    'Messages get modification sequence numbers (MODSEQ), so a client can fetch only what changed (RFC 7162).',
    ref(7162),
  ),
  cap(
    'QRESYNC',
    'Quick resynchronization',
    'SELECT can tell the client which messages were expunged or changed since last time (RFC 7162).',
    ref(7162),
  ),
  cap('UTF8=ACCEPT', 'UTF-8 support', 'After ENABLE UTF8=ACCEPT, mailbox names and headers may be UTF-8 (RFC 6855).', ref(6855)),
  cap('QUOTA', 'Quotas', 'The client may ask about storage quotas with GETQUOTA/GETQUOTAROOT (RFC 9208).', ref(9208)),
  cap('ACL', 'Access control lists', 'Mailboxes have per-user rights that can be read and set (RFC 4314).', ref(4314)),
  cap('METADATA', 'Metadata', 'Annotations on the server and mailboxes can be read and set (RFC 5464).', ref(5464)),
  cap('COMPRESS=DEFLATE', 'Compression', 'The connection may be compressed with DEFLATE (RFC 4978).', ref(4978)),
  cap('SORT', 'Server-side sorting', 'SORT returns messages in a sort order (RFC 5256).', ref(5256)),
  cap('THREAD=REFERENCES', 'Server-side threading', 'THREAD groups messages into conversations (RFC 5256).', ref(5256)),
  cap('MULTIAPPEND', 'Several messages per APPEND', 'One APPEND may add several messages at once (RFC 3502).', ref(3502)),
  cap(
    'OBJECTID',
    'Object identifiers',
    'Messages and mailboxes get stable IDs (EMAILID, MAILBOXID) that survive moves and renames (RFC 8474).',
    ref(8474),
  ),
  cap('APPENDLIMIT', 'APPEND size limit', 'The largest message APPEND accepts (RFC 7889).', ref(7889)),
  cap(
    'UNAUTHENTICATE',
    'Log out without disconnecting',
    'UNAUTHENTICATE returns to the not-authenticated state on the same connection (RFC 8437).',
    ref(8437),
  ),
  cap('NOTIFY', 'Notifications', 'The client may ask to be told about changes in other mailboxes too (RFC 5465).', ref(5465)),
  cap('WITHIN', 'Relative date search', 'SEARCH accepts OLDER and YOUNGER, in seconds (RFC 5032).', ref(5032)),
  cap('SAVEDATE', 'Save date', 'The server records when each message was saved in the mailbox (RFC 8514).', ref(8514)),
];
