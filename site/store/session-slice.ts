import type { StateCreator } from 'zustand/vanilla';
import type { TlsInfo } from '../../simulator/engine.ts';

export type SessionStatus = 'connecting' | 'open' | 'closed' | 'failed';

/** One connection a terminal opened. */
export interface SessionRecord {
  id: string;
  terminalId: string;
  host: string;
  port: number;
  status: SessionStatus;
  tls: TlsInfo | null;
  openedAt: number;
  closedAt: number | null;
  /** Why it failed or closed, as the transport said. */
  reason: string | null;
}

export interface SessionSlice {
  sessions: Record<string, SessionRecord>;
}

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = () => ({ sessions: {} });
