/** A pasted transcript, read: which tool wrote it, which protocol it speaks, and each line's direction. */
import type { Protocol, Side } from '../types.ts';

/** The tools whose output is recognised. */
export type TranscriptFormat = 'swaks' | 'openssl' | 'curl' | 'thunderbird' | 'imaplib' | 'smtplib' | 'poplib' | 'cs' | 'plain';

export const FORMAT_NAMES: Record<TranscriptFormat, string> = {
  swaks: 'swaks',
  openssl: 'openssl s_client',
  curl: 'curl -v',
  thunderbird: "Thunderbird's protocol log",
  imaplib: "Python imaplib's debug output",
  smtplib: "Python smtplib's debug output",
  poplib: "Python poplib's debug output",
  cs: 'C:/S: transcript',
  plain: 'a plain session (directions worked out from the protocol)',
};

/** One line of the dialogue, or a line of the tool's own (`note`: connection info, handshake, timing). */
export interface TranscriptLine {
  /** 1-based line number in the paste. */
  n: number;
  side: Side | 'note';
  /** The protocol line without the tool's decoration (no `C: `, ` -> `, `b'…\r\n'`). */
  text: string;
  /** The tool says this line went inside TLS. */
  tls?: boolean;
}

export interface ParsedTranscript {
  format: TranscriptFormat;
  protocol: Protocol | null;
  lines: TranscriptLine[];
  /** Where the tool connected, when it says. */
  port?: number;
  /** TLS from the first byte (openssl -connect, curl smtps://, a 465/993/995 port). */
  implicitTls: boolean;
  /** Things the reader should know: a mixed paste, lines that were not understood. */
  warnings: string[];
}
