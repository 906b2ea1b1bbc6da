/**
 * The page's one virtual world and network: loaded from the page's storage (IndexedDB; a world an
 * older build kept in localStorage moves there once) or the default world, saved back whenever the
 * mail store, the queue or a host's settings change, with the MTA running so submitted mail
 * travels on. Every terminal on the page connects through `pageConnector()`.
 *
 * A replay link (`/lab/#replay=…`) runs on a fresh default world, or on the start world it carries
 * (replay-world.ts), and never touches the saved one; a link whose world is damaged is refused.
 * A saved world that cannot be read is kept as it is (the lab offers reset or download) and the
 * page runs on a default world that is not saved until the learner chooses. A second lab tab runs
 * read-only (tab-guard.ts); a save that fails is reported at once (`notices`).
 */
import type { Connector } from '../../simulator/transport.ts';
import { Mta } from '../../simulator/mta/mta.ts';
import { autoRunMta } from '../../simulator/mta/mta-driver.ts';
import { createVirtualNetwork } from '../../simulator/net/virtual-network-engines.ts';
import type { VirtualNetwork } from '../../simulator/net/virtual-network.ts';
import { defaultWorld, type World } from '../../simulator/world/world.ts';
import { VirtualConnector } from '../../simulator/transports/virtual.ts';
import { systemRandom } from '../../simulator/transports/system-random.ts';
import { seededRandom } from '../../simulator/random.ts';
import { worldToJson } from '../../simulator/world/serialize.ts';
import { pageStorage } from '../browser/page-storage.ts';
import type { KeyValueStorage } from '../browser/page-storage.ts';
import { TimerScheduler } from '../browser/timer-scheduler.ts';
import { keyValueWorldDb, loadWorld, saveWorld, SaveScheduler, WORLD_KEY, JOURNAL_KEY, writeJournal, type SaveResult, type StoredWorld, type WorldDb } from './persist.ts';
import { decodeReplay, SEED_BYTES, type ReplayScript } from './replay.ts';
import { unpackWorld } from './replay-world.ts';
import type { ReadResult } from '../../simulator/world/serialize.ts';
import { SessionTracker } from './session-tracker.ts';
import { claimTab, soleTab, type TabGuard, type TabState } from './tab-guard.ts';
import { indexedDbAvailable, indexedDbWorld } from './world-db.ts';

/** What the lab tells the learner about saving: the last save's result, other tabs, a migration. */
export interface WorldNotice {
  save: SaveResult | null;
  tab: TabState;
  migrated: boolean;
}

export interface PageWorld {
  network: VirtualNetwork;
  connector: Connector;
  tracker: SessionTracker;
  /** Where the world came from. */
  origin: 'stored' | 'default' | 'replay' | 'broken';
  /** The stored world that could not be read: why, and its raw text. */
  problem: { error: string; raw: string } | null;
  replay: ReplayScript | null;
  /** Why the replay link in the address was refused (its world is damaged), or null. */
  replayProblem: string | null;
  /**
   * The inputs besides the lines that make this world's sessions replayable (the lab's timeline):
   * the seed its randomness streams from (drawn from the system once), when it started, and the
   * world it started from (JSON).
   */
  origins: { seed: Uint8Array; startedAt: number; startWorld: string };
  /** Saves now (after a settings change), unless saving is off (replay, broken storage, read-only tab). */
  save(): void;
  /** True while the world is written to storage as it changes. */
  persistent: boolean;
  /** Stops saving for good (a reset or an import is about to reload the page). */
  stop(): void;
  notice(): WorldNotice;
  subscribeNotice(listener: () => void): () => void;
}

let current: PageWorld | null = null;
let loading: Promise<PageWorld> | null = null;

/** The page's world store: IndexedDB where the browser has it, else localStorage. */
function pageDb(): WorldDb {
  return indexedDbAvailable() ? indexedDbWorld() : keyValueWorldDb(pageStorage());
}

/** Loads the page's world (once); the lab awaits this before it renders. */
export function loadPageWorld(): Promise<PageWorld> {
  loading ??= (async () => {
    const hash = typeof location === 'undefined' ? '' : location.hash;
    const script = decodeReplay(hash);
    const linkWorld = script?.world ? await unpackWorld(script.world) : undefined;
    // A refused link opens the learner's own lab (with the reason), as if there were no link.
    const replay = script !== null && linkWorld?.ok !== false;
    const db = pageDb();
    const [stored, tab] = replay ? [{ kind: 'none' } as StoredWorld, soleTab()] : await Promise.all([loadWorld(db, pageStorage()), claimTab()]);
    current = createPageWorld({ stored, hash, db, tab, linkWorld });
    return current;
  })();
  return loading;
}

/** The page's world, once `loadPageWorld()` has resolved. */
export function pageWorld(): PageWorld {
  if (!current) throw new Error('pageWorld() before loadPageWorld() resolved');
  return current;
}

/** The network every terminal on the page shares (virtual-connector.ts can use it too). */
export function pageNetwork(): VirtualNetwork {
  return pageWorld().network;
}

export function pageConnector(): Connector {
  return pageWorld().connector;
}

