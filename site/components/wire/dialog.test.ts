import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../../simulator/net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../../../simulator/net/virtual-network-engines.ts';
import type { ConnectOptions } from '../../../simulator/net/virtual-network.ts';
import { defaultWorld } from '../../../simulator/world/world.ts';
import { tlsAgreed } from '../../../simulator/observe/index.ts';
import { Dialog } from './dialog.ts';
import { testRandom } from '../../../simulator/testing/random.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

function open(port: number, options: ConnectOptions = {}) {
  const scheduler = new ManualScheduler(T0);
  const network = createVirtualNetwork(defaultWorld(T0), { now: scheduler.clock, scheduler, random: testRandom(), strict: true, tlsLayer: 'records' });
  const result = network.connect('mail.example.com', port, { tls: port === 993 ? 'implicit' : 'none', ...options });
  if (!result.ok) throw new Error(result.message);
  let changes = 0;
  const dialog = new Dialog(result.connection, 'mail.example.com', () => changes++);
  return { dialog, network, changes: () => changes };
}

/** What the console does with a typed line. */
async function type(dialog: Dialog, line: string): Promise<string> {
  const reply = await dialog.say(line);
  if (tlsAgreed(line, reply)) await dialog.startTls();
  return reply;
}

describe('Dialog (the client console)', () => {
  it('sends typed lines and collects the replies, line by line', async () => {
    const { dialog, changes } = open(110);
    await dialog.settle();
    expect(dialog.lines[0]).toMatchObject({ kind: 'received', text: expect.stringMatching(/^\+OK/) });
    expect(await type(dialog, 'USER alice@example.com')).toMatch(/^-ERR \[AUTH\]/);
    expect(dialog.lines.at(-2)).toEqual({ kind: 'sent', text: 'USER alice@example.com' });
    expect(changes()).toBeGreaterThan(2);
  });

  it('starts TLS after STLS is accepted and notes the handshake summary', async () => {
    const { dialog } = open(110);
    await dialog.settle();
    await type(dialog, 'STLS');
    expect(dialog.tls).toMatchObject({ version: 'TLSv1.3', authorized: true });
    expect(dialog.lines.find((l) => l.text.startsWith('TLS started'))?.text).toMatch(/name matches mail\.example\.com; trusted$/);
    expect(await type(dialog, 'USER alice@example.com')).toMatch(/^\+OK/);
    expect(await type(dialog, 'PASS wonderland')).toMatch(/^\+OK/);
    const wire = dialog.connection.session.entries;
    expect(wire.filter((e) => !e.tls).length).toBe(3);
  });

  it('reports a refused certificate as an error and closes', async () => {
    const { dialog } = open(993, { attack: { impostor: true } });
    await dialog.settle();
    expect(dialog.open).toBe(false);
    expect(dialog.error).toMatch(/unknown_ca/);
    expect(await dialog.say('a1 NOOP')).toBe('');
  });
});
