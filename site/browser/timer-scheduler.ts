/** The virtual network's Scheduler on real time, for the page (setTimeout; never runs inline). */
import type { Scheduler } from '../../simulator/net/virtual-network-clock.ts';

export class TimerScheduler implements Scheduler {
  at(time: number, task: () => void): () => void {
    const id = setTimeout(task, Math.max(0, time - Date.now()));
    return () => clearTimeout(id);
  }
}
