/**
 * Transcripts in RFC 9051 notation: SELECT/EXAMINE, mailbox management, LIST, APPEND.
 * alice's INBOX holds UID 1 \Seen (Welcome), UID 2 unseen multipart (Site plans), UID 3 \Flagged (Café).
 */
import { describe, it } from 'vitest';
import { LOGIN, SELECT_INBOX, play } from './test-helpers.ts';

describe('mailbox commands (RFC 9051 §6.3)', () => {
  it('selects INBOX for an IMAP4rev1 client with RECENT and UNSEEN, then EXAMINEs it read-only', () => {
    play(`S~ \\* OK .*
      ${SELECT_INBOX}
      C: e EXAMINE INBOX
      S: * FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)
      S: * OK [PERMANENTFLAGS ()] No permanent flags: read-only
      S: * 3 EXISTS
      # The session that was first told keeps \\Recent across SELECTs (RFC 3501 §2.3.2).
      S: * 3 RECENT
      S: * OK [UNSEEN 2] Message 2 is the first unseen
      S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
      S: * OK [UIDNEXT 4] Predicted next UID
      S: e OK [READ-ONLY] EXAMINE completed
      C: f SELECT Nowhere
      S: f NO [NONEXISTENT] Mailbox Nowhere does not exist
      C: g FETCH 1 FLAGS
      S~ g BAD FETCH is not allowed in the authenticated state; allowed here: .*`);
  });

  it('selects for an IMAP4rev2 client: LIST instead of RECENT/UNSEEN, and CLOSED on reselect (§6.3.2)', () => {
    play(`S~ \\* OK .*
      ${LOGIN}
      C: e ENABLE IMAP4rev2
      S: * ENABLED IMAP4rev2
      S: e OK ENABLE completed
      C: s SELECT inbox
      S: * FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)
      S: * OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft \\*)] Flags and keywords are stored
      S: * 3 EXISTS
      S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
      S: * OK [UIDNEXT 4] Predicted next UID
      S: * LIST (\\HasNoChildren) "/" INBOX
      S: s OK [READ-WRITE] SELECT completed
      C: t SELECT Archive
      S: * OK [CLOSED] Previous mailbox is now closed
      S: * FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)
      S~ \\* OK \\[PERMANENTFLAGS .*
      S: * 0 EXISTS
      S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
      S: * OK [UIDNEXT 1] Predicted next UID
      S: * LIST (\\HasNoChildren \\Archive) "/" Archive
      S: t OK [READ-WRITE] SELECT completed`);
  });

  it('creates, lists, renames and deletes mailboxes with RFC 5530 codes (§6.3.4–§6.3.9)', () => {
    play(`S~ \\* OK .*
      ${LOGIN}
      C: a1 CREATE Projects/2026/Q4
      S: a1 OK CREATE completed
      C: a2 CREATE Projects
      S: a2 NO [ALREADYEXISTS] mailbox Projects already exists
      C: a3 CREATE inbox
      S: a3 NO [ALREADYEXISTS] mailbox INBOX already exists
      C: a4 LIST "" %
      S: * LIST (\\HasNoChildren) "/" INBOX
      S: * LIST (\\HasNoChildren \\Archive) "/" Archive
      S: * LIST (\\HasNoChildren \\Drafts) "/" Drafts
      S: * LIST (\\HasNoChildren \\Junk) "/" Junk
      S: * LIST (\\HasChildren) "/" Projects
      S: * LIST (\\HasNoChildren \\Sent) "/" Sent
      S: * LIST (\\HasNoChildren \\Trash) "/" Trash
      S: a4 OK LIST completed
      C: a5 LIST Projects/ *
      S: * LIST (\\HasChildren) "/" Projects/2026
      S: * LIST (\\HasNoChildren) "/" Projects/2026/Q4
      S: a5 OK LIST completed
      C: a6 RENAME Projects Work
      S: a6 OK RENAME completed
      C: a7 LIST "" Work*
      S: * LIST (\\HasChildren) "/" Work
      S: * LIST (\\HasChildren) "/" Work/2026
      S: * LIST (\\HasNoChildren) "/" Work/2026/Q4
      S: a7 OK LIST completed
      C: a8 DELETE INBOX
      S: a8 NO [CANNOT] INBOX cannot be deleted
      C: a9 DELETE Nothing
      S: a9 NO [NONEXISTENT] no mailbox named Nothing
      C: b1 RENAME Work Archive
      S: b1 NO [ALREADYEXISTS] mailbox Archive already exists
      C: b2 LIST "" ""
      S: * LIST (\\Noselect) "/" ""
      S: b2 OK LIST completed
      C: b3 CREATE Receipts (USE (\\Archive))
      S: b3 OK CREATE completed
      C: b4 CREATE Everything (USE (\\All))
      S: b4 NO [USEATTR] \\All cannot be given to a new mailbox here`);
  });

  it('renames INBOX by moving its messages (§6.3.6)', () => {
    play(`S~ \\* OK .*
      ${LOGIN}
      C: a1 RENAME INBOX Old
      S: a1 OK RENAME completed
      C: a2 STATUS INBOX (MESSAGES UIDNEXT)
      S: * STATUS INBOX (MESSAGES 0 UIDNEXT 4)
      S: a2 OK STATUS completed
      C: a3 STATUS Old (MESSAGES UIDNEXT)
      S: * STATUS Old (MESSAGES 3 UIDNEXT 4)
      S: a3 OK STATUS completed`);
  });

  it('answers LIST-EXTENDED selection and return options, LIST-STATUS and LSUB (RFC 5258, 5819, 6154)', () => {
    play(`S~ \\* OK .*
      ${LOGIN}
      C: a1 LIST (SPECIAL-USE) "" *
      S: * LIST (\\HasNoChildren \\Archive) "/" Archive
      S: * LIST (\\HasNoChildren \\Drafts) "/" Drafts
      S: * LIST (\\HasNoChildren \\Junk) "/" Junk
      S: * LIST (\\HasNoChildren \\Sent) "/" Sent
      S: * LIST (\\HasNoChildren \\Trash) "/" Trash
      S: a1 OK LIST completed
      C: a2 LIST "" INBOX RETURN (STATUS (MESSAGES UNSEEN SIZE))
      S: * LIST (\\HasNoChildren) "/" INBOX
      S~ \\* STATUS INBOX \\(MESSAGES 3 UNSEEN 2 SIZE \\d+\\)
      S: a2 OK LIST completed
      C: a3 UNSUBSCRIBE Junk
      S: a3 OK UNSUBSCRIBE completed
      C: a4 LIST (SUBSCRIBED) "" J*
      S: a4 OK LIST completed
      C: a5 LIST "" J* RETURN (SUBSCRIBED)
      S: * LIST (\\HasNoChildren \\Junk) "/" Junk
      S: a5 OK LIST completed
      C: a6 LSUB "" *
      S: * LSUB () "/" INBOX
      S: * LSUB () "/" Archive
      S: * LSUB () "/" Drafts
      S: * LSUB () "/" Sent
      S: * LSUB () "/" Trash
      S: a6 OK LSUB completed
      C: a7 LIST (RECURSIVEMATCH) "" *
      S~ a7 BAD .*RECURSIVEMATCH.*
      C: a8 STATUS Nowhere (MESSAGES)
      S: a8 NO [NONEXISTENT] Mailbox Nowhere does not exist`);
  });

  it('sends and decodes modified UTF-7 names for IMAP4rev1 and UTF-8 after ENABLE IMAP4rev2 (Appendix A.1)', () => {
    play(`S~ \\* OK .*
      ${LOGIN}
      C: a1 CREATE "Caf&AOk-"
      S: a1 OK CREATE completed
      C: a2 LIST "" Caf*
      S: * LIST (\\HasNoChildren) "/" Caf&AOk-
      S: a2 OK LIST completed
      C: a3 ENABLE IMAP4rev2
      S: * ENABLED IMAP4rev2
      S: a3 OK ENABLE completed
      C: a4 LIST "" Caf*
      S: * LIST (\\HasNoChildren) "/" "Café"
      S: a4 OK LIST completed`);
  });
});

