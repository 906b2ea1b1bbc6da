import { canonicalLineEnds } from '../../wire/line-endings.ts';
import { readChunk } from '../bdat.ts';
import { isNegotiated } from '../capabilities.ts';
import type { SmtpCommand } from '../command.ts';
import { acceptMessage } from '../delivery.ts';
import { enter, protocolError, reply, type SmtpEffect } from '../effects.ts';
import { R250ChunkOk, R552MessageTooBig } from '../replies.ts';
import type { BdatProgress, SmtpSession } from '../session.ts';
import { rfc } from '../../fsm.ts';
import { concatBytes } from '../../wire/bytes.ts';

const BDAT_SYNTAX = 'BDAT chunk-size [LAST]';

/** RFC 3030 §2: bdat-cmd ::= "BDAT" SP chunk-size [ SP end-marker ]; chunk-size ::= 1*DIGIT. */
function parseBdat(args: string): { size: number; last: boolean } | null {
  const m = /^(\d{1,15})(?: +(LAST))?$/i.exec(args);
  return m ? { size: Number(m[1]), last: m[2] !== undefined } : null;
}

/** Reads the chunk and throws it away, then answers (RFC 3030 §2: "MUST accept and discard"). */
function discard(size: number, answer: SmtpEffect): SmtpEffect[] {
  return readChunk(size, false, () => [answer]);
}

function chunkDone(s: SmtpSession, progress: BdatProgress, size: number, last: boolean, fits: boolean, parts: Uint8Array[], now: number): SmtpEffect[] {
  if (!fits) {
    progress.failed = true;
    return [reply(R552MessageTooBig(s.settings.maxMessageSize))];
  }
  progress.chunks.push(...parts);
  progress.octets += size;
  if (!last) return [reply(R250ChunkOk(size)), enter('BDAT')];
  // RFC 3030 §3: BDAT text "MUST be sent in the canonical MIME format with lines delimited with a
  // <CR><LF>"; stored canonical, so no relay later forwards a bare-LF "." (SMTP smuggling).
  const accepted = acceptMessage(s, canonicalLineEnds(concatBytes(progress.chunks)), now);
  s.resetTransaction();
  return [...accepted, enter('BDAT LAST')];
}

/**
 * RFC 3030 §2 BDAT: a chunk of exactly chunk-size octets follows the command line; LAST ends the
 * message. Every chunk gets its own reply; a failed chunk fails the transaction until RSET, and the
 * chunks still in the pipeline are read and discarded.
 * @rfc 3030#2 "A 250 response MUST be sent to each successful BDAT data block"
 */
export const BDAT: SmtpCommand = {
  verb: 'BDAT',
  order: 80,
  states: ['rcpt', 'bdat'],
  syntax: BDAT_SYNTAX,
  rfc: rfc(3030, '2'),
  summary: 'send the next chunk of the message: exactly chunk-size octets follow the command',
  handle(s, args) {
    const parsed = parseBdat(args);
    if (!parsed) return [protocolError({ kind: 'syntax', syntax: BDAT_SYNTAX })];
    const tx = s.tx;
    if (!tx) throw new Error('BDAT in a transaction state without a transaction');
    if (!isNegotiated(s, 'CHUNKING')) return discard(parsed.size, protocolError({ kind: 'bad-sequence', why: 'BDAT needs EHLO and the CHUNKING extension' }));
    const progress = (tx.bdat ??= { chunks: [], octets: 0, failed: false });
    if (progress.failed) return discard(parsed.size, protocolError({ kind: 'bad-sequence', why: 'an earlier BDAT chunk failed; send RSET' }));
    const fits = progress.octets + parsed.size <= s.settings.maxMessageSize;
    return readChunk(parsed.size, fits, (parts, now) => chunkDone(s, progress, parsed.size, parsed.last, fits, parts, now));
  },
  outOfSequence(s, args) {
    const parsed = parseBdat(args);
    if (!parsed) return [protocolError({ kind: 'syntax', syntax: BDAT_SYNTAX })];
    return discard(parsed.size, protocolError({ kind: 'out-of-sequence', state: s.state, verb: 'BDAT' }));
  },
};
