/**
 * Lab missions as data: a goal, a checklist whose items are checked against the lab's world and
 * sessions as they change, hints that point at tools, and what the learner takes away. The checks
 * are the exercises' kind (../exercises/types.ts): a question about a run, answered the same way
 * for a headless replay and for the live lab.
 */
import type { GoalCheck } from '../exercises/types.ts';

export interface MissionItem {
  /** Stable within the mission (`starttls`). */
  id: string;
  /** What the learner has to make true, as the checklist shows it. */
  label: string;
  check: GoalCheck;
}

export interface Mission {
  /** Stable id, stored with the tutorials' progress (`mission-hello`). */
  id: string;
  title: string;
  /** The goal in one sentence. */
  goal: string;
  /**
   * Where the goal's first connection goes. The lab's Connect picker is set to it when the mission
   * opens, so the button next to the checklist does what the checklist asks; the goal names the
   * host already, and the port in all but two.
   */
  start: { host: string; port: number };
  items: MissionItem[];
  /** Pointers at tools (`/help`, `/base64`, the panels): never the lines to type. */
  hints: string[];
  /** Shown with "Mission complete": what the learner now knows, with the RFC. */
  learned: string;
}
