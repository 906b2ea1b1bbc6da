import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Mta } from '../../simulator/mta/mta.ts';
import { autoRunMta } from '../../simulator/mta/mta-driver.ts';
import { loadProgress, markDone, PROGRESS_KEY } from '../exercises/progress.ts';
import { type KeyValueStorage } from '../browser/page-storage.ts';
import { Replayer } from '../exercises/replay.ts';
import type { RunResult } from '../exercises/types.ts';
import { SessionTracker } from '../world/session-tracker.ts';
import { closedSessionIds, liveRun } from './live.ts';
import { evaluate, firstOpen, MISSIONS, nextMission } from './registry.ts';
import { SOLUTIONS } from './solutions.test-helper.ts';
import type { Mission } from './types.ts';

/** A replay on the real engines with the MTA running, as in the lab, and the tracker the lab's panels use. */
function lab(): { r: Replayer; tracker: SessionTracker } {
  const r = new Replayer();
  const tracker = new SessionTracker();
  r.network.subscribe((event) => tracker.handle(event));
  autoRunMta(new Mta(r.network), r.network, (events) => tracker.mta(events));
  return { r, tracker };
}

/** Types the lines, then lets the clock run a minute so queued mail is relayed. */
async function play(r: Replayer, lines: readonly string[]): Promise<void> {
  await r.typeAll(lines);
  await r.wait(60_000);
}

function ticked(mission: Mission, run: RunResult): string[] {
  return evaluate(mission, run).filter((i) => i.ok).map((i) => i.id);
}

function solution(id: string) {
  const s = SOLUTIONS[id];
  if (!s) throw new Error(`no solution for ${id}`);
  return s;
}

