/** The text `/save` downloads: the session's bytes as C:/S: lines, the notation the RFCs use. */
import type { SessionRecord } from '../store/session-slice.ts';
import type { TranscriptEntry } from '../store/transcript-slice.ts';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Splits an entry into its lines (CRLF or LF), keeping a last line without an ending. */
function entryLines(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes);
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function transcriptText(session: SessionRecord, entries: readonly TranscriptEntry[]): string {
  const out = [`# Mailwire transcript: ${session.host} port ${session.port}, opened ${iso(session.openedAt)}`];
  if (session.tls) out.push(`# TLS: ${session.tls.version} ${session.tls.cipher}`);
  for (const e of entries) {
    const who = e.direction === 'client' ? 'C' : 'S';
    for (const line of entryLines(e.bytes)) out.push(`${iso(e.time)} ${who}: ${line}`);
  }
  if (session.closedAt !== null) out.push(`# closed ${iso(session.closedAt)}${session.reason ? `: ${session.reason}` : ''}`);
  return out.join('\n') + '\n';
}

export function transcriptFileName(session: SessionRecord): string {
  const stamp = iso(session.openedAt).replace(/[:.]/g, '-');
  return `mailwire-${session.host}-${session.port}-${stamp}.txt`;
}
