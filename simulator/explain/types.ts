/**
 * The shapes of the explanations knowledge base: what a token on the wire means, and where the
 * RFC says so. The lab's hover text and the tutorials' reference pages read the same entries.
 */

export type Protocol = 'smtp' | 'pop3' | 'imap';

/** Which side of the connection wrote a line. */
export type Side = 'server' | 'client';

/** A pointer into an RFC; `external` when the text is not in content/rfc (not checked here). */
export interface RfcRef {
  rfc: number;
  /** "4.2.1", "E" for an appendix, or absent for the whole document. */
  section?: string;
  url: string;
  external: boolean;
}

/** What sort of token an entry explains; a token may have entries of several kinds (IMAP `CAPABILITY`). */
export type EntryKind =
  | 'reply-code'
  | 'reply-class'
  | 'reply-category'
  | 'enhanced-class'
  | 'enhanced-subject'
  | 'enhanced-code'
  | 'ehlo-keyword'
  | 'mail-parameter'
  | 'sasl-mechanism'
  | 'command'
  | 'status'
  | 'state'
  | 'capability'
  | 'response-code'
  | 'untagged'
  | 'flag'
  | 'mailbox-attribute'
  | 'fetch-item'
  | 'status-item'
  | 'wire';

export interface Explanation {
  protocol: Protocol;
  kind: EntryKind;
  /** The token as the RFC spells it: `250`, `5.7.1`, `SIZE`, `UIDVALIDITY`, `\Seen`. */
  token: string;
  /** A few words: "Requested mail action okay, completed". */
  title: string;
  /** One or two plain-English sentences a student understands. */
  meaning: string;
  rfc: RfcRef;
  /** For commands: the syntax as the RFC gives it. */
  syntax?: string;
  /** For commands: a short exchange in the RFC's `C:`/`S:` notation. */
  example?: string;
  /** For commands: the states in which it is valid. */
  states?: readonly string[];
}

/** What a piece of a line is, for colouring and for screen readers. */
export type SpanKind =
  | 'reply-code'
  | 'separator'
  | 'enhanced-code'
  | 'keyword'
  | 'parameter'
  | 'command'
  | 'argument'
  | 'address'
  | 'tag'
  | 'status'
  | 'response-code'
  | 'untagged'
  | 'continuation'
  | 'number'
  | 'base64'
  | 'flag'
  | 'attribute'
  | 'capability'
  | 'atom'
  | 'string'
  | 'literal'
  | 'punctuation'
  | 'listing'
  | 'terminator'
  | 'dot-stuffing'
  | 'line-end'
  | 'text';

/** One piece of a line: `line.slice(start, end) === text`; spans tile the line in order. */
export interface Span {
  start: number;
  end: number;
  text: string;
  kind: SpanKind;
  explanation?: Explanation;
  /** For base64: the decoded octets shown readably (`\0alice\0wonderland`). */
  decoded?: string;
}

/** Extra knowledge about where a line sits in the dialogue, when the caller has it. */
export interface LineContext {
  /** The verb of the client command this server line answers (`EHLO`, `CAPA`, `UIDL`). */
  command?: string;
  /** A SASL exchange is in progress: bare client lines are base64 responses. */
  inAuth?: boolean;
  /** The line is message content (SMTP after 354, POP3 after RETR/TOP, IMAP literal data). */
  inData?: boolean;
}

/** The rule a refused command broke, for the lab's explanation (rule-break.ts). */
export interface RuleBreak {
  /** The rule in plain words. */
  rule: string;
  /** The RFC's own sentence, where one says it. */
  quote?: string;
  rfc: RfcRef;
  /** The commands the state does allow (from the engine's table), when the fault is the state. */
  allowed?: readonly string[];
}
