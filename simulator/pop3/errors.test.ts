/** One place maps a client's protocol error to its -ERR line (RFC 1939 §3, RFC 2449 §4). */
import { describe, expect, it } from 'vitest';
import { errorReply, type Pop3ProtocolError } from './errors.ts';
import { formatReply } from './replies.ts';

describe('errorReply', () => {
  it.each<[Pop3ProtocolError, string]>([
    [{ kind: 'line-too-long' }, '-ERR command line too long: at most 255 octets including CRLF (RFC 2449 section 4)'],
    [{ kind: 'empty' }, '-ERR empty command line; a command is a keyword like STAT or USER'],
    [{ kind: 'unknown-command', verb: 'FOO' }, '-ERR unknown command FOO'],
    [{ kind: 'wrong-state', verb: 'STAT', state: 'AUTHORIZATION' }, '-ERR STAT is not valid in the AUTHORIZATION state (log in first: USER and PASS, APOP or AUTH)'],
    [{ kind: 'disabled', verb: 'TOP' }, '-ERR TOP is disabled on this server (CAPA shows what is on)'],
    [{ kind: 'syntax', syntax: 'DELE msg' }, '-ERR syntax: DELE msg'],
    [{ kind: 'argument-too-long' }, '-ERR argument too long: at most 40 characters each (RFC 1939 section 3)'],
  ])('%o', (error, line) => {
    expect(formatReply(errorReply(error))).toBe(line);
  });
});
