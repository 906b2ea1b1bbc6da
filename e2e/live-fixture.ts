/**
 * Real mail servers for the live-mode specs: Dovecot and Postfix on loopback with a throwaway CA
 * (simulator/transports/relay/live-servers.ts), and two relays of the spec's own that may reach
 * them: one trusting the test CA, one that does not (to see the certificate question).
 * Started once per worker; the live specs run serially in one worker.
 */
import { rmSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { startLiveServers, type LiveServers } from '../simulator/transports/relay/live-servers.ts';
import { startRelay, type RelayHandle } from '../simulator/transports/relay/server.ts';
import { makeTestPki } from '../simulator/transports/relay/test-pki.ts';

export interface LiveLab {
  servers: LiveServers;
  /** A relay that trusts the test CA (like `npm run relay -- --allow-private --allow-port … --ca ca.crt`). */
  relayUrl: string;
  /** The same, without the test CA: every certificate is untrusted. */
  untrustedRelayUrl: string;
}

export const test = base.extend<object, { liveLab: LiveLab }>({
  liveLab: [
    async ({}, use, workerInfo) => {
      const pki = makeTestPki(['localhost', 'mail.test']);
      const servers = await startLiveServers(pki);
      const relays: RelayHandle[] = [];
      try {
        const base = workerInfo.project.use.baseURL;
        const options = {
          host: '127.0.0.1',
          port: 0,
          allowPrivate: true,
          allowPorts: Object.values(servers.ports),
          // The page's origin only, as `--origin` would say.
          origins: base ? [new URL(base).origin] : [],
        };
        const quiet = { log: () => undefined };
        relays.push(await startRelay({ ...options, ca: pki.caCert }, quiet));
        relays.push(await startRelay(options, quiet));
        await use({ servers, relayUrl: relays[0]!.url, untrustedRelayUrl: relays[1]!.url });
      } finally {
        for (const r of relays) await r.close();
        servers.stop();
        rmSync(pki.dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

export { expect } from '@playwright/test';
