import { canonicalLineEnds } from '../../wire/line-endings.ts';
import { ChunkReader } from '../bdat.ts';
import { isNegotiated } from '../capabilities.ts';
import type { SmtpCommand } from '../command.ts';
import { acceptMessage } from '../delivery.ts';
import { R250ChunkOk, R501Syntax, R503BadSequence, R552MessageTooBig } from '../replies.ts';
import { sequenceError } from '../sequence.ts';
import type { BdatProgress, SmtpSession } from '../session.ts';
import { concatBytes } from '../../wire/bytes.ts';

const BDAT_SYNTAX = 'BDAT chunk-size [LAST]';

/** RFC 3030 §2: bdat-cmd ::= "BDAT" SP chunk-size [ SP end-marker ]; chunk-size ::= 1*DIGIT. */
function parseBdat(args: string): { size: number; last: boolean } | null {
  const m = /^(\d{1,15})(?: +(LAST))?$/i.exec(args);
  return m ? { size: Number(m[1]), last: m[2] !== undefined } : null;
}

/** Reads the chunk and throws it away, then answers `reply` (RFC 3030 §2: "MUST accept and discard"). */
function discard(s: SmtpSession, size: number, reply: () => void): void {
  s.reader = new ChunkReader(s, size, false, reply);
}

function chunkDone(s: SmtpSession, progress: BdatProgress, size: number, last: boolean, fits: boolean, parts: Uint8Array[], now: number): void {
  if (!fits) {
    progress.failed = true;
    return s.send(R552MessageTooBig(s.settings.maxMessageSize));
  }
  progress.chunks.push(...parts);
  progress.octets += size;
  if (!last) {
    s.send(R250ChunkOk(size));
    return s.move('BDAT');
  }
  // RFC 3030 §3: BDAT text "MUST be sent in the canonical MIME format with lines delimited with a
  // <CR><LF>"; stored canonical, so no relay later forwards a bare-LF "." (SMTP smuggling).
  const reply = acceptMessage(s, canonicalLineEnds(concatBytes(progress.chunks)), now);
  s.resetTransaction();
  s.send(reply);
  s.move('BDAT LAST');
}

/**
 * RFC 3030 §2 BDAT: a chunk of exactly chunk-size octets follows the command line; LAST ends the
 * message. Every chunk gets its own reply; a failed chunk fails the transaction until RSET, and the
 * chunks still in the pipeline are read and discarded.
 * @rfc 3030#2 "A 250 response MUST be sent to each successful BDAT data block"
 */
export const BDAT: SmtpCommand = {
  verb: 'BDAT',
  states: ['rcpt', 'bdat'],
  syntax: BDAT_SYNTAX,
  rfc: 'RFC 3030 §2',
  summary: 'send the next chunk of the message: exactly chunk-size octets follow the command',
  handle(s, args) {
    const parsed = parseBdat(args);
    if (!parsed) return s.send(R501Syntax(BDAT_SYNTAX));
    const tx = s.tx;
    if (!tx) throw new Error('BDAT in a transaction state without a transaction');
    if (!isNegotiated(s, 'CHUNKING')) {
      return discard(s, parsed.size, () => s.send(R503BadSequence('BDAT needs EHLO and the CHUNKING extension')));
    }
    const progress = (tx.bdat ??= { chunks: [], octets: 0, failed: false });
    if (progress.failed) return discard(s, parsed.size, () => s.send(R503BadSequence('an earlier BDAT chunk failed; send RSET')));
    const fits = progress.octets + parsed.size <= s.settings.maxMessageSize;
    s.reader = new ChunkReader(s, parsed.size, fits, (parts, now) => chunkDone(s, progress, parsed.size, parsed.last, fits, parts, now));
  },
  outOfSequence(s, args) {
    const parsed = parseBdat(args);
    if (!parsed) return s.send(R501Syntax(BDAT_SYNTAX));
    const state = s.state;
    discard(s, parsed.size, () => s.send(sequenceError(state, 'BDAT')));
  },
};
