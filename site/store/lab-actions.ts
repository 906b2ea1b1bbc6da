/** The lab layout's actions: open and close tabs, split, and follow a terminal's session. */
import type { MailwireStore } from './store.ts';
import { FIRST_TAB, type LabLayout } from './lab-slice.ts';

/** At most this many terminals: each is a real session with its own xterm. */
export const MAX_TABS = 6;

function patch(store: MailwireStore, change: (lab: LabLayout) => Partial<LabLayout>): void {
  store.setState((s) => ({ lab: { ...s.lab, ...change(s.lab) } }));
}

function nextId(tabs: readonly string[]): string {
  for (let n = 2; ; n++) if (!tabs.includes(`${FIRST_TAB}-${n}`)) return `${FIRST_TAB}-${n}`;
}

/** Opens a new terminal tab and shows it; returns its id (or null at the limit). */
export function openTab(store: MailwireStore): string | null {
  const { tabs } = store.getState().lab;
  if (tabs.length >= MAX_TABS) return null;
  const id = nextId(tabs);
  patch(store, (lab) => ({ tabs: [...lab.tabs, id], active: lab.split === id ? lab.active : id, focus: id }));
  return id;
}

export function showTab(store: MailwireStore, id: string): void {
  patch(store, (lab) => {
    if (!lab.tabs.includes(id)) return {};
    if (lab.split === id) return { split: lab.active, active: id, focus: id };
    return { active: id, focus: id };
  });
}

export function closeTab(store: MailwireStore, id: string): void {
  patch(store, (lab) => {
    if (lab.tabs.length <= 1 || !lab.tabs.includes(id)) return {};
    const tabs = lab.tabs.filter((t) => t !== id);
    const split = lab.split === id ? null : lab.split;
    const active = lab.active === id ? (tabs.find((t) => t !== split) ?? tabs[0]!) : lab.active;
    const focus = lab.focus === id ? active : lab.focus;
    return { tabs, active, split: split === active ? null : split, focus };
  });
}

/** Shows two terminals side by side (opening a second one if needed), or back to one. */
export function toggleSplit(store: MailwireStore): void {
  const { lab } = store.getState();
  if (lab.split !== null) return patch(store, () => ({ split: null }));
  const other = lab.tabs.find((t) => t !== lab.active) ?? openTab(store);
  if (other === null) return;
  patch(store, (l) => ({ active: lab.active, split: other, focus: l.focus }));
}

export function focusTerminal(store: MailwireStore, id: string): void {
  patch(store, (lab) => (lab.focus === id ? {} : { focus: id }));
}

export function setNetworkSession(store: MailwireStore, terminalId: string, sessionId: string | null): void {
  patch(store, (lab) => ({ networkSessions: { ...lab.networkSessions, [terminalId]: sessionId } }));
}

/** Sets up `count` tabs (a replay link with several terminals). */
export function ensureTabs(store: MailwireStore, count: number): string[] {
  while (store.getState().lab.tabs.length < Math.min(count, MAX_TABS)) openTab(store);
  showTab(store, FIRST_TAB);
  return store.getState().lab.tabs.slice(0, count);
}

/** The mission panel opened a mission (use-mission.ts). */
export function openMission(store: MailwireStore, id: string): void {
  if (store.getState().lab.mission !== id) patch(store, () => ({ mission: id }));
}
