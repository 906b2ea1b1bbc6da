/**
 * RFC 9051 §6.4.4 search keys evaluated against one message. Strings match as case-insensitive
 * substrings of the decoded text ("Servers MUST support US-ASCII and UTF-8 charsets"; "[MIME-IMB]
 * content transfer encodings and [MIME-HDRS] strings ... MUST be decoded before comparing text").
 */
import { decodeEncodedWords, searchableText, sentDay } from '../../mime/index.ts';
import type { StoredMessage } from '../../store/types.ts';
import type { ImapDate, SearchKey, SequenceSet } from '../parse/ast.ts';
import { cachedBodyText, cachedFieldText, fieldsOf, headerOf, parsed } from '../message-cache.ts';
import type { SessionView } from '../session-view.ts';

/** One SEARCH run: the view it searches and the sets its keys named, resolved once. */
export class SearchRun {
  private readonly seqSets = new Map<SequenceSet, Set<number>>();
  private readonly uidSets = new Map<SequenceSet, Set<number>>();

  constructor(readonly view: SessionView) {}

  /** The matching messages, in sequence-number order. */
  run(criteria: readonly SearchKey[]): StoredMessage[] {
    const out: StoredMessage[] = [];
    this.view.all().forEach((m, i) => {
      if (criteria.every((key) => this.matches(key, m, i + 1))) out.push(m);
    });
    return out;
  }

  matches(key: SearchKey, m: StoredMessage, seq: number): boolean {
    switch (key.key) {
      case 'ALL':
        return true;
      case 'ANSWERED':
      case 'DELETED':
      case 'DRAFT':
      case 'FLAGGED':
      case 'SEEN':
        return m.flags.has(systemFlag(key.key));
      case 'UNANSWERED':
      case 'UNDELETED':
      case 'UNDRAFT':
      case 'UNFLAGGED':
      case 'UNSEEN':
        return !m.flags.has(systemFlag(key.key.slice(2)));
      // RFC 3501 §6.4.4: NEW is "RECENT UNSEEN", OLD is "NOT RECENT".
      case 'NEW':
        return this.view.isRecent(m.uid) && !m.flags.has('\\Seen');
      case 'OLD':
        return !this.view.isRecent(m.uid);
      case 'RECENT':
        return this.view.isRecent(m.uid);
      case 'KEYWORD':
        return hasKeyword(m, key.flag);
      case 'UNKEYWORD':
        return !hasKeyword(m, key.flag);
      case 'BCC':
      case 'CC':
      case 'FROM':
      case 'SUBJECT':
      case 'TO':
        return headerContains(m, key.key, key.value);
      case 'HEADER':
        return headerContains(m, key.field, key.value);
      case 'BODY':
        return contains(bodyText(m), key.value);
      case 'TEXT':
        return contains(bodyText(m), key.value) || headerText(m).includes(key.value.toLowerCase());
      default:
        return this.matchesOther(key, m, seq);
    }
  }

  private matchesOther(key: SearchKey, m: StoredMessage, seq: number): boolean {
    switch (key.key) {
      // RFC 9051 §6.4.4: internal date "disregarding time and timezone".
      case 'BEFORE':
        return utcDay(m.internalDate) < dayOf(key.date);
      case 'ON':
        return utcDay(m.internalDate) === dayOf(key.date);
      case 'SINCE':
        return utcDay(m.internalDate) >= dayOf(key.date);
      case 'SENTBEFORE':
      case 'SENTON':
      case 'SENTSINCE': {
        const sent = sentDate(m);
        if (sent === null) return false;
        const day = dayOf(key.date);
        return key.key === 'SENTBEFORE' ? sent < day : key.key === 'SENTON' ? sent === day : sent >= day;
      }
      case 'LARGER':
        return m.raw.length > key.size;
      case 'SMALLER':
        return m.raw.length < key.size;
      case 'UID':
        return this.uidSet(key.set).has(m.uid);
      case 'SEQUENCE':
        return this.seqSet(key.set).has(seq);
      case 'NOT':
        return !this.matches(key.operand, m, seq);
      case 'OR':
        return this.matches(key.left, m, seq) || this.matches(key.right, m, seq);
      case 'AND':
        return key.operands.every((k) => this.matches(k, m, seq));
      default:
        return false;
    }
  }

  private uidSet(set: SequenceSet): Set<number> {
    let uids = this.uidSets.get(set);
    if (!uids) {
      uids = new Set(this.view.byUid(set).map((m) => m.uid));
      this.uidSets.set(set, uids);
    }
    return uids;
  }

  private seqSet(set: SequenceSet): Set<number> {
    let seqs = this.seqSets.get(set);
    if (!seqs) {
      const resolved = this.view.bySeq(set, true);
      seqs = new Set(resolved.ok ? resolved.messages.map((m) => this.view.seqOf(m.uid)) : []);
      this.seqSets.set(set, seqs);
    }
    return seqs;
  }
}

function systemFlag(word: string): string {
  return '\\' + word.charAt(0) + word.slice(1).toLowerCase();
}

/** Keywords compare without case, as Dovecot and Cyrus do. */
function hasKeyword(m: StoredMessage, flag: string): boolean {
  const want = flag.toLowerCase();
  for (const f of m.flags) if (f.toLowerCase() === want) return true;
  return false;
}

function contains(haystackLower: string, needle: string): boolean {
  return haystackLower.includes(needle.toLowerCase());
}

/**
 * RFC 9051 §6.4.4 HEADER: "messages that have a header field with the specified field-name ...
 * and that contains the specified string in the text of the header (what comes after the colon).
 * If the string to search is zero-length, this matches all messages that have a header line with
 * the specified field-name regardless of the contents."
 */
function headerContains(m: StoredMessage, field: string, value: string): boolean {
  const needle = value.toLowerCase();
  const text = cachedFieldText(m, field, () => {
    const values = fieldsOf(m, field).map((f) => decodeEncodedWords(f.value).toLowerCase());
    return values.length === 1 ? values[0]! : values;
  });
  return typeof text === 'string' ? text.includes(needle) : text.some((v) => v.includes(needle));
}

function headerText(m: StoredMessage): string {
  return headerOf(m)
    .map((f) => `${f.name}: ${decodeEncodedWords(f.value)}`)
    .join('\n')
    .toLowerCase();
}

function bodyText(m: StoredMessage): string {
  return cachedBodyText(m, () => searchableText(m.raw, parsed(m)).toLowerCase());
}

function sentDate(m: StoredMessage): number | null {
  const date = fieldsOf(m, 'date')[0];
  return date === undefined ? null : sentDay(decodeEncodedWords(date.value));
}

function dayOf(date: ImapDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

function utcDay(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
