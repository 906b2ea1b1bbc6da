/**
 * Dovecot and Postfix on loopback for the side-by-side rows, started the way the bridge tests
 * start them (simulator/transports/relay/live-servers.ts). The bench's IMAP mailbox lives in an
 * mdbox namespace ("Bench/"), Dovecot's fast storage; INBOX stays the maildir Postfix delivers to.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startLiveServers, type LiveServers } from '../simulator/transports/relay/live-servers.ts';
import { makeTestPki } from '../simulator/transports/relay/test-pki.ts';

/** The IMAP mailbox the real-client rows use on every server. */
export const BENCH_MAILBOX = 'Bench/messages';

/** Why the reference servers cannot run here, or null when they can. */
export function referenceUnavailable(): string | null {
  if (process.platform !== 'linux') return 'Dovecot and Postfix are started on Linux only';
  if (process.getuid?.() !== 0) return 'starting Dovecot and Postfix needs root';
  for (const bin of ['/usr/sbin/dovecot', '/usr/sbin/postfix']) if (!existsSync(bin)) return `${bin} is not installed (scripts/install-live-servers.sh)`;
  return null;
}

export async function startReferenceServers(): Promise<LiveServers> {
  const live = await startLiveServers(makeTestPki(['localhost', 'mail.test']));
  try {
    const mdbox = join(live.dir, 'mdbox');
    mkdirSync(mdbox);
    execFileSync('chown', ['dovecot:dovecot', mdbox]);
    const conf = join(live.dir, 'dovecot.conf');
    appendFileSync(conf, `
namespace inbox {
  inbox = yes
  separator = /
}
namespace bench {
  prefix = Bench/
  separator = /
  location = mdbox:${mdbox}/%n
}
`);
    execFileSync('dovecot', ['-c', conf, 'reload'], { stdio: 'ignore' });
    // The reload is asynchronous: give the master a moment to re-read its configuration.
    await new Promise((ok) => setTimeout(ok, 1000));
    return live;
  } catch (error) {
    live.stop();
    throw error;
  }
}
