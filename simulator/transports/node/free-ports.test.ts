import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePorts } from './free-ports.ts';

describe('freePorts', () => {
  it('never gives the same port twice in one set', async () => {
    // Sequential listen-and-close repeats a port in about 1 of 300 sets of eight; 1,500 sets would
    // show that with high odds.
    for (let set = 0; set < 1500; set++) {
      const ports = await freePorts(8);
      expect(new Set(ports).size).toBe(8);
    }
  });

  it('gives ports that are closed again, so a server can bind them', async () => {
    const [port] = await freePorts(1);
    const server = createServer();
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', ok);
    });
    await new Promise<void>((ok) => server.close(() => ok()));
  });
});