describe('APPEND (RFC 9051 §6.3.12, RFC 4315 APPENDUID)', () => {
  it('takes a synchronizing literal after "+", a LITERAL+ one at once, and reports TRYCREATE', () => {
    play(`S~ \\* OK .*
      ${LOGIN}
      C: a1 APPEND Drafts (\\Draft) "26-Nov-2026 09:30:00 +0100" {21}
      S: + Ready for literal data
      C> Subject: hi
      C> 
      C: Hello!
      S~ a1 OK \\[APPENDUID \\d+ 1\\] APPEND completed
      C> a2 APPEND Drafts {21+}
      C> Subject: yo
      C> 
      C: Hello!
      S~ a2 OK \\[APPENDUID \\d+ 2\\] APPEND completed
      C: a3 APPEND Nowhere {2+}
      C: hi
      S: a3 NO [TRYCREATE] Mailbox Nowhere does not exist
      C: a4 APPEND Drafts (\\Recent) {2+}
      C: hi
      S: a4 BAD \\Recent is set by the server and cannot be stored
      C: a5 EXAMINE Drafts
      S* 
      S: a5 OK [READ-ONLY] EXAMINE completed
      C: a6 FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE)
      S: * 1 FETCH (UID 1 FLAGS (\\Draft \\Recent) INTERNALDATE "26-Nov-2026 08:30:00 +0000" RFC822.SIZE 21)
      S: * 2 FETCH (UID 2 FLAGS (\\Recent) INTERNALDATE "26-Nov-2026 09:00:00 +0000" RFC822.SIZE 21)
      S: a6 OK FETCH completed`);
  });

  it('reports an APPEND to the selected mailbox with EXISTS', () => {
    play(`S~ \\* OK .*
      ${SELECT_INBOX}
      C> a1 APPEND INBOX {6+}
      C: Hello!
      S: * 4 EXISTS
      S: * 4 RECENT
      S~ a1 OK \\[APPENDUID \\d+ 4\\] APPEND completed`);
  });
});

describe('mailbox names and hierarchy (RFC 9051 §5.1, §6.3.5)', () => {
  it('refuses wildcards in new names and DELETE of a mailbox with children (HASCHILDREN)', () => {
    play(`S~ \\* OK .*
      ${LOGIN}
      C: a1 CREATE "A*B"
      S: a1 NO [CANNOT] "A*B" contains a LIST wildcard (% or *), which a mailbox name must not
      C: a2 CREATE Trips/2027
      S: a2 OK CREATE completed
      C: a3 RENAME Trips "50%"
      S~ a3 NO \\[CANNOT\\] .*
      C: a4 DELETE Trips
      S: a4 NO [HASCHILDREN] Mailbox Trips has child mailboxes; delete them first
      C: a5 DELETE Trips/2027
      S: a5 OK DELETE completed
      C: a6 DELETE Trips
      S: a6 OK DELETE completed`);
  });
});
