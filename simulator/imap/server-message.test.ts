/**
 * Transcripts in RFC 9051 notation: FETCH, STORE, EXPUNGE, COPY, MOVE, SEARCH, IDLE.
 * alice's INBOX holds UID 1 \Seen (Welcome), UID 2 unseen multipart (Site plans), UID 3 \Flagged (Café).
 */
import { describe, it } from 'vitest';
import { playTranscript } from '../testing/transcript.ts';
import { LOGIN, SELECT_INBOX, freshWorld, imapServer, play } from './test-helpers.ts';

describe('FETCH (RFC 9051 §6.4.5)', () => {
  it('fetches flags, sizes, sections and partials, and sets \\Seen only without .PEEK', () => {
    play(`S~ \\* OK .*
      ${SELECT_INBOX}
      C: f1 FETCH 2 (UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (Subject)])
      S~ \\* 2 FETCH \\(UID 2 RFC822.SIZE \\d+ BODY\\[HEADER.FIELDS \\(Subject\\)\\] \\{34\\}
      S: Subject: Site plans for Monday
      S: 
      S: )
      S: f1 OK FETCH completed
      C: f2 FETCH 2 FLAGS
      S: * 2 FETCH (FLAGS (\\Recent))
      S: f2 OK FETCH completed
      C: f3 FETCH 2 (BODY[1]<0.5>)
      S: * 2 FETCH (BODY[1]<0> {5}
      S: Alice FLAGS (\\Seen \\Recent))
      S: f3 OK FETCH completed
      C: f4 UID FETCH 2 (BINARY[2] BINARY.SIZE[2])
      S: * 2 FETCH (UID 2 BINARY[2] {47}
      S~ room,width,length\\nkitchen,3\\.2,4\\.5\\nhall,1\\.8,6\\.0\\n BINARY\\.SIZE\\[2\\] 47\\)
      S: f4 OK UID FETCH completed
      C: f5 FETCH 9 FLAGS
      S: f5 BAD Sequence number 9 is above the 3 messages in the mailbox
      C: f6 UID FETCH 9 FLAGS
      S: f6 OK UID FETCH completed`);
  });

  it('answers BODY, the macros and RFC822.HEADER', () => {
    play(`S~ \\* OK .*
      ${SELECT_INBOX}
      C: f1 FETCH 1 BODY
      S: * 1 FETCH (BODY ("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "7BIT" 92 5))
      S: f1 OK FETCH completed
      C: f2 FETCH 3 FAST
      S: * 3 FETCH (FLAGS (\\Flagged \\Recent) INTERNALDATE "26-Nov-2026 07:30:00 +0000" RFC822.SIZE 352)
      S: f2 OK FETCH completed
      C: f3 FETCH 3 ALL
      S: * 3 FETCH (FLAGS (\\Flagged \\Recent) INTERNALDATE "26-Nov-2026 07:30:00 +0000" RFC822.SIZE 352 ENVELOPE ("Thu, 26 Nov 2026 08:05:00 +0000" "=?UTF-8?Q?Caf=C3=A9_on_Friday=3F?=" (("Carol Singer" NIL "carol" "example.com")) (("Carol Singer" NIL "carol" "example.com")) (("Carol Singer" NIL "carol" "example.com")) ((NIL NIL "alice" "example.com")) NIL NIL NIL "<cafe.3@example.com>"))
      S: f3 OK FETCH completed
      C: f4 FETCH 3 RFC822.TEXT
      S: * 3 FETCH (RFC822.TEXT {42}
      S: Café on Friday? The usual place, 12:30.
      S:  FLAGS (\\Flagged \\Seen \\Recent))
      S: f4 OK FETCH completed`);
  });
});

