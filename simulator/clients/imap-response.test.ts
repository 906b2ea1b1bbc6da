import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { ImapResponseReader, type FramedResponse } from './imap-response.ts';

const STREAM = [
  '* OK [CAPABILITY IMAP4rev2 STARTTLS IDLE] ready',
  '* 2 FETCH (UID 7 FLAGS (\\Seen \\Recent) RFC822.SIZE 12 BODY[] {12}\r\nSubject: x\r\n)',
  '* OK [UIDVALIDITY 1795683600] UIDs valid',
  '* LIST (\\HasNoChildren \\Archive) "/" Archive',
  'a3 OK [COPYUID 1795683605 4 1] MOVE completed',
  '+ idling',
].join('\r\n') + '\r\n';

function readAll(text: string, cuts: number[] = []): FramedResponse[] {
  const bytes = utf8Bytes(text);
  const reader = new ImapResponseReader();
  const out: FramedResponse[] = [];
  let start = 0;
  for (const end of [...cuts, bytes.length]) {
    reader.push(bytes.subarray(start, end));
    start = end;
    for (let r = reader.next(); r; r = reader.next()) out.push(r);
  }
  return out;
}

describe('ImapResponseReader', () => {
  it('frames responses with literals and parses status codes and data (RFC 9051 §7)', () => {
    const [greeting, fetch, validity, list, tagged, cont] = readAll(STREAM).map((r) => r.response);
    expect(greeting).toMatchObject({ type: 'status', tag: '*', condition: 'OK', code: { name: 'CAPABILITY', args: [{ atom: 'IMAP4rev2' }, { atom: 'STARTTLS' }, { atom: 'IDLE' }] }, text: 'ready' });
    expect(fetch?.type).toBe('data');
    const items = (fetch as { values: unknown[] }).values[2] as unknown[];
    expect(items.slice(0, 6)).toEqual([{ atom: 'UID' }, 7, { atom: 'FLAGS' }, [{ atom: '\\Seen' }, { atom: '\\Recent' }], { atom: "RFC822.SIZE" }, 12]);
    expect(utf8Text((items[7] as { literal: Uint8Array }).literal)).toBe('Subject: x\r\n');
    expect(validity).toMatchObject({ code: { name: 'UIDVALIDITY', args: [1795683600] } });
    expect(list).toMatchObject({ type: 'data', values: [{ atom: 'LIST' }, [{ atom: '\\HasNoChildren' }, { atom: '\\Archive' }], '/', { atom: 'Archive' }] });
    expect(tagged).toMatchObject({ tag: 'a3', condition: 'OK', code: { name: 'COPYUID', args: [1795683605, 4, 1] }, text: 'MOVE completed' });
    expect(cont).toEqual({ type: 'continue', text: 'idling' });
  });

  it('shows a literal collapsed in the transcript, with its content as detail', () => {
    const fetch = readAll(STREAM)[1]!;
    expect(fetch.wire).toEqual({ direction: 'S', text: '* 2 FETCH (UID 7 FLAGS (\\Seen \\Recent) RFC822.SIZE 12 BODY[] {12} <12 octets> )', detail: 'Subject: x\r\n' });
  });

  it('gives the same result split at every offset and one byte at a time', () => {
    const whole = readAll(STREAM);
    for (let cut = 0; cut <= STREAM.length; cut++) expect(readAll(STREAM, [cut])).toEqual(whole);
    expect(readAll(STREAM, [...Array(STREAM.length).keys()])).toEqual(whole);
  });

  it('reports garbage as an error response, never throws', () => {
    expect(readAll('garbage\r\n')[0]?.response).toMatchObject({ type: 'error' });
    expect(readAll('a1 MAYBE so\r\n')[0]?.response).toMatchObject({ type: 'error' });
    expect(readAll('* 1 FETCH (UID\r\n')[0]?.response).toMatchObject({ type: 'error' });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (bytes, cut) => {
        const reader = new ImapResponseReader();
        reader.push(bytes.subarray(0, cut));
        reader.push(bytes.subarray(cut));
        for (let i = 0; i < 400 && reader.next(); i++);
      }),
    );
  });
});
