import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../browser/page-storage.ts';
import { createPageWorld } from './page-network.ts';
import { keyValueWorldDb, type WorldDb } from './persist.ts';
import { soleTab, type TabGuard } from './tab-guard.ts';

const RAW = new TextEncoder().encode('Subject: new\r\n\r\nhello\r\n');

/** A db that counts writes, over a real key-value one. */
function countingDb(inner: WorldDb): WorldDb & { puts: number } {
  const db = { ...inner, puts: 0 };
  db.put = async (w) => {
    db.puts++;
    await inner.put(w);
  };
  return db;
}

function readOnlyTab(): TabGuard {
  return { writer: false, state: () => 'other-open', subscribe: () => () => undefined, announceSave: () => undefined };
}

describe('the page world', () => {
  it('saves a change to the store, and tells other tabs', async () => {
    const db = countingDb(keyValueWorldDb(new MemoryStorage()));
    let announced = 0;
    const tab = { ...soleTab(), announceSave: () => void announced++ };
    const page = createPageWorld({ stored: { kind: 'none' }, hash: '', db, tab });
    page.network.world.store.append('bob@example.org', 'INBOX', RAW, { internalDate: 1 });
    page.save();
    await new Promise((r) => setTimeout(r, 10));
    expect(db.puts).toBeGreaterThan(0);
    expect(announced).toBeGreaterThan(0);
    expect(page.notice().save).toBeNull();
    page.stop();
  });

  it('a second tab is read-only: it never writes over the saved world', async () => {
    const db = countingDb(keyValueWorldDb(new MemoryStorage()));
    const page = createPageWorld({ stored: { kind: 'none' }, hash: '', db, tab: readOnlyTab() });
    expect(page.persistent).toBe(false);
    expect(page.notice().tab).toBe('other-open');
    page.network.world.store.append('bob@example.org', 'INBOX', RAW, { internalDate: 1 });
    page.save();
    await new Promise((r) => setTimeout(r, 300));
    expect(db.puts).toBe(0);
  });

  it('a refused save is reported at once, and so is the first save that works again', async () => {
    let full = true;
    const inner = keyValueWorldDb(new MemoryStorage());
    const db: WorldDb = {
      ...inner,
      put: async (w) => {
        if (full) throw new DOMException('full', 'QuotaExceededError');
        await inner.put(w);
      },
    };
    const page = createPageWorld({ stored: { kind: 'none' }, hash: '', db, tab: soleTab() });
    const seen: Array<boolean | undefined> = [];
    page.subscribeNotice(() => seen.push(page.notice().save?.ok));
    page.network.world.store.append('bob@example.org', 'INBOX', RAW, { internalDate: 1 });
    page.save();
    await new Promise((r) => setTimeout(r, 10));
    expect(page.notice().save).toEqual({ ok: false, error: 'the browser has no more storage for this site' });
    full = false;
    page.save();
    await new Promise((r) => setTimeout(r, 10));
    expect(page.notice().save).toEqual({ ok: true });
    expect(seen).toEqual([false, true]);
    page.stop();
  });
  it('saves after a message is submitted, not after every line: a NOOP or a login changes nothing to save', async () => {
    const db = countingDb(keyValueWorldDb(new MemoryStorage()));
    const page = createPageWorld({ stored: { kind: 'none' }, hash: '', db, tab: soleTab() });
    // The TLS code is loaded on the first handshake; loaded first here, so the waits below are for the sessions alone.
    await page.network.recordTls.load();
    const send = (t: ReturnType<typeof page.connector.connect>, lines: string[]): void => t.send(new TextEncoder().encode(lines.map((l) => `${l}\r\n`).join('')));
    const imap = page.connector.connect('mail.example.com', 993, { tls: 'implicit' });
    send(imap, ['a1 NOOP', 'a2 LOGIN alice wonderland', 'a3 SELECT INBOX', 'a4 NOOP']);
    await new Promise((r) => setTimeout(r, 300));
    expect(db.puts).toBe(0);
    // Alice submits mail for another host: it waits in the world's outbound queue.
    const smtp = page.connector.connect('mail.example.com', 465, { tls: 'implicit' });
    send(smtp, ['EHLO laptop', `AUTH PLAIN ${btoa('\0alice\0wonderland')}`, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: hi', '', 'hello', '.']);
    await new Promise((r) => setTimeout(r, 300));
    expect(db.puts).toBeGreaterThan(0);
    page.stop();
  });
});
