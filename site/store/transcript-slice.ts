import type { StateCreator } from 'zustand/vanilla';

export type Direction = 'client' | 'server';

/** Bytes as they crossed the connection, with when and which way. */
export interface TranscriptEntry {
  time: number;
  direction: Direction;
  bytes: Uint8Array;
}

export interface TranscriptSlice {
  /** Per session id, oldest first. */
  transcripts: Record<string, TranscriptEntry[]>;
}

/** A session keeps at most this many entries (the oldest go first), so a long IDLE can't fill memory. */
export const TRANSCRIPT_LIMIT = 5000;

export const createTranscriptSlice: StateCreator<TranscriptSlice, [], [], TranscriptSlice> = () => ({ transcripts: {} });
