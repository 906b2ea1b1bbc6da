/**
 * Puts text on the prompt of a page's terminal. The island exposes no API for it yet, so this
 * pastes into xterm.js's input textarea: xterm turns a paste into input for the line editor, as
 * if the learner had pasted. Every line but the last is sent; the last waits on the prompt.
 * The terminal is docked in view (Terminal.astro), so the page never scrolls to reach it.
 */
import { SHADOW_HOST_CLASS } from '../../terminal/browser/shadow-screen.ts';
import { wakeTerminal } from '../../terminal/browser/wake.ts';

function terminalRoot(terminalId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-mw-terminal="${CSS.escape(terminalId)}"]`);
}

/** xterm's input textarea, once the terminal in `root` is ready (xterm draws in a shadow root). */
function textareaOf(root: HTMLElement): HTMLTextAreaElement | null {
  const host = root.querySelector(`.mw-terminal[data-status="ready"] .${SHADOW_HOST_CLASS}`);
  return host?.shadowRoot?.querySelector<HTMLTextAreaElement>('.xterm-helper-textarea') ?? null;
}

/**
 * Starts the terminal in `root` if it has not started yet (it waits for the learner or an idle
 * page) and waits until it is ready.
 */
function ready(root: HTMLElement, timeoutMs = 15_000): Promise<HTMLTextAreaElement | null> {
  wakeTerminal(root);
  return new Promise((resolve) => {
    const started = performance.now();
    const poll = (): void => {
      const textarea = textareaOf(root);
      if (textarea) return resolve(textarea);
      if (performance.now() - started > timeoutMs) return resolve(null);
      setTimeout(poll, 100);
    };
    poll();
  });
}

/**
 * If the dock covers `el` (only a dock across the bottom of a narrow screen can: on a wide one it
 * stands beside the text), the page moves just enough to show it above the dock; an element
 * taller than the room left moves no higher than a quarter of the window, so the button pressed
 * just above it stays in view.
 */
function clear(el: Element, dock: Element): void {
  const [a, d] = [el.getBoundingClientRect(), dock.getBoundingClientRect()];
  if (a.right <= d.left || d.right <= a.left) return;
  const covered = a.bottom - d.top;
  const move = Math.min(covered + 8, a.top - window.innerHeight / 4);
  if (covered > 0 && move > 0) window.scrollBy({ top: move, behavior: 'instant' });
}

/**
 * Shows `el` (what a snippet or an exercise says under the button pressed) above the
 * terminal's dock.
 */
export function clearOfDock(terminalId: string, el: Element): void {
  const dock = terminalRoot(terminalId)?.closest('.mw-dock');
  if (dock && (dock as HTMLElement).dataset['open'] === 'true') clear(el, dock);
}

/** Unfolds a folded dock; the snippet that asked stays in view above it. */
function unfold(root: HTMLElement, from: Element | null): void {
  const dock = root.closest('.mw-dock');
  if (!dock || (dock as HTMLElement).dataset['open'] === 'true') return;
  dock.dispatchEvent(new CustomEvent('mw-dock-open'));
  if (from) clear(from, dock);
}

/** Whether the terminal has an open (or opening) connection, read from the page's store. */
async function connected(terminalId: string): Promise<boolean> {
  const { appStore } = await import('../../store/app-store.ts');
  const state = appStore.getState();
  const id = state.terminals[terminalId]?.sessionId;
  const status = id ? state.sessions[id]?.status : undefined;
  return status === 'open' || status === 'connecting';
}

/**
 * Puts `lines` on the terminal's prompt as a paste: each but the last is sent, the last waits for
 * Enter. A snippet that opens a connection means a new one, and the terminal holds one at a time:
 * while connected, `/disconnect` goes first (a learner's own `/connect` would get "Already
 * connected").
 */
export async function placeOnPrompt(terminalId: string, lines: readonly string[], from: Element | null = null): Promise<boolean> {
  const root = terminalRoot(terminalId);
  if (!root) return false;
  unfold(root, from);
  const textarea = await ready(root);
  if (!textarea) return false;
  const fresh = lines[0]?.startsWith('/connect ') && (await connected(terminalId)) ? ['/disconnect'] : [];
  textarea.focus({ preventScroll: true });
  const data = new DataTransfer();
  data.setData('text/plain', [...fresh, ...lines].join('\r'));
  textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  return true;
}
