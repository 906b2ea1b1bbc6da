import { describe, expect, it } from 'vitest';
import { defaultWorld } from '../../simulator/world/world.ts';
import { worldToJson } from '../../simulator/world/serialize.ts';
import { seededRandom } from '../../simulator/random.ts';
import { encodeBase64 } from '../../simulator/wire/base64.ts';
import { utf8Bytes } from '../../simulator/wire/bytes.ts';
import { MemoryStorage } from '../browser/page-storage.ts';
import { createPageWorld } from './page-network.ts';
import { keyValueWorldDb } from './persist.ts';
import { decodeReplay, encodeReplay, SEED_BYTES, type ReplayScript } from './replay.ts';
import { MAX_LINK_CHARS, packWorld, replayLink, unpackWorld } from './replay-world.ts';
import { soleTab } from './tab-guard.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const SCRIPT: ReplayScript = { terminals: [['/connect mail.example.com 995', 'QUIT']], order: [0, 0], seed: new Uint8Array(SEED_BYTES).fill(7), startedAt: T0, times: [T0 + 1000, T0 + 2000], step: 1 };

/** The default world with one more message in alice's INBOX (as an earlier session left it). */
function changedWorld(body = 'Subject: earlier\r\n\r\nhello\r\n'): string {
  const world = defaultWorld(T0);
  world.store.append('alice@example.com', 'INBOX', utf8Bytes(body), { internalDate: T0 });
  return worldToJson(world);
}

/** The link with its `&w=` parameter replaced (or dropped, for null). */
function withWorldParam(hash: string, w: string | null): string {
  return hash.replace(/&w=[^&]*/, w === null ? '' : `&w=${w}`);
}

describe('a replay link carries the start world when it is not the default one', () => {
  it('leaves it out for the default world (a version 2 link, as before)', async () => {
    const made = await replayLink(SCRIPT, worldToJson(defaultWorld(T0)), T0);
    if (!made.ok) throw new Error('no link');
    expect(made.hash).toBe(encodeReplay(SCRIPT));
    expect(decodeReplay(made.hash)!.world).toBeUndefined();
  });

  it('carries a changed world, deflated, and gives it back exactly', async () => {
    const json = changedWorld();
    const made = await replayLink(SCRIPT, json, T0);
    if (!made.ok) throw new Error('no link');
    const decoded = decodeReplay(made.hash)!;
    expect(decoded).toMatchObject({ ...SCRIPT, step: 1 });
    const back = await unpackWorld(decoded.world!);
    expect(back.ok && back.value.json).toBe(json);
    // Deflate earns its place: the whole link is much shorter than the JSON it carries.
    expect(made.hash.length).toBeLessThan(json.length / 2);
  });

  it('refuses a damaged world with a clear reason, and the page runs no replay but says why', async () => {
    const made = await replayLink(SCRIPT, changedWorld(), T0);
    if (!made.ok) throw new Error('no link');
    const packed = decodeReplay(made.hash)!.world!;
    const cut = await unpackWorld(packed.slice(0, packed.length >> 1));
    expect(cut).toEqual({ ok: false, error: expect.stringMatching(/damaged .*does not inflate/) });
    const notWorld = await unpackWorld(await packWorld('{"format":"something else"}'));
    expect(notWorld).toEqual({ ok: false, error: expect.stringMatching(/^the world it carries cannot be read: /) });

    // A version 3 link without its world, or with one that is not base64url, is no link at all.
    expect(made.hash).toMatch(/^#replay=[A-Za-z0-9_-]+&w=[A-Za-z0-9_-]+&step=1$/);
    expect(decodeReplay(withWorldParam(made.hash, null))).toBeNull();
    expect(decodeReplay(withWorldParam(made.hash, '!!'))).toBeNull();
    expect(decodeReplay(withWorldParam(made.hash, ''))).toBeNull();

    // The page: the damaged world is refused, the learner's own (default) world runs, with the reason.
    const damaged = withWorldParam(made.hash, '____');
    const carried = await unpackWorld(decodeReplay(damaged)!.world!);
    const page = createPageWorld({ stored: { kind: 'none' }, hash: damaged, db: keyValueWorldDb(new MemoryStorage()), tab: soleTab(), linkWorld: carried });
    expect(page.replay).toBeNull();
    expect(page.origin).toBe('default');
    expect(page.replayProblem).toMatch(/^This replay link was not run: the world it carries is damaged/);

    // A sound one runs on the world it carries.
    const sound = decodeReplay(made.hash)!;
    const ok = createPageWorld({ stored: { kind: 'none' }, hash: made.hash, db: keyValueWorldDb(new MemoryStorage()), tab: soleTab(), linkWorld: await unpackWorld(sound.world!) });
    expect(ok.origin).toBe('replay');
    expect(ok.replayProblem).toBeNull();
    expect(ok.origins.startWorld).toBe(changedWorld());
    expect(ok.network.world.store.mailbox('alice@example.com', 'INBOX')!.messages.length).toBe(defaultWorld(T0).store.mailbox('alice@example.com', 'INBOX')!.messages.length + 1);
  });

  it('makes no link for a world too large to carry, instead of a link that replays something else', async () => {
    // Random octets do not compress: 300 KiB of them, as a message's base64 body.
    const noise = encodeBase64(seededRandom(utf8Bytes('noise')).bytes(300 * 1024)).replace(/.{76}/g, '$&\r\n');
    const made = await replayLink(SCRIPT, changedWorld(`Subject: big\r\n\r\n${noise}\r\n`), T0);
    expect(made).toEqual({ ok: false, reason: 'too-large', chars: expect.any(Number) });
    expect(!made.ok && made.chars).toBeGreaterThan(MAX_LINK_CHARS);
    // A smaller one of the same kind still fits.
    const small = await replayLink(SCRIPT, changedWorld(`Subject: small\r\n\r\n${noise.slice(0, 20_000)}\r\n`), T0);
    expect(small.ok && small.hash.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
  });
});
