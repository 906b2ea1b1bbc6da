/**
 * CPU time a process and its descendants have used, from Linux's /proc: on a machine that others
 * load, the CPU a relay spends per 16 MiB moves much less than the wall-clock time it takes.
 * websockify serves each connection in a child process, so the children count too.
 */
import { readFileSync } from 'node:fs';

/** USER_HZ: /proc counts CPU time in ticks of 1/100 s on every Linux the bench runs on. */
const TICKS_PER_SECOND = 100;

/** The processes below `pid` (children, theirs, and so on), from /proc; empty off Linux or when it is gone. */
export function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)) if (task) children.push(Number(task));
  } catch {
    return [];
  }
  children = children.flatMap((c) => [c, ...descendants(c)]);
  return children;
}

function ticksOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Milliseconds of CPU (user + system) used so far by `pid` and the processes below it; null off Linux. */
export function cpuMs(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  return ([pid, ...descendants(pid)].reduce((sum, p) => sum + ticksOf(p), 0) * 1000) / TICKS_PER_SECOND;
}
