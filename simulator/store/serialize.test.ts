import { describe, expect, it } from 'vitest';
import { InvalidData } from '../wire/json-read.ts';
import { MailStore } from './mail-store.ts';
import { readStore, serializeStore } from './serialize.ts';
import { encodeBase64 } from '../wire/base64.ts';
import { utf8Bytes } from '../wire/bytes.ts';

const NOW = Date.UTC(2026, 10, 26, 8, 0, 0);

function store(): MailStore {
  const s = new MailStore(100);
  s.addAccount('alice@example.com', 'wonderland');
  s.append('alice@example.com', 'INBOX', utf8Bytes('Subject: a\r\n\r\nhi\r\n'), { internalDate: NOW, flags: ['\\Seen'] });
  s.append('alice@example.com', 'INBOX', Uint8Array.of(0, 0xff, 0x0d, 0x0a), { internalDate: NOW + 1 });
  s.createMailbox('alice@example.com', 'Projects');
  s.expunge('alice@example.com', 'INBOX', [1]);
  return s;
}

describe("the store's part of a saved World", () => {
  it('round-trips: base64 and bytes give the same store, and it writes back the same', () => {
    const s = store();
    const saved = serializeStore(s, encodeBase64);
    const back = readStore(JSON.parse(JSON.stringify(saved)), 'store');
    expect(serializeStore(back, encodeBase64)).toEqual(saved);
    expect(serializeStore(readStore(serializeStore(s, (raw) => raw.slice()), 'store'), encodeBase64)).toEqual(saved);
    // RFC 9051 §2.3.1.1: UIDs go on from uidNext, and a new mailbox gets a fresh UIDVALIDITY.
    const next = back.append('alice@example.com', 'INBOX', utf8Bytes('x\r\n'), { internalDate: NOW });
    expect(next.ok && next.value.uid).toBe(3);
    expect(back.uidValiditySeed).toBe(s.uidValiditySeed);
  });

  it('names the place of the first fault, under the key it was given', () => {
    const saved = serializeStore(store(), encodeBase64);
    saved.accounts[0]!.mailboxes[0]!.messages[0]!.flags = [7 as unknown as string];
    expect(() => readStore(saved, 'w.store')).toThrow(InvalidData);
    expect(() => readStore(saved, 'w.store')).toThrow('w.store.accounts[0].mailboxes[0].messages[0].flags[0]: expected a string, got number 7');
  });
});
