/**
 * The typed pieces IMAP commands are made of (RFC 9051 §6, §9; RFC 3501 for IMAP4rev1
 * leftovers): sequence sets, dates, fetch items, search keys, LIST options, and the BAD a command
 * that cannot be parsed becomes. Each command's own shape is declared in its command file
 * (commands/<verb>.ts); the parser produces those, so the server never sees raw bytes of a command.
 *
 * Conventions:
 * - Keywords (verbs, fetch items, status items, options) are upper-cased by the parser
 *   (RFC 9051 §9 note 1: "all alphabetic characters are case insensitive").
 * - Mailbox names are already decoded: modified UTF-7 (RFC 9051 §A.1) unless the session uses
 *   UTF-8 names; "INBOX" in any case is normalised to "INBOX" (RFC 9051 §5.1).
 * - System flags are normalised to their canonical spelling (`\Seen`); keywords keep their case.
 */

/** `*` is "the largest number in use" (RFC 9051 §9 seq-number). */
export type SeqNumber = number | '*';

/** `2:4` and `4:2` are equal (RFC 9051 §9 seq-range); a single number has `from === to`. */
export interface SeqRange {
  from: SeqNumber;
  to: SeqNumber;
}

/** RFC 9051 §9 sequence-set, or `$`: the result saved by SEARCH RETURN (SAVE) (RFC 9051 §6.4.4.1). */
export type SequenceSet = { kind: 'set'; ranges: SeqRange[] } | { kind: 'saved' };

/** A calendar date as in SEARCH BEFORE/ON/SINCE (RFC 9051 §9 date). Month is 1-12. */
export interface ImapDate {
  day: number;
  month: number;
  year: number;
}

/** RFC 9051 §9 date-time, e.g. "17-Jul-1996 02:44:25 -0700". `zoneMinutes` east of UTC. */
export interface ImapDateTime extends ImapDate {
  hour: number;
  minute: number;
  second: number;
  zoneMinutes: number;
}

/** A flag as sent: `\Seen`, `\Deleted`, ..., or a keyword like `$Forwarded` / `NonJunk`. */
export type Flag = string;

export type StatusItem =
  | 'MESSAGES'
  | 'UIDNEXT'
  | 'UIDVALIDITY'
  | 'UNSEEN'
  | 'DELETED'
  | 'SIZE'
  | 'RECENT'; // RFC 3501 §6.3.10, IMAP4rev1 only

export const STATUS_ITEMS: readonly StatusItem[] = [
  'MESSAGES',
  'UIDNEXT',
  'UIDVALIDITY',
  'UNSEEN',
  'DELETED',
  'SIZE',
  'RECENT',
];

/** RFC 9051 §6.4.5 section spec. `path` is the part number (`[1.2.TEXT]` → [1,2]); [] is the whole message. */
export interface Section {
  path: number[];
  text?: 'HEADER' | 'HEADER.FIELDS' | 'HEADER.FIELDS.NOT' | 'TEXT' | 'MIME';
  /** Header field names for HEADER.FIELDS(.NOT), as the client spelt them. */
  fields?: string[];
}

/** `<offset.length>` (RFC 9051 §6.4.5: the length is required in requests). */
export interface Partial {
  offset: number;
  length: number;
}

export type SimpleFetchItem =
  | 'FLAGS'
  | 'INTERNALDATE'
  | 'RFC822.SIZE'
  | 'ENVELOPE'
  | 'BODYSTRUCTURE'
  | 'BODY' // non-extensible BODYSTRUCTURE
  | 'UID'
  | 'RFC822' // RFC 3501: BODY[] and sets \Seen
  | 'RFC822.HEADER' // RFC 3501: BODY.PEEK[HEADER]
  | 'RFC822.TEXT'; // RFC 3501: BODY[TEXT] and sets \Seen

/** One FETCH data item; ALL/FAST/FULL macros are expanded by the parser (RFC 9051 §6.4.5). */
export type FetchItem =
  | { item: SimpleFetchItem }
  | { item: 'BODY[]'; section: Section; partial: Partial | null; peek: boolean }
  | { item: 'BINARY'; path: number[]; partial: Partial | null; peek: boolean } // RFC 9051 §6.4.5, RFC 3516
  | { item: 'BINARY.SIZE'; path: number[] };

export type SearchFlagKey =
  | 'ALL'
  | 'ANSWERED'
  | 'DELETED'
  | 'DRAFT'
  | 'FLAGGED'
  | 'SEEN'
  | 'UNANSWERED'
  | 'UNDELETED'
  | 'UNDRAFT'
  | 'UNFLAGGED'
  | 'UNSEEN'
  | 'NEW' // RFC 3501: RECENT UNSEEN
  | 'OLD' // RFC 3501: NOT RECENT
  | 'RECENT'; // RFC 3501

export type SearchTextKey = 'BCC' | 'BODY' | 'CC' | 'FROM' | 'SUBJECT' | 'TEXT' | 'TO';
export type SearchDateKey = 'BEFORE' | 'ON' | 'SINCE' | 'SENTBEFORE' | 'SENTON' | 'SENTSINCE';

/** RFC 9051 §6.4.4 search-key; a parenthesised list becomes AND. */
export type SearchKey =
  | { key: SearchFlagKey }
  | { key: 'KEYWORD' | 'UNKEYWORD'; flag: Flag }
  | { key: SearchTextKey; value: string }
  | { key: 'HEADER'; field: string; value: string }
  | { key: SearchDateKey; date: ImapDate }
  | { key: 'LARGER' | 'SMALLER'; size: number }
  | { key: 'UID'; set: SequenceSet }
  | { key: 'SEQUENCE'; set: SequenceSet } // a bare sequence-set
  | { key: 'NOT'; operand: SearchKey }
  | { key: 'OR'; left: SearchKey; right: SearchKey }
  | { key: 'AND'; operands: SearchKey[] };

/** RFC 9051 §6.4.4 / RFC 4731 ESEARCH return options. */
export type SearchReturnOption = 'MIN' | 'MAX' | 'ALL' | 'COUNT' | 'SAVE';

/** RFC 5258 LIST-EXTENDED selection options (RFC 9051 §6.3.9), RFC 6154 SPECIAL-USE. */
export interface ListSelection {
  subscribed: boolean;
  remote: boolean;
  recursiveMatch: boolean;
  specialUse: boolean;
}

/** RFC 9051 §6.3.9 return options; `status` is RFC 5819 LIST-STATUS (null when not asked). */
export interface ListReturn {
  subscribed: boolean;
  children: boolean;
  specialUse: boolean;
  status: StatusItem[] | null;
}

/** What every command shape has: the client's tag and the parser's name for the command. */
export interface CommandShape {
  tag: string;
  name: string;
}

/**
 * One command's shape: its name and its arguments. Each command file declares its own beside its
 * spec (commands/<verb>.ts); the generated commands/index.ts joins them into `ImapCommand`.
 */
export type Cmd<N extends string, A = object> = { tag: string; name: N } & A;

/** A command the client sent that cannot be run as written: the server answers `tag BAD message`. */
export interface ParseBad {
  kind: 'bad';
  /** The client's tag, or '*' when no valid tag could be read (RFC 9051 §7.1.3). */
  tag: string;
  message: string;
  /**
   * The input can no longer be framed (a line too long to know where its literals were):
   * answer BAD, then `* BYE` and close (RFC 9051 §7.1.5).
   */
  fatal?: boolean;
}
