/**
 * The site's state: a vanilla zustand store (usable outside React and in Node tests) made of
 * slices, with module-level actions that the terminal calls.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createSessionSlice, type SessionRecord, type SessionSlice } from './session-slice.ts';
import { createTerminalSlice, type TerminalRecord, type TerminalSlice } from './terminal-slice.ts';
import { createLabSlice, type LabSlice } from './lab-slice.ts';
import { createTranscriptSlice, TRANSCRIPT_LIMIT, type TranscriptEntry, type TranscriptSlice } from './transcript-slice.ts';

export type MailwireState = SessionSlice & TerminalSlice & TranscriptSlice & LabSlice;
export type MailwireStore = StoreApi<MailwireState>;

export function createMailwireStore(): MailwireStore {
  return createStore<MailwireState>()((...a) => ({
    ...createSessionSlice(...a),
    ...createTerminalSlice(...a),
    ...createTranscriptSlice(...a),
    ...createLabSlice(...a),
  }));
}

const NO_TERMINAL: TerminalRecord = { sessionId: null, lastSessionId: null, prompt: '', chips: [] };

export function terminalRecord(store: MailwireStore, terminalId: string): TerminalRecord {
  return store.getState().terminals[terminalId] ?? NO_TERMINAL;
}

/** Changes a terminal's record; a patch that changes nothing (the prompt after every reply line) tells no subscriber. */
export function updateTerminal(store: MailwireStore, terminalId: string, patch: Partial<TerminalRecord>): void {
  const current = store.getState().terminals[terminalId];
  if (current && (Object.keys(patch) as Array<keyof TerminalRecord>).every((key) => Object.is(current[key], patch[key]))) return;
  store.setState((s) => ({ terminals: { ...s.terminals, [terminalId]: { ...(s.terminals[terminalId] ?? NO_TERMINAL), ...patch } } }));
}

/** Starts a session and makes it the terminal's current one. */
export function openSession(store: MailwireStore, record: SessionRecord): void {
  store.setState((s) => ({
    sessions: { ...s.sessions, [record.id]: record },
    transcripts: { ...s.transcripts, [record.id]: [] },
  }));
  updateTerminal(store, record.terminalId, { sessionId: record.id, lastSessionId: record.id });
}

export function updateSession(store: MailwireStore, id: string, patch: Partial<Omit<SessionRecord, 'id'>>): void {
  store.setState((s) => {
    const current = s.sessions[id];
    return current ? { sessions: { ...s.sessions, [id]: { ...current, ...patch } } } : {};
  });
}

/** Ends a session: records how, and detaches it from its terminal. */
export function endSession(store: MailwireStore, id: string, patch: Pick<SessionRecord, 'status' | 'closedAt' | 'reason'>): void {
  updateSession(store, id, patch);
  const session = store.getState().sessions[id];
  if (session && terminalRecord(store, session.terminalId).sessionId === id) {
    updateTerminal(store, session.terminalId, { sessionId: null });
  }
}

export function appendTranscript(store: MailwireStore, sessionId: string, entry: TranscriptEntry): void {
  store.setState((s) => {
    const list = s.transcripts[sessionId];
    if (!list) return {};
    const next = list.length >= TRANSCRIPT_LIMIT ? [...list.slice(list.length - TRANSCRIPT_LIMIT + 1), entry] : [...list, entry];
    return { transcripts: { ...s.transcripts, [sessionId]: next } };
  });
}

export function transcriptOf(store: MailwireStore, sessionId: string): readonly TranscriptEntry[] {
  return store.getState().transcripts[sessionId] ?? [];
}
