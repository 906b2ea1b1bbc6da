/**
 * Cuts a line into spans that tile it exactly: every builder call consumes text from the cursor,
 * so there can be no gap and no overlap.
 */
import type { Explanation, Span, SpanKind } from './types.ts';

export class SpanBuilder {
  readonly spans: Span[] = [];
  at = 0;

  constructor(readonly line: string) {}

  get rest(): string {
    return this.line.slice(this.at);
  }

  get done(): boolean {
    return this.at >= this.line.length;
  }

  /** Takes the next `length` characters as one span (nothing when length is 0). */
  take(length: number, kind: SpanKind, explanation?: Explanation, decoded?: string): this {
    const end = Math.min(this.line.length, this.at + Math.max(0, length));
    if (end === this.at) return this;
    const span: Span = { start: this.at, end, text: this.line.slice(this.at, end), kind };
    if (explanation) span.explanation = explanation;
    if (decoded !== undefined) span.decoded = decoded;
    this.spans.push(span);
    this.at = end;
    return this;
  }

  /** Takes the text matched by `re` at the cursor, if any; returns the match. */
  match(re: RegExp, kind: SpanKind, explanation?: Explanation): string | null {
    const m = new RegExp(`^(?:${re.source})`, re.flags.replace('g', '')).exec(this.rest);
    if (!m || m[0].length === 0) return null;
    this.take(m[0].length, kind, explanation);
    return m[0];
  }

  /** Spaces and tabs as one separator span. */
  space(): this {
    this.match(/\s+/, 'separator');
    return this;
  }

  /** Whatever is left, as one span. */
  finish(kind: SpanKind = 'text', explanation?: Explanation): Span[] {
    this.take(this.line.length - this.at, kind, explanation);
    return this.spans;
  }
}

/** Splits a trailing CRLF (or bare LF) off a line, so it can get its own span. */
export function splitLineEnd(line: string): { body: string; end: string } {
  const m = /\r?\n$|\r$/.exec(line);
  return m ? { body: line.slice(0, m.index), end: m[0] } : { body: line, end: '' };
}
