import type { StateCreator } from 'zustand/vanilla';

/** The lab page's layout: its terminal tabs, the split, and which terminal the panels follow. */
export interface LabLayout {
  /** Terminal ids in tab order; the first is `lab` (its history predates tabs). */
  tabs: string[];
  /** The tab shown (on the left when split). */
  active: string;
  /** The tab shown on the right, or null when not split. */
  split: string | null;
  /** The terminal whose session the state, wire and delivery panels show. */
  focus: string;
  /** Per terminal, the network session it is connected to now (VirtualTransport.sessionId). */
  networkSessions: Record<string, string | null>;
  /** The mission open in the mission panel (its id), which the Connect picker starts from; null until the panel chose. */
  mission: string | null;
}

export interface LabSlice {
  lab: LabLayout;
}

export const FIRST_TAB = 'lab';

export const createLabSlice: StateCreator<LabSlice, [], [], LabSlice> = () => ({
  lab: { tabs: [FIRST_TAB], active: FIRST_TAB, split: null, focus: FIRST_TAB, networkSessions: {}, mission: null },
});
