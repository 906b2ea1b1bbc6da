import { describe, expect, it } from 'vitest';
import { createMailwireStore } from '../store/store.ts';
import { hostsOf } from './connector.ts';
import { makeHarness } from './testing/harness.ts';
import { createVirtualConnector } from './virtual-connector.ts';

describe('the terminal on the virtual network (ready for the switch in connector.ts)', () => {
  it('lists the default world\'s hosts', () => {
    expect(hostsOf(createVirtualConnector()).map((h) => h.name)).toEqual(['mail.example.com', 'mail.example.org']);
  });

  it('greets on port 25 and answers EHLO', async () => {
    const h = makeHarness({ connector: createVirtualConnector(), store: createMailwireStore(), cols: 120 });
    h.enter('/connect mail.example.com 25');
    await h.shows(/^220 mail\.example\.com/);
    h.enter('EHLO client.example');
    await h.shows(/^250 /);
    h.enter('QUIT');
    await h.shows(/Connection closed by the server/);
  });

  it('gives a clear answer for a host that does not exist', async () => {
    const h = makeHarness({ connector: createVirtualConnector(), cols: 120 });
    h.enter('/connect nowhere.example 25');
    await h.shows(/nowhere\.example.*no such host/);
  });
});
