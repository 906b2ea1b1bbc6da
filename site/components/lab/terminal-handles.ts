/**
 * The lab's terminals as the panels reach them: put a command on a prompt (a click in the state
 * panel), run a line (a replay), and the lines typed so far (the share link).
 */
export interface TerminalHandle {
  /** Replaces the prompt's text with `text`, cursor at the end, and focuses the terminal. */
  put(text: string): void;
  /** Runs a whole line as if typed and entered. */
  run(line: string): void;
  /** The lines entered in this terminal since the page loaded, oldest first. */
  typed(): readonly string[];
}

const handles = new Map<string, TerminalHandle>();
const waiting = new Map<string, Array<(h: TerminalHandle) => void>>();

export function registerTerminal(id: string, handle: TerminalHandle): () => void {
  handles.set(id, handle);
  for (const resolve of waiting.get(id) ?? []) resolve(handle);
  waiting.delete(id);
  return () => {
    if (handles.get(id) === handle) handles.delete(id);
  };
}

export function terminalHandle(id: string): TerminalHandle | undefined {
  return handles.get(id);
}

/** Resolves once the terminal `id` has loaded. */
export function whenTerminal(id: string): Promise<TerminalHandle> {
  const h = handles.get(id);
  if (h) return Promise.resolve(h);
  return new Promise((resolve) => waiting.set(id, [...(waiting.get(id) ?? []), resolve]));
}

/** One entered line, with when it was entered (the world's clock: the timeline replays at that time). */
export interface TypedLine {
  terminalId: string;
  line: string;
  at: number;
}

/** Every line entered in any lab terminal since the page loaded, in order (the replay link, the timeline). */
const log: TypedLine[] = [];
const listeners = new Set<() => void>();

export function recordTyped(terminalId: string, line: string): void {
  log.push({ terminalId, line, at: Date.now() });
  // Listeners only mark the timeline stale; none of them replays on this path.
  for (const l of listeners) l();
}

export function typedLog(): readonly TypedLine[] {
  return log;
}

/** Called after each recorded line (the timeline's length). */
export function subscribeTyped(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
