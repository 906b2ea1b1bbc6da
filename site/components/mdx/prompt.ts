/**
 * Puts text on the prompt of a page's terminal. The island exposes no API for it yet, so this
 * pastes into xterm.js's input textarea: xterm turns a paste into input for the line editor, as
 * if the learner had pasted. Every line but the last is sent; the last waits on the prompt.
 */

function terminalRoot(terminalId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-mw-terminal="${CSS.escape(terminalId)}"]`);
}

/** Waits until the terminal in `root` has loaded xterm.js (it loads when visible). */
function ready(root: HTMLElement, timeoutMs = 15_000): Promise<HTMLTextAreaElement | null> {
  return new Promise((resolve) => {
    const started = performance.now();
    const poll = (): void => {
      const textarea = root.querySelector<HTMLTextAreaElement>('.mw-terminal[data-status="ready"] .xterm-helper-textarea');
      if (textarea) return resolve(textarea);
      if (performance.now() - started > timeoutMs) return resolve(null);
      setTimeout(poll, 100);
    };
    poll();
  });
}

export async function placeOnPrompt(terminalId: string, lines: readonly string[]): Promise<boolean> {
  const root = terminalRoot(terminalId);
  if (!root) return false;
  root.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  const textarea = await ready(root);
  if (!textarea) return false;
  textarea.focus();
  const data = new DataTransfer();
  data.setData('text/plain', lines.join('\r'));
  textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  return true;
}
