/**
 * Two lab tabs on one saved world must not overwrite each other. The first tab holds a Web Lock
 * for its lifetime and is the only one that saves; a tab opened while it lives runs read-only,
 * hears each save over a BroadcastChannel (so it can say the world changed), and learns when the
 * writer closes (its own request for the lock is granted), so the learner can reload and go on.
 */

/**
 * - `alone`: this tab saves, no other lab tab is open (as far as it knows);
 * - `other-open`: another tab saves; this one is read-only;
 * - `other-changed`: … and that tab has since saved a change;
 * - `other-closed`: that tab has closed: a reload continues here on the saved world.
 */
export type TabState = 'alone' | 'other-open' | 'other-changed' | 'other-closed';

export interface TabGuard {
  readonly writer: boolean;
  state(): TabState;
  subscribe(listener: () => void): () => void;
  /** The writer tells the others it has saved. */
  announceSave(): void;
}

const NAME = 'mailwire-world';
/** How long a new page waits for the lock: a reload's old page may still be letting go of it. */
const CLAIM_WAIT_MS = 400;

/** A tab that coordinates with nobody (no Web Locks in this browser, a replay, a test). */
export function soleTab(): TabGuard {
  return { writer: true, state: () => 'alone', subscribe: () => () => undefined, announceSave: () => undefined };
}

export async function claimTab(): Promise<TabGuard> {
  if (typeof navigator === 'undefined' || !navigator.locks || typeof BroadcastChannel === 'undefined') return soleTab();
  const locks = navigator.locks;
  const writer = await new Promise<boolean>((resolve) => {
    locks
      .request(NAME, { signal: AbortSignal.timeout(CLAIM_WAIT_MS) }, () => {
        resolve(true);
        // Held until the page goes away.
        return new Promise<void>(() => undefined);
      })
      .catch(() => resolve(false));
  });
  const channel = new BroadcastChannel(NAME);
  const listeners = new Set<() => void>();
  let state: TabState = writer ? 'alone' : 'other-open';
  const set = (next: TabState): void => {
    state = next;
    for (const l of listeners) l();
  };
  if (!writer) {
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (event.data === 'saved' && state !== 'other-closed') set('other-changed');
    };
    void locks.request(NAME, () => {
      set('other-closed');
      return new Promise<void>(() => undefined);
    });
  }
  return {
    writer,
    state: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announceSave: () => {
      if (writer) channel.postMessage('saved');
    },
  };
}
