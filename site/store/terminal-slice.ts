import type { StateCreator } from 'zustand/vanilla';

/** What the page shows about one terminal widget (the lab's, a tutorial's …). */
export interface TerminalRecord {
  /** The session it is connected to now, or null. */
  sessionId: string | null;
  /** The last session it had, so /save still works after the connection closed. */
  lastSessionId: string | null;
  /** The prompt text, e.g. "mail.example.com:25> ". */
  prompt: string;
  /** The chips a touch screen shows under it: what the server takes in its state now (touch-chips.ts). */
  chips: readonly string[];
}

export interface TerminalSlice {
  terminals: Record<string, TerminalRecord>;
}

export const createTerminalSlice: StateCreator<TerminalSlice, [], [], TerminalSlice> = () => ({ terminals: {} });
