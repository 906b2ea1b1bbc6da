import type { LineKind } from '../colour.ts';
import type { HostListing } from '../connector.ts';

/** How /connect reaches the server: live through the relay or on the virtual network; TLS from the start or not. */
export interface ConnectOptions {
  /** Unset: the terminal's Live setting decides. */
  live?: boolean;
  /** Unset: implicit TLS on 465, 993 and 995 (RFC 8314 §3), plaintext elsewhere. */
  tls?: 'none' | 'implicit';
}

/** What a slash command may ask of the terminal it runs in. */
export interface TerminalControl {
  connect(host: string, port: number, options: ConnectOptions): void;
  /** Reads, or with an argument sets, whether /connect goes live by default. */
  live(on?: boolean): boolean;
  /** Reads, or with an argument sets, the relay's URL. */
  relay(url?: string): string;
  disconnect(): void;
  clear(): void;
  history(): readonly string[];
  hosts(): HostListing[];
  /** Downloads the transcript of the current (or last) session; returns the file name, or null. */
  save(): string | null;
  /** Downloads the last live session as pcapng with its key log; the file name and key log lines, or null. */
  capture(): Promise<{ file: string; keyLines: number } | null>;
  /** Where the terminal is connected (or connecting), or null. */
  connection(): { host: string; port: number } | null;
  commands(): readonly SlashCommand[];
  /** The terminal's width in columns, to lay out tables. */
  columns(): number;
}

export interface SlashContext {
  /** Prints one line of the terminal's own output. */
  print(text: string, kind?: LineKind): void;
  /** Prints this command's one-line usage hint. */
  usage(): void;
  readonly terminal: TerminalControl;
}

export interface SlashCommand {
  /** Without the slash: "connect". */
  name: string;
  /** Shown on wrong use and by /help: "/connect HOST PORT". */
  usage: string;
  summary: string;
  /** `args` is the text after the name and its separating space, spaces kept as typed. */
  run(ctx: SlashContext, args: string): void;
}

/** The words of an argument string. */
export function words(args: string): string[] {
  return args.split(/\s+/).filter((w) => w !== '');
}
