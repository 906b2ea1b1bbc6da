/** One terminal of the lab (see ./mount-terminal.ts), with the touch row on touch screens. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { appStore } from '../../store/app-store.ts';
import { focusTerminal } from '../../store/lab-actions.ts';
import { mountTerminal } from './mount-terminal.ts';
import { terminalHandle } from './terminal-handles.ts';
import TouchRow from './TouchRow.tsx';
import { useTouch } from '../islands/TouchInput.tsx';

interface Props {
  terminalId: string;
  label: string;
  /** Shown between the screen and the touch row (the lab's refusal rule on a narrow screen). */
  underScreen?: ReactNode;
}

type Status = 'loading' | 'ready' | 'failed';

export default function LabTerminal({ terminalId, label, underScreen }: Props) {
  const screenRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>('loading');
  const touch = useTouch();

  useEffect(() => {
    let cleanup = (): void => {};
    let cancelled = false;
    const element = screenRef.current;
    if (!element) return;
    mountTerminal(element, terminalId)
      .then((dispose) => {
        if (cancelled) dispose();
        else {
          cleanup = dispose;
          setStatus('ready');
        }
      })
      .catch(() => setStatus('failed'));
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [terminalId]);

  return (
    <section
      className="mw-terminal mw-terminal--full"
      aria-label={label}
      data-status={status}
      data-terminal={terminalId}
      onFocusCapture={() => focusTerminal(appStore, terminalId)}
    >
      <div className="mw-terminal__screen" ref={screenRef} data-testid="terminal-screen">
        {status === 'loading' && <p className="mw-terminal__message" role="status">Loading the terminal…</p>}
        {status === 'failed' && (
          <p className="mw-terminal__message" role="alert">The terminal could not load. Reload the page to try again.</p>
        )}
      </div>
      <p className="mw-terminal__hint">Tab completes commands; press Esc then Tab to move focus out of the terminal.</p>
      {underScreen}
      {touch && status === 'ready' && <TouchRow terminalId={terminalId} run={(line) => terminalHandle(terminalId)?.run(line)} />}
    </section>
  );
}
