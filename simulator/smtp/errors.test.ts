/** One place maps a client's protocol error to its SMTP reply (RFC 5321 §4.2.4, §4.1.4). */
import { describe, expect, it } from 'vitest';
import { errorReply, type SmtpProtocolError } from './errors.ts';

describe('errorReply', () => {
  it.each<[SmtpProtocolError, number, string]>([
    [{ kind: 'line-too-long' }, 500, 'Line too long'],
    [{ kind: 'not-utf8' }, 500, 'not valid UTF-8'],
    [{ kind: 'unrecognized', verb: 'FOO' }, 500, 'not recognized'],
    [{ kind: 'not-implemented', verb: 'EXPN' }, 502, 'not implemented'],
    [{ kind: 'syntax', syntax: 'RSET (no arguments)' }, 501, 'Syntax: RSET (no arguments)'],
    [{ kind: 'out-of-sequence', state: 'connected', verb: 'MAIL' }, 503, 'send EHLO or HELO first'],
    [{ kind: 'out-of-sequence', state: 'ready', verb: 'RCPT' }, 503, 'need MAIL command'],
    [{ kind: 'out-of-sequence', state: 'bdat', verb: 'DATA' }, 503, 'DATA and BDAT cannot be mixed'],
    [{ kind: 'bad-sequence', why: 'already authenticated' }, 503, 'already authenticated'],
  ])('%o → %i', (error, code, text) => {
    const reply = errorReply(error);
    expect(reply.code).toBe(code);
    expect(reply.lines.join(' ')).toContain(text);
  });
});
