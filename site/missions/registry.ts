/** The missions in the order they build on each other, and their results on a run. */
import type { RunResult } from '../exercises/types.ts';
import { ACCESS_MISSIONS } from './access-missions.ts';
import { SMTP_MISSIONS } from './smtp-missions.ts';
import type { Mission } from './types.ts';

export const MISSIONS: readonly Mission[] = [...SMTP_MISSIONS, ...ACCESS_MISSIONS];

export function missionById(id: string): Mission | undefined {
  return MISSIONS.find((m) => m.id === id);
}

/** The mission after `id`, or null after the last one. */
export function nextMission(id: string): Mission | null {
  const i = MISSIONS.findIndex((m) => m.id === id);
  return i >= 0 ? (MISSIONS[i + 1] ?? null) : null;
}

/** The first mission not in `done`, or the last one when all are. */
export function firstOpen(done: Readonly<Record<string, string>>): Mission {
  return MISSIONS.find((m) => !(m.id in done)) ?? MISSIONS[MISSIONS.length - 1]!;
}

export interface ItemResult {
  id: string;
  label: string;
  ok: boolean;
}

/** Each checklist item of `mission`, met or not, on `run`. */
export function evaluate(mission: Mission, run: RunResult): ItemResult[] {
  return mission.items.map((i) => ({ id: i.id, label: i.label, ok: i.check(run).ok }));
}
