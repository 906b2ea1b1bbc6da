/**
 * Turns what a page's terminal did (the sessions and client bytes in the site store) back into
 * the lines the learner typed, so the headless runner can replay them on a fresh world and the
 * goal check sees the same state the page's engines reached.
 */
import type { MailwireState } from '../store/store.ts';

/** The lines typed into `terminalId`, slash commands for connect and disconnect included. */
export function typedLines(state: Pick<MailwireState, 'sessions' | 'transcripts'>, terminalId: string): string[] {
  const sessions = Object.values(state.sessions)
    .filter((s) => s.terminalId === terminalId)
    .sort((a, b) => a.openedAt - b.openedAt);
  const lines: string[] = [];
  for (const s of sessions) {
    lines.push(`/connect ${s.host} ${s.port}`);
    const decoder = new TextDecoder();
    let text = '';
    for (const entry of state.transcripts[s.id] ?? []) {
      if (entry.direction === 'client') text += decoder.decode(entry.bytes, { stream: true });
    }
    const parts = text.split('\r\n');
    parts.pop();
    lines.push(...parts);
    if (s.status !== 'open' && s.status !== 'connecting') lines.push('/disconnect');
  }
  return lines;
}
