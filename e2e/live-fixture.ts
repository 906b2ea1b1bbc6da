/**
 * Real mail servers for the live-mode specs: Dovecot and Postfix on loopback with a throwaway CA
 * (simulator/transports/relay/live-servers.ts), and two relays of the spec's own that may reach
 * them: one trusting the test CA, one that does not (to see the certificate question).
 * Started once per worker; the live specs run serially in one worker.
 */
import { rmSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { startLiveServers, type LiveServers } from '../simulator/transports/relay/live-servers.ts';
import { startRelay, type RelayHandle } from '../simulator/transports/relay/server.ts';
import { makeTestPki } from '../simulator/transports/relay/test-pki.ts';

export interface LiveLab {
  servers: LiveServers;
  /** A relay that trusts the test CA (like `npm run relay -- --allow-private --allow-port … --ca ca.crt`). */
  relayUrl: string;
  /** The same, without the test CA: every certificate is untrusted. */
  untrustedRelayUrl: string;
  /** Every stream byte the trusted relay forwarded so far (what its operator could read); clear with length = 0. */
  relayCapture: Buffer[];
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
        const relayCapture: Buffer[] = [];
        relays.push(await startRelay({ ...options, ca: pki.caCert }, { ...quiet, tap: (_, bytes) => relayCapture.push(Buffer.from(bytes)) }));
        relays.push(await startRelay(options, quiet));
        await use({ servers, relayUrl: relays[0]!.url, untrustedRelayUrl: relays[1]!.url, relayCapture });
      } finally {
        for (const r of relays) await r.close();
        servers.stop();
        rmSync(pki.dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

/**
 * On /live/, "Run on both" with the live side pointed at the fixture's Dovecot IMAP port; returns
 * when both sides are done. Fields are filled only once the island has hydrated (Astro drops the
 * ssr attribute then), or React resets them.
 */
export async function runOnBoth(page: Page, liveLab: LiveLab): Promise<void> {
  await page.goto('/live/');
  await page.evaluate((url) => localStorage.setItem('mailwire:relay-url', url), liveLab.relayUrl);
  await page.locator('.mw-compare').scrollIntoViewIfNeeded();
  await page.locator('astro-island:not([ssr])').filter({ has: page.locator('.mw-compare') }).waitFor();
  const liveSide = page.locator('.mw-compare__form fieldset').last();
  await liveSide.getByLabel('Host').fill('localhost');
  await liveSide.getByLabel('Port').fill(String(liveLab.servers.ports.imap));
  await page.getByRole('button', { name: 'Run on both' }).click();
  await expect(page.getByRole('status')).toHaveText(/Done/, { timeout: 20_000 });
}

export { expect };
