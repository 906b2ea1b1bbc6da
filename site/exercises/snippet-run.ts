/** Runs a snippet against the engines and compares the reply with what the page shows. */
import { Replayer } from './replay.ts';
import type { Snippet } from './types.ts';

/** What the terminal itself said, then the server lines that followed the snippet's own lines (setup excluded). */
export async function snippetReply(snippet: Snippet): Promise<string[]> {
  const r = new Replayer();
  await r.typeAll(snippet.setup);
  const sessionsBefore = r.sessions.length;
  const linesBefore = r.sessions.at(-1)?.lines.length ?? 0;
  const notesBefore = r.notes.length;
  await r.typeAll(snippet.lines);
  const out: string[] = [...r.notes.slice(notesBefore)];
  r.sessions.forEach((s, i) => {
    if (i < sessionsBefore - 1) return;
    const from = i === sessionsBefore - 1 ? linesBefore : 0;
    for (const l of s.lines.slice(from)) if (l.from === 'S') out.push(l.text);
    for (const e of s.errors) if (i >= sessionsBefore) out.push(e);
  });
  return out;
}

/** The lines of the snippets named in `after`, in order: what `setup` must start with. */
export function afterLines(snippet: Snippet, byId: (id: string) => Snippet): string[] {
  return (snippet.after ?? []).flatMap((id) => byId(id).lines);
}

/** What the page shows as the reply: `display` when given, else the reply lines. */
export function shownReply(snippet: Snippet): string[] {
  return snippet.display ?? snippet.reply.map((r) => (typeof r === 'string' ? r : r.source));
}

export function lineMatches(expected: string | RegExp, actual: string): boolean {
  return typeof expected === 'string' ? expected === actual : expected.test(actual);
}
