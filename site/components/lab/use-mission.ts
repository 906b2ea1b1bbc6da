/**
 * The mission panel's state: which mission is open, its checklist judged live on the page's world
 * and the terminals' sessions, and its completion stored with the tutorials' progress.
 *
 * An item stays ticked once met while its mission is open (a closed connection or a message
 * moved on later does not untick it). The checklist starts from the sessions still open when the
 * mission began and those opened after, so an earlier mission's work does not tick a new one.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { loadProgress, markDone } from '../../exercises/progress.ts';
import { pageStorage } from '../../browser/page-storage.ts';
import { appStore } from '../../store/app-store.ts';
import { openMission } from '../../store/lab-actions.ts';
import { closedSessionIds, liveRun } from '../../missions/live.ts';
import { evaluate, firstOpen, missionById, MISSIONS, type ItemResult } from '../../missions/registry.ts';
import type { Mission } from '../../missions/types.ts';
import type { PageWorld } from '../../world/page-network.ts';
import { useMailVersion, useTrackerVersion } from './hooks.ts';

export interface MissionView {
  mission: Mission;
  index: number;
  items: Array<ItemResult & { ticked: boolean }>;
  complete: boolean;
  /** Finished on an earlier visit (stored), not in this session. */
  doneBefore: boolean;
  done: Readonly<Record<string, string>>;
  /** The last change worth announcing: an item ticked, the mission completed. */
  news: string;
  open(id: string): void;
}

export function useMission(world: PageWorld): MissionView {
  const storage = useMemo(() => pageStorage(), []);
  const [done, setDone] = useState(() => loadProgress(storage).done);
  // The store keeps the open mission while the panel moves (narrow and wide layouts place it apart).
  const [id, setId] = useState(() => appStore.getState().lab.mission ?? firstOpen(done).id);
  const [exclude, setExclude] = useState(() => closedSessionIds(world));
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  const [completedNow, setCompletedNow] = useState(false);
  const [news, setNews] = useState('');
  const trackerVersion = useTrackerVersion(world);
  const mailVersion = useMailVersion(world);
  const mission = missionById(id) ?? MISSIONS[0]!;
  useEffect(() => openMission(appStore, mission.id), [mission.id]);

  const results = useMemo(
    () => evaluate(mission, liveRun({ network: world.network, tracker: world.tracker }, exclude)),
    // The versions are the inputs that change: the world and the tracker are mutable objects.
    [mission, world, exclude, trackerVersion, mailVersion],
  );

  useEffect(() => {
    const fresh = results.filter((r) => r.ok && !ticked.has(r.id));
    if (fresh.length === 0) return;
    const next = new Set([...ticked, ...fresh.map((r) => r.id)]);
    setTicked(next);
    const complete = mission.items.every((i) => next.has(i.id));
    if (complete) {
      setCompletedNow(true);
      setDone(markDone(storage, mission.id, new Date()).done);
      setNews(`Mission complete: ${mission.title}.`);
    } else {
      setNews(`Done: ${fresh.map((r) => r.label).join('; ')}.`);
    }
  }, [results, ticked, mission, storage]);

  const open = useCallback(
    (next: string) => {
      setId(next);
      setExclude(closedSessionIds(world));
      setTicked(new Set());
      setCompletedNow(false);
      setNews('');
    },
    [world],
  );

  return {
    mission,
    index: MISSIONS.indexOf(mission),
    items: results.map((r) => ({ ...r, ticked: ticked.has(r.id) })),
    complete: completedNow,
    doneBefore: !completedNow && mission.id in done,
    done,
    news,
    open,
  };
}