export interface PageWorldInputs {
  stored: StoredWorld;
  hash: string;
  db: WorldDb;
  tab: TabGuard;
  now?: () => number;
  /** The world's random seed; drawn from the system when not given (a replay link gives its own). */
  seed?: Uint8Array;
  /** The start world the link in `hash` carries, inflated (replay-world.ts `unpackWorld`). */
  linkWorld?: ReadResult<{ world: World; json: string }>;
}

/** An SMTP engine's `message` event: mail accepted, some of it queued for other hosts (simulator/smtp/session.ts). */
function changesWorld(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { kind?: unknown }).kind === 'message';
}

export function createPageWorld({ stored, hash, db, tab, now = () => Date.now(), seed, linkWorld }: PageWorldInputs): PageWorld {
  const decoded = decodeReplay(hash);
  // A link that carries a world replays only from it: without it (or damaged), no replay at all.
  const carried = decoded?.world ? (linkWorld ?? { ok: false as const, error: 'the world it carries was not read' }) : null;
  const replay = carried?.ok === false ? null : decoded;
  const replayProblem = carried?.ok === false ? `This replay link was not run: ${carried.error}.` : null;
  const startedAt = replay?.startedAt ?? now();
  const world = carried?.ok ? carried.value.world : stored.kind === 'ok' ? stored.world : defaultWorld(startedAt);
  const startWorld = carried?.ok ? carried.value.json : worldToJson(world);
  const origins = { seed: seed ?? replay?.seed ?? systemRandom().bytes(SEED_BYTES), startedAt, startWorld };
  // Real TLS 1.3 records on the wire (loaded on the first handshake): the session log holds the
  // ciphertext, as a capture must, and beside each record the plaintext its sender knew, which
  // the panels explain line by line (session-tracker.ts). Keys and nonces come from the seed, so
  // the timeline replays the same bytes.
  const network = createVirtualNetwork(world, { now, scheduler: new TimerScheduler(now), random: seededRandom(origins.seed), tlsLayer: 'records' });
  const tracker = new SessionTracker();
  network.subscribe((event) => tracker.handle(event));
  const persistent = !replay && stored.kind !== 'broken' && tab.writer;
  const listeners = new Set<() => void>();
  let notice: WorldNotice = { save: null, tab: tab.state(), migrated: stored.kind === 'ok' && stored.migrated };
  const setNotice = (next: Partial<WorldNotice>): void => {
    notice = { ...notice, ...next };
    for (const l of listeners) l();
  };
  tab.subscribe(() => setNotice({ tab: tab.state() }));
  const saver = new SaveScheduler(async () => {
    const result = await saveWorld(db, network.world);
    // Only a change is news: a failure, or the first success after one.
    if (!result.ok || notice.save?.ok === false) setNotice({ save: result });
    if (result.ok) tab.announceSave();
  });
  autoRunMta(new Mta(network), network, (events) => {
    tracker.mta(events);
    // The MTA moved queued mail on (delivered, retried, bounced): the queue is part of the world.
    if (persistent) saver.request();
  });
  if (persistent) {
    world.store.subscribe(() => saver.request());
    // Of the engines' events only a submitted message changes the world (the outbound queue);
    // a NOOP, a state change or a login does not, and saving the whole world after every line
    // put a long task in the way of the learner's next keypress.
    network.subscribe((event) => {
      if ((event.type === 'engine' && changesWorld(event.event)) || event.type === 'session-closed') saver.request();
    });
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', () => {
        // The IndexedDB write begun now may not commit before the page is gone (a reload right
        // after a delivery): a synchronous copy in localStorage covers it (persist.ts, JOURNAL_KEY).
        if (saver.pending()) writeJournal(pageStorage(), network.world);
        void saver.flush();
      });
    }
  }
  return {
    network,
    connector: new VirtualConnector(network),
    tracker,
    origin: replay ? 'replay' : stored.kind === 'ok' ? 'stored' : stored.kind === 'broken' ? 'broken' : 'default',
    problem: stored.kind === 'broken' ? { error: stored.error, raw: stored.raw } : null,
    replay,
    replayProblem,
    origins,
    persistent,
    save: () => {
      if (!persistent) return;
      saver.request();
      void saver.flush();
    },
    stop: () => saver.stop(),
    notice: () => notice,
    subscribeNotice: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Storage that can also forget a key (localStorage can; the terminal's interface need not). */
type ForgettingStorage = KeyValueStorage & { removeItem?(key: string): void };

/** Forgets the saved world (and any older build's copy) and reloads on the default one. */
export async function resetWorld(db: WorldDb = pageDb(), storage: ForgettingStorage = pageStorage()): Promise<void> {
  current?.stop();
  await db.remove();
  for (const key of [WORLD_KEY, JOURNAL_KEY]) {
    if (storage.removeItem) storage.removeItem(key);
    else storage.setItem(key, '');
  }
  reloadWithoutHash();
}

/**
 * Stores `world` (an import) as the saved world and reloads onto it; says why when the storage
 * refuses, and then keeps the world that was saved before.
 */
export async function replaceWorld(world: World, db: WorldDb = pageDb()): Promise<SaveResult> {
  current?.stop();
  const saved = await saveWorld(db, world);
  if (saved.ok) reloadWithoutHash();
  return saved;
}

/** Reloads the lab without its hash (so a replay link does not run again). */
export function reloadWithoutHash(): void {
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  location.reload();
}