describe('STORE, EXPUNGE, COPY and MOVE (RFC 9051 §6.4.3–§6.4.8, RFC 4315, RFC 6851)', () => {
  it('stores flags in all three modes, silently, and by UID', () => {
    play(`S~ \\* OK .*
      ${SELECT_INBOX}
      C: a1 STORE 1:2 +FLAGS ($Important \\Answered)
      S: * 1 FETCH (FLAGS (\\Seen $Important \\Answered \\Recent))
      S: * 2 FETCH (FLAGS ($Important \\Answered \\Recent))
      S: a1 OK STORE completed
      C: a2 STORE 1 -FLAGS ($important)
      S: * 1 FETCH (FLAGS (\\Seen \\Answered \\Recent))
      S: a2 OK STORE completed
      C: a3 STORE 2 FLAGS.SILENT (\\Deleted)
      S: a3 OK STORE completed
      C: a4 UID STORE 3 +FLAGS (\\Seen)
      S: * 3 FETCH (FLAGS (\\Flagged \\Seen \\Recent) UID 3)
      S: a4 OK UID STORE completed
      C: a5 STORE 1 +FLAGS (\\Recent)
      S: a5 BAD \\Recent is set by the server and cannot be stored
      C: a6 SEARCH DELETED
      S: * SEARCH 2
      S: a6 OK SEARCH completed
      C: a7 EXPUNGE
      S: * 2 EXPUNGE
      S: a7 OK EXPUNGE completed
      C: a8 FETCH 1:* UID
      S: * 1 FETCH (UID 1)
      S: * 2 FETCH (UID 3)
      S: a8 OK FETCH completed`);
  });

  it('expunges only the given UIDs with UID EXPUNGE (RFC 4315 §2.1)', () => {
    play(`S~ \\* OK .*
      ${SELECT_INBOX}
      C: a1 STORE 1:3 +FLAGS.SILENT (\\Deleted)
      S: a1 OK STORE completed
      C: a2 UID EXPUNGE 2:3
      S: * 2 EXPUNGE
      S: * 2 EXPUNGE
      S: a2 OK UID EXPUNGE completed
      C: a3 CLOSE
      S: a3 OK CLOSE completed
      C: a4 STATUS INBOX (MESSAGES)
      S: * STATUS INBOX (MESSAGES 0)
      S: a4 OK STATUS completed`);
  });

  it('copies with COPYUID and moves with an untagged COPYUID and EXPUNGE', () => {
    play(`S~ \\* OK .*
      ${SELECT_INBOX}
      C: a1 COPY 1:2 Archive
      S~ a1 OK \\[COPYUID \\d+ 1:2 1:2\\] COPY completed
      C: a2 UID MOVE 1,3 Archive
      S~ \\* OK \\[COPYUID \\d+ 1,3 3:4\\] Moved
      S: * 1 EXPUNGE
      S: * 2 EXPUNGE
      S: a2 OK UID MOVE completed
      C: a3 MOVE 1 Nowhere
      S: a3 NO [TRYCREATE] Mailbox Nowhere does not exist
      C: a4 COPY 5 Archive
      S: a4 BAD Sequence number 5 is above the 1 messages in the mailbox
      C: a5 STATUS Archive (MESSAGES UIDNEXT)
      S: * STATUS Archive (MESSAGES 4 UIDNEXT 5)
      S: a5 OK STATUS completed
      C: a6 UNSELECT
      S: a6 OK UNSELECT completed
      C: a7 STATUS INBOX (MESSAGES)
      S: * STATUS INBOX (MESSAGES 1)
      S: a7 OK STATUS completed`);
  });

  it('refuses to change a mailbox opened with EXAMINE', () => {
    play(`S~ \\* OK .*
      ${LOGIN}
      C: e EXAMINE INBOX
      S* 
      S: e OK [READ-ONLY] EXAMINE completed
      C: a1 STORE 1 +FLAGS (\\Deleted)
      S~ a1 NO \\[READ-ONLY\\] .*
      C: a2 EXPUNGE
      S~ a2 NO \\[READ-ONLY\\] .*
      C: a3 FETCH 2 BODY[TEXT]
      S~ \\* 2 FETCH \\(BODY\\[TEXT\\] \\{\\d+\\}
      S* 
      S: )
      S: a3 OK FETCH completed
      C: a4 FETCH 2 FLAGS
      S: * 2 FETCH (FLAGS (\\Recent))
      S: a4 OK FETCH completed`);
  });
});

