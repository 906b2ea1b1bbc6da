import { describe, expect, it } from 'vitest';
import { appendTranscript, createMailwireStore, endSession, openSession, terminalRecord, transcriptOf, updateSession, updateTerminal } from './store.ts';
import { TRANSCRIPT_LIMIT } from './transcript-slice.ts';
import type { SessionRecord } from './session-slice.ts';

const record = (id: string): SessionRecord => ({
  id, terminalId: 'lab', host: 'mail.example.com', port: 25, status: 'connecting', tls: null, openedAt: 1, closedAt: null, reason: null,
});

describe('mailwire store', () => {
  it('opens a session as the terminal\'s current one and ends it', () => {
    const store = createMailwireStore();
    openSession(store, record('s1'));
    expect(terminalRecord(store, 'lab')).toMatchObject({ sessionId: 's1', lastSessionId: 's1' });
    updateSession(store, 's1', { status: 'open' });
    expect(store.getState().sessions['s1']?.status).toBe('open');
    endSession(store, 's1', { status: 'closed', closedAt: 9, reason: 'QUIT' });
    expect(terminalRecord(store, 'lab')).toMatchObject({ sessionId: null, lastSessionId: 's1' });
    expect(store.getState().sessions['s1']).toMatchObject({ status: 'closed', closedAt: 9 });
  });

  it('records the transcript per session with time and direction', () => {
    const store = createMailwireStore();
    openSession(store, record('s1'));
    const bytes = new TextEncoder().encode('EHLO a\r\n');
    appendTranscript(store, 's1', { time: 5, direction: 'client', bytes });
    appendTranscript(store, 'unknown', { time: 5, direction: 'client', bytes });
    expect(transcriptOf(store, 's1')).toEqual([{ time: 5, direction: 'client', bytes }]);
    expect(transcriptOf(store, 'unknown')).toEqual([]);
  });

  it('keeps the transcript bounded', () => {
    const store = createMailwireStore();
    openSession(store, record('s1'));
    for (let i = 0; i < TRANSCRIPT_LIMIT + 10; i++) appendTranscript(store, 's1', { time: i, direction: 'server', bytes: new Uint8Array(1) });
    const list = transcriptOf(store, 's1');
    expect(list.length).toBe(TRANSCRIPT_LIMIT);
    expect(list[0]?.time).toBe(10);
  });

  it('ignores updates to sessions that do not exist', () => {
    const store = createMailwireStore();
    updateSession(store, 'nope', { status: 'open' });
    expect(store.getState().sessions).toEqual({});
  });
});

describe('updateTerminal', () => {
  it('tells subscribers of a change, and not of a patch that changes nothing', () => {
    const store = createMailwireStore();
    let heard = 0;
    store.subscribe(() => heard++);
    const chips = ['EHLO laptop.example.com'];
    updateTerminal(store, 't', { prompt: 'a> ', chips });
    expect(heard).toBe(1);
    updateTerminal(store, 't', { prompt: 'a> ', chips });
    expect(heard).toBe(1);
    updateTerminal(store, 't', { prompt: 'b> ' });
    expect(heard).toBe(2);
    expect(terminalRecord(store, 't')).toMatchObject({ prompt: 'b> ', chips });
  });
});
