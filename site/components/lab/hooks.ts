/** React bindings for the page's world: re-render when the tracker or the mail store changes. */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { appStore } from '../../store/app-store.ts';
import { afterPaint, cancelAfterPaint } from './after-paint.ts';
import { PanelShownContext } from './panel-shown.ts';
import type { PageWorld } from '../../world/page-network.ts';
import type { TrackedSession } from '../../world/session-tracker.ts';

/** Subscribes `cb` through `subscribe`, told of changes only after the next paint (./after-paint.ts). */
function subscribeAfterPaint(subscribe: (listener: () => void) => () => void, cb: () => void): () => void {
  const unsubscribe = subscribe(() => afterPaint(cb));
  return () => {
    unsubscribe();
    cancelAfterPaint(cb);
  };
}

/** Nothing to hear while the panel is not shown (./panel-shown.ts). */
const unsubscribed = (): (() => void) => () => {};

/** The tracker's version: changes whenever any session moves; the panels hear of it after the reply is painted. */
export function useTrackerVersion(world: PageWorld): number {
  const shown = useContext(PanelShownContext);
  const subscribe = useCallback((cb: () => void) => subscribeAfterPaint((l) => world.tracker.subscribe(l), cb), [world]);
  return useSyncExternalStore(shown ? subscribe : unsubscribed, () => world.tracker.version);
}

let storeVersion = 0;
/** A counter bumped by every change in the mail store (messages, flags, mailboxes), heard after the next paint. */
export function useMailVersion(world: PageWorld): number {
  const shown = useContext(PanelShownContext);
  const subscribe = useCallback(
    (cb: () => void) =>
      subscribeAfterPaint(
        (l) =>
          world.network.world.store.subscribe(() => {
            storeVersion++;
            l();
          }),
        cb,
      ),
    [world],
  );
  return useSyncExternalStore(shown ? subscribe : unsubscribed, () => storeVersion);
}

/**
 * Which network session each terminal is on, when the panels show another world than the live
 * one (a timeline step, a fork): the terminal's index in that world, and its sessions by index.
 */
export interface ViewSessions {
  index(terminalId: string): number;
  sessions: ReadonlyArray<string | null>;
}

export const ViewSessionsContext = createContext<ViewSessions | null>(null);

/** The network session id the terminal the panels follow is on (the last one it opened). */
export function useFocusedSessionId(): string | null {
  const view = useContext(ViewSessionsContext);
  const live = useStore(appStore, (s) => s.lab.networkSessions[s.lab.focus] ?? null);
  const focus = useStore(appStore, (s) => s.lab.focus);
  if (!view) return live;
  return view.sessions[view.index(focus)] ?? null;
}

/** The network session of the terminal the panels follow. */
export function useFocusedSession(world: PageWorld): TrackedSession | undefined {
  useTrackerVersion(world);
  return world.tracker.session(useFocusedSessionId());
}

export function useFocusedTerminal(): string {
  return useStore(appStore, (s) => s.lab.focus);
}

/** The width from which the panels stand beside the terminal instead of under it. */
export const WIDE_LAYOUT = '(min-width: 1100px)';

/** Whether a media query matches now, following changes (rotation, window resize). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (cb: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', cb);
      return () => list.removeEventListener('change', cb);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => false);
}