describe('SEARCH (RFC 9051 §6.4.4, RFC 4731 ESEARCH)', () => {
  it('searches with several keys and answers rev1 clients with SEARCH', () => {
    play(`S~ \\* OK .*
      ${SELECT_INBOX}
      C: a1 SEARCH FLAGGED SINCE 26-Nov-2026
      S: * SEARCH 3
      S: a1 OK SEARCH completed
      C: a2 SEARCH OR FROM bob SUBJECT "Café"
      S: * SEARCH 2 3
      S: a2 OK SEARCH completed
      C: a3 UID SEARCH NOT SEEN
      S: * SEARCH 2 3
      S: a3 OK UID SEARCH completed
      C: a4 SEARCH BODY "meet at 10" HEADER Cc carol
      S: * SEARCH 2
      S: a4 OK SEARCH completed
      C: a5 SEARCH CHARSET UTF-8 TEXT {5}
      S: + Ready for literal data
      C: Café
      S: * SEARCH 3
      S: a5 OK SEARCH completed
      C: a6 SEARCH CHARSET KOI8-R ALL
      S: a6 NO [BADCHARSET (US-ASCII UTF-8)] Charset KOI8-R is not supported
      C: a7 SEARCH LARGER 400 SENTBEFORE 25-Nov-2026
      S: * SEARCH
      S: a7 OK SEARCH completed
      C: a8 SEARCH 2:* NEW
      S: * SEARCH 2 3
      S: a8 OK SEARCH completed
      C: a9 SEARCH BOGUS
      S~ a9 BAD .*`);
  });

  it('answers RETURN options with ESEARCH and keeps a SAVEd result for $ (§6.4.4.1)', () => {
    play(`S~ \\* OK .*
      ${SELECT_INBOX}
      C: a1 SEARCH RETURN (MIN MAX COUNT) UNSEEN
      S: * ESEARCH (TAG "a1") MIN 2 MAX 3 COUNT 2
      S: a1 OK SEARCH completed
      C: a2 UID SEARCH RETURN () ALL
      S: * ESEARCH (TAG "a2") UID ALL 1:3
      S: a2 OK UID SEARCH completed
      C: a3 SEARCH RETURN (COUNT) DELETED
      S: * ESEARCH (TAG "a3") COUNT 0
      S: a3 OK SEARCH completed
      C: a4 SEARCH RETURN (SAVE) FLAGGED
      S: a4 OK SEARCH completed
      C: a5 FETCH $ UID
      S: * 3 FETCH (UID 3)
      S: a5 OK FETCH completed`);
  });

  it('answers IMAP4rev2 clients with ESEARCH even without RETURN', () => {
    play(`S~ \\* OK .*
      ${LOGIN}
      C: e ENABLE IMAP4rev2
      S* 
      S: e OK ENABLE completed
      C: s SELECT INBOX
      S* 
      S: s OK [READ-WRITE] SELECT completed
      C: a1 SEARCH UNSEEN
      S: * ESEARCH (TAG "a1") ALL 2:3
      S: a1 OK SEARCH completed
      C: a2 SEARCH RECENT
      S: * ESEARCH (TAG "a2")
      S: a2 OK SEARCH completed`);
  });
});

describe('IDLE (RFC 2177)', () => {
  it('idles until DONE, and refuses anything else', () => {
    play(`S~ \\* OK .*
      ${SELECT_INBOX}
      C: a1 IDLE
      S: + idling
      C: DONE
      S: a1 OK IDLE terminated
      C: a2 IDLE
      S: + idling
      C: a3 NOOP
      S~ a2 BAD Expected DONE .*
      C: a4 NOOP
      S: a4 OK NOOP completed`);
  });

  it('is switched off with the host setting', () => {
    const world = freshWorld();
    world.hosts[0]!.settings.disabled.push('IDLE', 'MOVE');
    playTranscript(imapServer(world), `S~ \\* OK \\[CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN SASL-IR ENABLE UIDPLUS .*
      ${SELECT_INBOX.replace(' IDLE MOVE', '')}
      C: a1 IDLE
      S: a1 BAD IDLE is switched off on this server
      C: a2 MOVE 1 Archive
      S: a2 BAD MOVE is switched off on this server`);
  });
});

describe('sequence sets (RFC 9051 §9 seq-set): one range and several name the same messages', () => {
  it('reads a range either way round, * as the last message, and refuses a number above the mailbox', () => {
    play(`S~ \\* OK .*
      ${SELECT_INBOX}
      C: r1 FETCH 3:2 (UID)
      S: * 2 FETCH (UID 2)
      S: * 3 FETCH (UID 3)
      S: r1 OK FETCH completed
      C: r2 FETCH *:2 (UID)
      S: * 2 FETCH (UID 2)
      S: * 3 FETCH (UID 3)
      S: r2 OK FETCH completed
      C: r3 FETCH 2,1:3,2 (UID)
      S: * 1 FETCH (UID 1)
      S: * 2 FETCH (UID 2)
      S: * 3 FETCH (UID 3)
      S: r3 OK FETCH completed
      C: r4 FETCH 2:4 (UID)
      S: r4 BAD Sequence number 4 is above the 3 messages in the mailbox
      C: r5 FETCH 1,4 (UID)
      S: r5 BAD Sequence number 4 is above the 3 messages in the mailbox
      C: r6 SEARCH 2:9
      S: * SEARCH 2 3
      S: r6 OK SEARCH completed`);
  });
});
