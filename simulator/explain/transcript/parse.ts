/**
 * `parseTranscript`: a pasted session from swaks, openssl s_client, curl -v, Thunderbird's log,
 * Python's imaplib/smtplib/poplib debug output, `C:`/`S:` lines or a bare dialogue, read into the
 * protocol lines with their direction. It never throws: what it cannot read it says so.
 */
import type { Protocol, Side } from '../types.ts';
import { formatReaders, type FormatReader, type LineReading } from './formats.ts';
import { inferSides } from './infer.ts';
import { guessProtocol } from './protocol.ts';
import { FORMAT_NAMES, type ParsedTranscript, type TranscriptFormat, type TranscriptLine } from './types.ts';

/** A paste larger than this is cut: the page explains a session, not a server's whole log. */
export const MAX_LINES = 5_000;
const IMPLICIT_TLS_PORTS = new Set([465, 993, 995]); // RFC 8314 §7

interface Score {
  reader: FormatReader;
  read: number;
  signatures: number;
}

function score(reader: FormatReader, lines: readonly string[]): Score {
  let read = 0;
  let signatures = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const r = reader.read(line);
    if (!r) continue;
    if (r.side !== 'unsure') read++;
    if (r.signature) signatures++;
  }
  return { reader, read, signatures };
}

/** The tool that wrote most of the paste, and a second one when the paste mixes two. */
function chooseFormat(lines: readonly string[]): { format: TranscriptFormat; mixedWith: TranscriptFormat | null } {
  const scores = formatReaders()
    .map((r) => score(r, lines))
    .filter((s) => s.signatures > 0)
    .sort((a, b) => b.signatures - a.signatures || b.read - a.read);
  const [best, second] = scores;
  if (!best) return { format: 'plain', mixedWith: null };
  const mixed = second && second.signatures >= 3 && second.signatures * 4 >= best.signatures ? second.reader.format : null;
  return { format: best.reader.format, mixedWith: mixed };
}

interface Pending {
  n: number;
  reading: LineReading;
  text: string;
}

export function parseTranscript(paste: string): ParsedTranscript {
  const warnings: string[] = [];
  // NULs are terminal debris, never part of a mail dialogue line (RFC 5321 §4.1.1, RFC 9051 §4.3).
  let raw = paste.replace(/\0/g, '').replace(/\r\n?/g, '\n').split('\n');
  while (raw.length > 0 && raw.at(-1)!.trim() === '') raw.pop();
  if (raw.length > MAX_LINES) {
    warnings.push(`The paste has ${raw.length} lines; only the first ${MAX_LINES} are read.`);
    raw = raw.slice(0, MAX_LINES);
  }
  const { format, mixedWith } = chooseFormat(raw);
  if (mixedWith) {
    warnings.push(`This paste mixes ${FORMAT_NAMES[format]} with ${FORMAT_NAMES[mixedWith]}. It is read as ${FORMAT_NAMES[format]}; lines of the other kind are shown as they are.`);
  }
  const reader = format === 'plain' ? null : formatReaders().find((r) => r.format === format)!;
  const pending: Pending[] = [];
  let protocolHint: Protocol | undefined = reader?.protocol;
  let port: number | undefined;
  let inCertificate = false;
  let unread = 0;
  raw.forEach((line, i) => {
    const n = i + 1;
    if (format === 'openssl' && (inCertificate || line.startsWith('-----BEGIN '))) {
      inCertificate = !line.startsWith('-----END ');
      pending.push({ n, reading: { side: 'note', texts: [line] }, text: line });
      return;
    }
    const reading: LineReading | null = reader ? reader.read(line) : { side: 'unsure', texts: [line] };
    if (!reading) {
      if (line.trim() !== '') {
        unread++;
        pending.push({ n, reading: { side: 'note', texts: [line] }, text: line });
      }
      return;
    }
    if (reading.repeats) return;
    protocolHint ??= reading.protocolHint;
    port ??= reading.port;
    for (const text of reading.texts) pending.push({ n, reading, text });
  });
  if (unread > 0 && format !== 'plain') {
    warnings.push(`${unread} line${unread === 1 ? ' is' : 's are'} not ${FORMAT_NAMES[format]} output and ${unread === 1 ? 'is' : 'are'} shown as ${unread === 1 ? 'it is' : 'they are'}.`);
  }

  const dialogue = pending.filter((p) => p.reading.side !== 'note').map((p) => p.text);
  const protocol = protocolHint ?? guessProtocol(dialogue);
  const unsure = pending.filter((p) => p.reading.side === 'unsure');
  const inferred: Side[] = protocol ? inferSides(protocol, unsure.map((p) => p.text)) : [];
  const sideOf = new Map<Pending, Side>(unsure.map((p, i) => [p, inferred[i] ?? 'client']));
  if (!protocol && dialogue.length > 0) {
    warnings.push('Which protocol is this? There is no greeting (220, +OK or * OK) and no command of SMTP, POP3 or IMAP that I know, so the lines are shown without explanations.');
  }
  if (dialogue.length === 0) warnings.push(raw.length === 0 ? 'Paste a transcript to explain it.' : 'No line of a mail dialogue was found in this paste.');

  const lines: TranscriptLine[] = pending.map((p) => {
    const side = p.reading.side === 'unsure' ? (protocol ? sideOf.get(p)! : 'note') : p.reading.side;
    const line: TranscriptLine = { n: p.n, side, text: p.text };
    if (p.reading.tls || (format === 'openssl' && side !== 'note')) line.tls = true;
    return line;
  });
  // openssl s_client prints the greeting after its handshake report whether TLS came first or after
  // -starttls, so only a port says TLS came first.
  const implicitTls = port !== undefined && IMPLICIT_TLS_PORTS.has(port);
  return { format, protocol, lines, ...(port !== undefined ? { port } : {}), implicitTls, warnings };
}
