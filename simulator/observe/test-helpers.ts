/** Test helpers for the dialogue observers. */
import { dialogueState } from './dialogue-state.ts';

/** Plays an RFC-style transcript ("C: …" / "S: …") and returns the state after each line. */
export function play(protocol: 'smtp' | 'pop3' | 'imap', transcript: string): Array<string | null> {
  const d = dialogueState(protocol);
  const states: Array<string | null> = [];
  for (const raw of transcript.trim().split('\n')) {
    const line = raw.trim();
    if (line === 'TLS') d.tlsStarted();
    else if (/^C:(?: |$)/.test(line)) d.client(line.slice(3));
    else if (/^S:(?: |$)/.test(line)) d.server(line.slice(3));
    states.push(d.state);
  }
  return states;
}
