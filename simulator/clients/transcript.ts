/**
 * What a virtual device said and heard, line by line, so the UI can show the exact protocol
 * exchange and link a verdict cell to the line that caused it. Ids are unique per transcript
 * (`pop3-laptop:17`), and transcripts are named per device, so an id is unique in a scenario.
 */

export type TranscriptDirection =
  /** The client sent it. */
  | 'C'
  /** The server sent it. */
  | 'S'
  /** The device's own remark: connecting, TLS up, connection lost, a local-only action. */
  | 'note';

export interface TranscriptLine {
  id: string;
  direction: TranscriptDirection;
  /** Device time, in milliseconds (the scenario's clock). */
  at: number;
  /** Order of the line among all transcripts that share a sequence (a scenario's devices). */
  seq: number;
  text: string;
  /** Collapsed content behind the line (a message body, a literal), for the UI to expand. */
  detail?: string;
}

/** One line as an engine describes it, before it has an id and a time. */
export interface WireLine {
  direction: TranscriptDirection;
  text: string;
  detail?: string;
}

export type TranscriptListener = (line: TranscriptLine) => void;

/** Keeps at most `limit` lines: a long-running page must not grow without bound. */
export class Transcript {
  readonly lines: TranscriptLine[] = [];
  private counter = 0;
  private readonly listeners = new Set<TranscriptListener>();

  private readonly limit: number;
  private readonly sequence: () => number;

  constructor(
    readonly name: string,
    options: { limit?: number; sequence?: () => number } = {},
  ) {
    this.limit = options.limit ?? 5000;
    this.sequence = options.sequence ?? (() => this.counter);
  }

  append(line: WireLine, at: number): TranscriptLine {
    const id = `${this.name}:${++this.counter}`;
    const entry: TranscriptLine = { id, direction: line.direction, at, seq: this.sequence(), text: line.text };
    if (line.detail !== undefined) entry.detail = line.detail;
    this.lines.push(entry);
    if (this.lines.length > this.limit) this.lines.splice(0, this.lines.length - this.limit);
    for (const listener of [...this.listeners]) listener(entry);
    return entry;
  }

  note(text: string, at: number): TranscriptLine {
    return this.append({ direction: 'note', text }, at);
  }

  /** The id of the newest line, or null while empty. */
  get lastId(): string | null {
    return this.lines.at(-1)?.id ?? null;
  }

  byId(id: string): TranscriptLine | undefined {
    return this.lines.find((l) => l.id === id);
  }

  subscribe(listener: TranscriptListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