describe('missions', () => {
  it('are at least 12, with unique ids that progress can store, goals, items, hints and what was learned', () => {
    expect(MISSIONS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(MISSIONS.map((m) => m.id)).size).toBe(MISSIONS.length);
    for (const m of MISSIONS) {
      expect(m.id).toMatch(/^mission-[a-z0-9-]{1,56}$/);
      expect(m.goal.length, m.id).toBeGreaterThan(20);
      expect(m.items.length, m.id).toBeGreaterThanOrEqual(2);
      expect(new Set(m.items.map((i) => i.id)).size, m.id).toBe(m.items.length);
      expect(m.hints.length, m.id).toBeGreaterThanOrEqual(2);
      expect(m.learned, m.id).toMatch(/RFC \d+/);
      expect(SOLUTIONS[m.id], m.id).toBeDefined();
    }
    expect(MISSIONS[0]?.title).toBe('Say hello to a mail server');
    expect(MISSIONS.at(-1)?.title).toMatch(/Diagnose why a client can't log in on 143/);
  });

  it('every RFC section a mission cites is a heading of that RFC in content/rfc', () => {
    const dir = fileURLToPath(new URL('../../content/rfc', import.meta.url));
    let cited = 0;
    for (const m of MISSIONS) {
      for (const ref of m.learned.matchAll(/RFC (\d+)((?:,? §[\d.]*\d)*)/g)) {
        const text = readFileSync(`${dir}/rfc${ref[1]}.txt`, 'utf8');
        for (const section of ref[2]?.match(/[\d.]*\d/g) ?? []) {
          cited++;
          expect(new RegExp(`^${section.replace(/\./g, '\\.')}\\.?\\s+\\S`, 'm').test(text), `${m.id}: RFC ${ref[1]} §${section}`).toBe(true);
        }
      }
    }
    expect(cited).toBeGreaterThan(20);
  });

  it('start where the goal says and the solution goes: the Connect picker is set there', () => {
    for (const m of MISSIONS) {
      const first = solution(m.id).right.find((l) => l.startsWith('/connect '));
      expect(first, m.id).toBe(`/connect ${m.start.host} ${m.start.port}`);
      expect(m.goal, m.id).toContain(m.start.host);
    }
    // All but the two that leave the choice of the TLS port to the learner name it too.
    expect(MISSIONS.filter((m) => !new RegExp(`\\b${m.start.port}\\b`).test(m.goal)).map((m) => m.id)).toEqual(['mission-imap-organise', 'mission-pop3-delete']);
  });

  it('hints point at tools and never hand over a line of the solution', () => {
    for (const m of MISSIONS) {
      const lines = solution(m.id).right.filter((l) => l.length > 8 && !l.startsWith('/'));
      for (const h of m.hints) for (const l of lines) expect(h, `${m.id}: "${l}"`).not.toContain(l);
      expect(m.hints.join(' '), m.id).toMatch(/\/(?:help|hosts|base64)\b|panel/);
    }
  });

  for (const m of MISSIONS) {
    describe(m.id, () => {
      it('a right solution ticks every item, one after another as the lines are typed', async () => {
        const { r } = lab();
        expect(ticked(m, r.result())).toEqual([]);
        let before: string[] = [];
        for (const line of solution(m.id).right) {
          await r.type(line);
          await r.wait(1000);
          const now = ticked(m, r.result());
          // Live ticks only grow while the learner works through the mission.
          expect(now, line).toEqual(expect.arrayContaining(before));
          before = now;
        }
        await r.wait(60_000);
        expect(ticked(m, r.result()).sort()).toEqual(m.items.map((i) => i.id).sort());
      });

      it('a partial or wrong solution leaves the right items unticked', async () => {
        const { r } = lab();
        await play(r, solution(m.id).partial);
        const got = ticked(m, r.result());
        expect(got.sort()).toEqual([...solution(m.id).ticked].sort());
        expect(got.length).toBeLessThan(m.items.length);
      });
    });
  }

  it('played in order on one world, as in the lab, each mission completes from a fresh checklist', async () => {
    const { r, tracker } = lab();
    for (const m of MISSIONS) {
      const exclude = closedSessionIds({ network: r.network, tracker });
      // What earlier missions did does not tick this one's items.
      expect(ticked(m, liveRun({ network: r.network, tracker }, exclude)), m.id).toEqual([]);
      await play(r, solution(m.id).right);
      const live = liveRun({ network: r.network, tracker }, exclude);
      expect(ticked(m, live).sort(), m.id).toEqual(m.items.map((i) => i.id).sort());
    }
  });

  it('the live run (session tracker) judges exactly as the replay does', async () => {
    const { r, tracker } = lab();
    const m = MISSIONS.find((x) => x.id === 'mission-submit')!;
    await play(r, solution(m.id).right);
    const live = liveRun({ network: r.network, tracker }, new Set());
    expect(live.sessions.map((s) => `${s.host}:${s.port}`)).toEqual(r.sessions.map((s) => `${s.host}:${s.port}`));
    expect(live.sessions.map((s) => s.lines)).toEqual(r.sessions.map((s) => s.lines));
    expect(evaluate(m, live)).toEqual(evaluate(m, r.result()));
  });

  it('each mission uses only commands an earlier one used or its own text names', () => {
    const known = new Set<string>();
    for (const m of MISSIONS) {
      const text = [m.title, m.goal, ...m.items.map((i) => i.label), ...m.hints].join(' ').toUpperCase();
      let payload = false;
      for (const line of solution(m.id).right) {
        if (line.startsWith('/')) continue;
        if (payload) {
          payload = line !== '.';
          continue;
        }
        const verbs = line.split(' ').slice(0, 2).filter((w) => /^[A-Z]{3,}$/.test(w));
        for (const verb of verbs) {
          expect(known.has(verb) || new RegExp(`\\b${verb}\\b`).test(text), `${m.id} uses ${verb}`).toBe(true);
          known.add(verb);
        }
        payload = /^DATA$/i.test(line);
      }
    }
  });
});

describe('mission progress', () => {
  function memory(): KeyValueStorage & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  }

  it('is kept with the tutorials\' progress, and the next open mission follows the finished ones', () => {
    const storage = memory();
    markDone(storage, 'smtp-deliver', new Date(0));
    expect(firstOpen(loadProgress(storage).done).id).toBe('mission-hello');
    markDone(storage, 'mission-hello', new Date(1));
    expect(JSON.parse(storage.data.get(PROGRESS_KEY) ?? '{}').done).toHaveProperty('mission-hello');
    expect(firstOpen(loadProgress(storage).done)).toBe(nextMission('mission-hello'));
    expect(nextMission(MISSIONS.at(-1)!.id)).toBeNull();
  });
});
