/** On touch screens: an input row and command chips under a lab terminal (as in the island). */
import { useEffect, useState, type SubmitEvent } from 'react';
import { useStore } from 'zustand';
import { portSpec } from '../../../simulator/net/ports.ts';
import { appStore } from '../../store/app-store.ts';
import { DISCONNECTED_CHIPS, PROTOCOL_CHIPS } from '../../terminal/chips.ts';

export function useTouch(): boolean {
  const [touch, setTouch] = useState(false);
  useEffect(() => {
    const query = window.matchMedia('(pointer: coarse)');
    const update = (): void => setTouch(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return touch;
}

export default function TouchRow({ terminalId, run }: { terminalId: string; run: (line: string) => void }) {
  const [draft, setDraft] = useState('');
  const port = useStore(appStore, (s) => {
    const id = s.terminals[terminalId]?.sessionId;
    return id ? (s.sessions[id]?.port ?? null) : null;
  });
  const protocol = port === null ? null : (portSpec(port)?.protocol ?? null);
  const chips = protocol ? PROTOCOL_CHIPS[protocol] : DISCONNECTED_CHIPS;
  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    run(draft);
    setDraft('');
  };
  return (
    <div className="mw-terminal__touch">
      <form className="mw-terminal__input" onSubmit={onSubmit}>
        <input
          aria-label="Line to send"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          autoCapitalize="off"
          autoCorrect="off"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="send"
          placeholder="Type a command"
        />
        <button type="submit">Send</button>
      </form>
      <div className="mw-terminal__chips" role="group" aria-label="Common commands">
        {chips.map((chip) => (
          <button key={chip} type="button" onClick={() => run(chip)}>
            {chip}
          </button>
        ))}
      </div>
    </div>
  );
}
