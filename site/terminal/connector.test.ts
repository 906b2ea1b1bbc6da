import { describe, expect, it } from 'vitest';
import type { TransportEvent } from '../../simulator/transport.ts';
import { defaultWorld } from '../../simulator/world/world.ts';
import { EventQueue, RefusingConnector, createConnector, hostsOf } from './connector.ts';

describe('createConnector', () => {
  it('reaches the virtual network, whose hosts refuse a port nothing listens on', async () => {
    const t = createConnector().connect('mail.example.com', 26);
    const events: TransportEvent[] = [];
    t.on((e) => events.push(e));
    expect(events).toEqual([]);
    for (let i = 0; i < 50 && events.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(events.map((e) => e.type)).toEqual(['error', 'closed']);
    expect(events[0]).toMatchObject({ type: 'error', code: 'REFUSED' });
    expect(t.tls).toBeNull();
  });

  it('holds events for a handler that registers late', async () => {
    const t = new RefusingConnector().connect('nowhere.example', 25);
    await Promise.resolve();
    await Promise.resolve();
    const events: string[] = [];
    t.on((e) => events.push(e.type));
    await Promise.resolve();
    expect(events).toEqual(['error', 'closed']);
  });
});

describe('EventQueue', () => {
  it('delivers in order and stops after unsubscribe', async () => {
    const q = new EventQueue();
    const seen: string[] = [];
    const off = q.on((e) => seen.push(e.type));
    q.emit({ type: 'open', remote: 'x', port: 1 });
    q.emit({ type: 'data', bytes: new Uint8Array() });
    await Promise.resolve();
    off();
    q.emit({ type: 'closed', by: 'server' });
    await Promise.resolve();
    expect(seen).toEqual(['open', 'data']);
  });
});

describe('hostsOf', () => {
  it('lists nothing for a network that knows no hosts', () => {
    expect(hostsOf(new RefusingConnector())).toEqual([]);
  });

  it('lists the hosts of a connector that runs a virtual world', () => {
    const connector = Object.assign(new RefusingConnector(), { world: defaultWorld(0) });
    expect(hostsOf(connector)).toEqual([
      { name: 'mail.example.com', domains: ['example.com'], ports: [25, 465, 587, 2525, 110, 995, 143, 993] },
      { name: 'mail.example.org', domains: ['example.org'], ports: [25, 465, 587, 2525, 110, 995, 143, 993] },
    ]);
  });

  it('prefers a connector\'s own directory', () => {
    const connector = Object.assign(new RefusingConnector(), { hosts: () => [{ name: 'relay', domains: [], ports: [25] }] });
    expect(hostsOf(connector)).toEqual([{ name: 'relay', domains: [], ports: [25] }]);
  });
});
