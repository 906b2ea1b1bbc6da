/**
 * The page's one virtual world and network: loaded from the page's storage (or the default world),
 * saved back whenever the mail store, the queue or a host's settings change, with the MTA running
 * so submitted mail travels on. Every terminal on the page connects through `pageConnector()`.
 *
 * A replay link (`/lab/#replay=…`) runs on a fresh default world and never touches the saved one.
 * A saved world that cannot be read is kept as it is (the lab offers reset or download) and the
 * page runs on a default world that is not saved until the learner chooses.
 */
import type { Connector } from '../../simulator/transport.ts';
import { Mta } from '../../simulator/net/mta.ts';
import { autoRunMta } from '../../simulator/net/mta-driver.ts';
import { createVirtualNetwork } from '../../simulator/net/virtual-network-engines.ts';
import type { VirtualNetwork } from '../../simulator/net/virtual-network.ts';
import { defaultWorld } from '../../simulator/net/world.ts';
import { VirtualConnector } from '../../simulator/transports/virtual.ts';
import { pageStorage } from '../terminal/browser/page-services.ts';
import type { KeyValueStorage } from '../terminal/history.ts';
import { TimerScheduler } from '../terminal/timer-scheduler.ts';
import { loadWorld, saveWorld, SaveScheduler, WORLD_KEY, type StoredWorld } from './persist.ts';
import { decodeReplay, type ReplayScript } from './replay.ts';
import { SessionTracker } from './session-tracker.ts';

export interface PageWorld {
  network: VirtualNetwork;
  connector: Connector;
  tracker: SessionTracker;
  /** Where the world came from. */
  origin: 'stored' | 'default' | 'replay' | 'broken';
  /** The stored world that could not be read: why, and its raw text. */
  problem: { error: string; raw: string } | null;
  replay: ReplayScript | null;
  /** Saves now (after a settings change), unless saving is off (replay, broken storage). */
  save(): void;
  /** True while the world is written to storage as it changes. */
  persistent: boolean;
  /** Stops saving for good (a reset or an import is about to reload the page). */
  stop(): void;
}

let current: PageWorld | null = null;

/** The page's world, made on first use. */
export function pageWorld(): PageWorld {
  current ??= createPageWorld(pageStorage(), typeof location === 'undefined' ? '' : location.hash);
  return current;
}

/** The network every terminal on the page shares (virtual-connector.ts can use it too). */
export function pageNetwork(): VirtualNetwork {
  return pageWorld().network;
}

export function pageConnector(): Connector {
  return pageWorld().connector;
}

export function createPageWorld(storage: KeyValueStorage, hash: string, now: () => number = () => Date.now()): PageWorld {
  const replay = decodeReplay(hash);
  const stored: StoredWorld = replay ? { kind: 'none' } : loadWorld(storage);
  const world = stored.kind === 'ok' ? stored.world : defaultWorld(now());
  // The stand-in TLS layer: the session log then holds the plaintext each end saw, which the
  // panels explain line by line (with real records the log holds ciphertext after STARTTLS).
  const network = createVirtualNetwork(world, { now, scheduler: new TimerScheduler(), tlsLayer: 'stand-in' });
  const tracker = new SessionTracker();
  network.subscribe((event) => tracker.handle(event));
  autoRunMta(new Mta(network), network, (events) => tracker.mta(events));
  const persistent = !replay && stored.kind !== 'broken';
  const saver = new SaveScheduler(() => {
    saveWorld(storage, network.world);
  });
  if (persistent) {
    world.store.subscribe(() => saver.request());
    network.subscribe((event) => {
      if (event.type === 'engine' || event.type === 'session-closed') saver.request();
    });
    if (typeof window !== 'undefined') window.addEventListener('pagehide', () => saver.flush());
  }
  return {
    network,
    connector: new VirtualConnector(network, { tlsLayer: 'stand-in' }),
    tracker,
    origin: replay ? 'replay' : stored.kind === 'ok' ? 'stored' : stored.kind === 'broken' ? 'broken' : 'default',
    problem: stored.kind === 'broken' ? { error: stored.error, raw: stored.raw } : null,
    replay,
    persistent,
    save: () => {
      if (!persistent) return;
      saver.request();
      saver.flush();
    },
    stop: () => saver.stop(),
  };
}

/** Storage that can also forget a key (localStorage can; the terminal's interface need not). */
type ForgettingStorage = KeyValueStorage & { removeItem?(key: string): void };

/** Forgets the saved world and reloads on the default one (one click in the lab). */
export function resetWorld(storage: ForgettingStorage = pageStorage()): void {
  current?.stop();
  if (storage.removeItem) storage.removeItem(WORLD_KEY);
  else storage.setItem(WORLD_KEY, '');
  reloadWithoutHash();
}

/** Stores `json` (already checked by the caller) as the world and reloads onto it. */
export function replaceWorld(json: string, storage: KeyValueStorage = pageStorage()): void {
  current?.stop();
  storage.setItem(WORLD_KEY, json);
  reloadWithoutHash();
}

/** Reloads the lab without its hash (so a replay link does not run again). */
export function reloadWithoutHash(): void {
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  location.reload();
}
