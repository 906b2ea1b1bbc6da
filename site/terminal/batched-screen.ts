/**
 * A terminal screen that gathers what one keypress writes (the echoed line, the server's reply
 * delivered in a microtask by ./timer-scheduler.ts, the next prompt) and hands it to xterm.js in
 * one write once the page's due tasks have run. xterm.js parses the first write after the
 * learner's input at once and draws it in the next frame; any later write it queues behind a
 * timer, which could push the reply one frame later.
 */
import type { TerminalScreen } from './session.ts';
import { whenDue } from '../browser/timer-scheduler.ts';

export function batchedScreen(write: (data: string) => void): TerminalScreen {
  let held = '';
  const flush = (): void => {
    const data = held;
    held = '';
    if (data) write(data);
  };
  return {
    write: (data) => {
      if (!data) return;
      if (!held) whenDue(flush);
      held += data;
    },
  };
}
