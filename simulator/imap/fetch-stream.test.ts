/**
 * A large FETCH leaves in parts when the transport can wake the engine (MoreReply): the first
 * part comes with the command, the rest on `tick`, the tagged OK last; commands pipelined behind
 * it wait their turn. Without a waker the whole response comes at once, as before.
 */
import { describe, expect, it } from 'vitest';
import { EngineDriver } from '../testing/transcript.ts';
import { freshWorld, imapServer, T0 } from './test-helpers.ts';

const COUNT = 400;

function bigMailbox() {
  const world = freshWorld();
  const body = 'Subject: big\r\n\r\n' + 'x'.repeat(2000) + '\r\n';
  for (let i = 0; i < COUNT; i++) world.store.append('alice@example.com', 'INBOX', new TextEncoder().encode(body), { internalDate: T0 });
  const server = imapServer(world);
  const driver = new EngineDriver(server);
  driver.start();
  driver.send('a LOGIN alice wonderland\r\nb SELECT INBOX\r\n');
  return { server, driver, total: world.store.mailbox('alice@example.com', 'INBOX')!.messages.length };
}

const fetched = (lines: string[]): number => lines.filter((l) => /^\* \d+ FETCH /.test(l)).length;

describe('FETCH in parts', () => {
  it('with a waker: a first part at once, the rest on tick, then OK; a pipelined NOOP after it', () => {
    const { server, driver, total } = bigMailbox();
    let wakes = 0;
    server.waker = () => void wakes++;
    const first = driver.send('c FETCH 1:* (BODY.PEEK[])\r\nd NOOP\r\n');
    expect(wakes).toBe(1);
    expect(fetched(first)).toBeGreaterThan(0);
    expect(fetched(first)).toBeLessThan(total);
    expect(first.some((l) => /^[cd] /.test(l))).toBe(false);
    const all = [...first];
    for (let i = 0; i < total && !all.some((l) => l.startsWith('c OK')); i++) all.push(...driver.tick());
    expect(fetched(all)).toBe(total);
    const tagged = all.filter((l) => /^[cd] /.test(l));
    expect(tagged).toEqual(['c OK FETCH completed', 'd OK NOOP completed']);
  });

  it('without a waker: the whole response in the one call', () => {
    const { driver, total } = bigMailbox();
    const lines = driver.send('c FETCH 1:* (BODY.PEEK[])\r\n');
    expect(fetched(lines)).toBe(total);
    expect(lines.at(-1)).toBe('c OK FETCH completed');
  });
});
