/** What the lab has saved in the page's IndexedDB (site/world/world-db.ts), read in the page. */
import type { Page } from '@playwright/test';

export interface StoredHosts {
  hosts: Array<{ name: string; settings: { disabled: string[] } }>;
}

/** The saved world record, or null when there is none. */
export async function storedWorld(page: Page): Promise<StoredHosts | null> {
  return page.evaluate(
    () =>
      new Promise<StoredHosts | null>((resolve, reject) => {
        const open = indexedDB.open('mailwire');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('world')) {
            db.close();
            return resolve(null);
          }
          const get = db.transaction('world').objectStore('world').get('world');
          get.onsuccess = () => {
            db.close();
            resolve((get.result as StoredHosts | undefined) ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** The names of the disabled extensions per host in the saved world, or null without one. */
export async function storedDisabled(page: Page): Promise<Record<string, string[]> | null> {
  const world = await storedWorld(page);
  return world ? Object.fromEntries(world.hosts.map((h) => [h.name, h.settings.disabled])) : null;
}
