/**
 * For a test file that needs the real Dovecot and Postfix (live-servers.ts): started once with a
 * throwaway CA before the file's tests, stopped and the CA's files removed after them.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { startLiveServers, type LiveServers } from './live-servers.ts';
import { makeTestPki, type TestPki } from './test-pki.ts';

export interface LiveSuite {
  readonly servers: LiveServers;
  readonly pki: TestPki;
}

export function liveSuite(): LiveSuite {
  let servers: LiveServers | undefined;
  let pki: TestPki | undefined;
  beforeAll(async () => {
    pki = makeTestPki(['localhost', 'mail.test']);
    servers = await startLiveServers(pki);
  }, 60_000);
  afterAll(() => {
    servers?.stop();
    if (pki) rmSync(pki.dir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the live servers are used before beforeAll started them');
    return value;
  };
  return {
    get servers() {
      return started(servers);
    },
    get pki() {
      return started(pki);
    },
  };
}
