/**
 * A large FETCH leaves in parts: the first part comes with the command together with a timer at
 * `now` (the transport sends what is there, then ticks the engine), the rest on `tick`, the tagged
 * OK last; commands pipelined behind it wait their turn (the `responding` state).
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
  it('a first part at once with a tick asked for now, the rest on tick, then OK; a pipelined NOOP after it', () => {
    const { server, driver, total } = bigMailbox();
    const first = driver.send('c FETCH 1:* (BODY.PEEK[])\r\nd NOOP\r\n');
    expect(driver.outputs.filter((o) => o.type === 'timer' && o.at === driver.now)).toHaveLength(1);
    expect(server.state).toBe('responding');
    expect(fetched(first)).toBeGreaterThan(0);
    expect(fetched(first)).toBeLessThan(total);
    expect(first.some((l) => /^[cd] /.test(l))).toBe(false);
    const all = [...first];
    for (let i = 0; i < total && !all.some((l) => l.startsWith('c OK')); i++) all.push(...driver.tick());
    expect(fetched(all)).toBe(total);
    const tagged = all.filter((l) => /^[cd] /.test(l));
    expect(tagged).toEqual(['c OK FETCH completed', 'd OK NOOP completed']);
    expect(server.state).toBe('selected');
  });

  it('small responses leave in parts of at most 100 messages, though all 403 fit the first part’s octets', () => {
    const { driver, total } = bigMailbox();
    const parts = [fetched(driver.send('c FETCH 1:* (FLAGS)\r\n'))];
    for (let i = 0; i < total && parts.reduce((a, b) => a + b, 0) < total; i++) parts.push(fetched(driver.tick()));
    expect(parts).toEqual([100, 100, 100, 100, total - 400]);
  });

  it('a small FETCH is one response in the one call, with no tick asked for', () => {
    const world = freshWorld();
    const driver = new EngineDriver(imapServer(world));
    driver.start();
    driver.send('a LOGIN alice wonderland\r\nb SELECT INBOX\r\n');
    const before = driver.outputs.length;
    const lines = driver.send('c FETCH 1:* (BODY.PEEK[])\r\n');
    expect(fetched(lines)).toBe(3);
    expect(lines.at(-1)).toBe('c OK FETCH completed');
    expect(driver.outputs.slice(before).some((o) => o.type === 'timer' && o.at === driver.now)).toBe(false);
  });
});
