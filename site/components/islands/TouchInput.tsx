/**
 * On touch screens, under a terminal: a line to type and send, and chips with the commands of
 * the protocol in use. Shared by the terminal island and the lab's terminals.
 */
import { useEffect, useState, type SubmitEvent } from 'react';

/** True on a coarse pointer (a finger), following changes. */
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

export default function TouchInput({ chips, run }: { chips: readonly string[]; run: (line: string) => void }) {
  const [draft, setDraft] = useState('');
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
