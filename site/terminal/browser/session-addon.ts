/**
 * Joins a TerminalSession to an xterm.js Terminal, as an addon (activate/dispose, like xterm's
 * AttachAddon): keys go to the session, the session's output goes to the screen.
 */
import type { IDisposable, ITerminalAddon, Terminal } from '@xterm/xterm';
import type { TerminalSession } from '../session.ts';

export class SessionAddon implements ITerminalAddon {
  #disposables: IDisposable[] = [];
  /** Esc then Tab leaves the terminal, so Tab completion is no keyboard trap (WCAG 2.1.2). */
  #escaped = false;

  constructor(private readonly session: TerminalSession) {}

  activate(term: Terminal): void {
    this.#disposables.push(term.onData((data) => this.session.input(data)));
    this.#disposables.push(term.onResize(({ cols }) => this.session.resize(cols)));
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown') return true;
      if (event.key === 'Tab' && this.#escaped) {
        this.#escaped = false;
        return false; // let the browser move focus
      }
      this.#escaped = event.key === 'Escape';
      return true;
    });
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
    this.#disposables = [];
  }
}
