import { describe, expect, it } from 'vitest';
import { createMailwireStore, openSession, appendTranscript, endSession } from '../store/store.ts';
import { typedLines } from './from-transcript.ts';
import { exportProgress, importProgress, loadProgress, markDone, parseProgress } from './progress.ts';
import { type KeyValueStorage } from '../browser/page-storage.ts';
import { exerciseById } from './registry.ts';
import { replay } from './replay.ts';

function memory(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('typedLines', () => {
  it('rebuilds the typed lines from the store, split across chunks, and the check passes on them', async () => {
    const store = createMailwireStore();
    const base = { terminalId: 't', status: 'open' as const, tls: null, closedAt: null, reason: null };
    openSession(store, { ...base, id: 's1', host: 'mail.example.com', port: 993, openedAt: 1 });
    appendTranscript(store, 's1', { time: 1, direction: 'server', bytes: enc('* OK hi\r\n') });
    appendTranscript(store, 's1', { time: 2, direction: 'client', bytes: enc('a LOGIN alice@example.com wonderland\r\nb SEL') });
    appendTranscript(store, 's1', { time: 3, direction: 'client', bytes: enc('ECT INBOX\r\nc STORE 2 +FLAGS (\\Seen)\r\n') });
    endSession(store, 's1', { status: 'closed', closedAt: 4, reason: null });
    openSession(store, { ...base, id: 'other', terminalId: 'lab', host: 'mail.example.org', port: 25, openedAt: 0 });
    const lines = typedLines(store.getState(), 't');
    expect(lines).toEqual(['/connect mail.example.com 993', 'a LOGIN alice@example.com wonderland', 'b SELECT INBOX', 'c STORE 2 +FLAGS (\\Seen)', '/disconnect']);
    expect(exerciseById('imap-mark-read').check(await replay(lines)).ok).toBe(true);
  });
});

describe('progress', () => {
  it('remembers, exports and imports', () => {
    const a = memory();
    markDone(a, 'smtp-deliver', new Date(Date.UTC(2026, 0, 1)));
    markDone(a, 'smtp-deliver', new Date(Date.UTC(2027, 0, 1)));
    expect(loadProgress(a).done).toEqual({ 'smtp-deliver': '2026-01-01T00:00:00.000Z' });
    const b = memory();
    markDone(b, 'pop3-rset', new Date(0));
    expect(importProgress(b, exportProgress(a))).toBe(1);
    expect(Object.keys(loadProgress(b).done).sort()).toEqual(['pop3-rset', 'smtp-deliver']);
  });

  it('rejects malformed progress without throwing', () => {
    const s = memory();
    for (const bad of ['', 'nope', '[]', '{"version":2,"done":{}}', '{"version":1,"done":[]}', 'null']) {
      expect(parseProgress(bad)).toBeNull();
      expect(importProgress(s, bad)).toBeNull();
    }
    expect(parseProgress('{"version":1,"done":{"BAD ID":"x","ok-id":"2026"}}')?.done).toEqual({ 'ok-id': '2026' });
    s.setItem('mailwire:progress', '{broken');
    expect(loadProgress(s)).toEqual({ version: 1, done: {} });
  });
});
