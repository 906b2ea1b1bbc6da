/**
 * A learner who follows a page top to bottom in its one terminal sees the replies the page shows.
 * snippets.test.ts runs each snippet from its own setup; this plays them in page order, the way
 * the page tells the learner to: a snippet that continues earlier ones (`after`) is typed into the
 * session as it is, unless that session has closed (QUIT); one that does not, and has setup, is
 * reached with its "Run the steps before this" button (a fresh connection); and a `/connect`
 * comes after a `/disconnect`, as "Run in terminal" sends one first (the terminal holds one
 * connection at a time).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snippetById } from './registry.ts';
import { Replayer } from './replay.ts';
import { lineMatches } from './snippet-run.ts';

const LEARN = join(import.meta.dirname, '../../content/learn');

/** Every tutorial page (a page without snippets passes at once). */
const PAGES = readdirSync(LEARN).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -'.mdx'.length));

function snippetIds(slug: string): string[] {
  const text = readFileSync(join(LEARN, `${slug}.mdx`), 'utf8');
  return [...text.matchAll(/<Snippet id="([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** The server lines (and terminal notes) that `lines` produce in the replayer's current state. */
async function typed(r: Replayer, lines: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const line of lines) {
    const sessions = r.sessions.length;
    const seen = r.sessions.at(-1)?.lines.length ?? 0;
    const notes = r.notes.length;
    await r.type(line);
    out.push(...r.notes.slice(notes));
    r.sessions.slice(Math.max(0, sessions - 1)).forEach((s, i) => {
      const fresh = sessions === 0 || i > 0;
      out.push(...s.lines.slice(fresh ? 0 : seen).filter((l) => l.from === 'S').map((l) => l.text));
      if (fresh) out.push(...s.errors);
    });
  }
  return out;
}

describe('a page followed in order shows the replies it shows', () => {
  for (const slug of PAGES) {
    it(slug, async () => {
      const r = new Replayer();
      const open = (): boolean => r.sessions.at(-1)?.closedBy === null;
      for (const id of snippetIds(slug)) {
        const s = snippetById(id);
        const steps = s.setup.length > 0 && (!s.after || !open());
        if (open() && (steps || s.lines[0]?.startsWith('/connect '))) await r.type('/disconnect');
        if (steps) await r.typeAll(s.setup);
        const actual = await typed(r, s.lines);
        expect(actual.length, `${slug} ${id}: ${JSON.stringify(actual)}`).toBe(s.reply.length);
        s.reply.forEach((expected, i) => expect(lineMatches(expected, actual[i] ?? ''), `${slug} ${id} line ${i}: ${actual[i]}`).toBe(true));
      }
    });
  }
});
