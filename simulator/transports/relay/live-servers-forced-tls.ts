/**
 * The live suite's Dovecot and Postfix (live-servers.ts) restricted to TLS 1.3 with one cipher
 * suite, or one key-exchange group, so an interop test can check each suite and group in turn
 * against real servers (issue 18, "each suite and group forced in turn on the server side").
 *
 * How each server is told, as Debian 12 ships them:
 * - Dovecot 2.3.19: `ssl_min_protocol = TLSv1.3`, `ssl_cipher_suites` (OpenSSL's TLS 1.3
 *   Ciphersuites list) and `ssl_curve_list` (groups), all dovecot.conf settings.
 * - Postfix 3.7.11: `smtpd_tls_protocols` / `smtpd_tls_mandatory_protocols = >=TLSv1.3`,
 *   `tls_eecdh_auto_curves` for groups; it has no setting for TLS 1.3 suites, so
 *   `tls_config_file` (Postfix >= 3.7.6) loads an OpenSSL configuration whose `system_default`
 *   section sets `Ciphersuites`, under the application name `tls_config_name`.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GroupName } from '../../tls/v13/groups.ts';
import type { SuiteName } from '../../tls/v13/suites.ts';
import { startLiveServers, type LiveServerExtras, type LiveServers } from './live-servers.ts';
import type { TestPki } from './test-pki.ts';

export type ForcedTls = { suite: SuiteName } | { group: GroupName };

/** OpenSSL's names for the groups (SSL_CTX_set1_groups_list, which both servers call). */
const OPENSSL_GROUP: Record<GroupName, string> = { x25519: 'X25519', secp256r1: 'prime256v1' };
const APP_NAME = 'mailwire_forced';

export function describeForced(forced: ForcedTls): string {
  return 'suite' in forced ? forced.suite : forced.group;
}

/** An OpenSSL configuration (config(5), "SSL Configuration Module") for one TLS 1.3 suite. */
function opensslConf(suite: SuiteName): string {
  return `${APP_NAME} = forced_conf
[forced_conf]
ssl_conf = forced_ssl
[forced_ssl]
system_default = forced_tls
[forced_tls]
MinProtocol = TLSv1.3
Ciphersuites = ${suite}
`;
}

/** The configuration lines for both servers; `confPath` is where an OpenSSL file for Postfix goes. */
export function forcedTlsExtras(forced: ForcedTls, confPath: string): { extras: LiveServerExtras; openssl: string | null } {
  const dovecot = ['', 'ssl_min_protocol = TLSv1.3'];
  const postfix = ['', 'smtpd_tls_protocols = >=TLSv1.3', 'smtpd_tls_mandatory_protocols = >=TLSv1.3'];
  let openssl: string | null = null;
  if ('suite' in forced) {
    dovecot.push(`ssl_cipher_suites = ${forced.suite}`);
    openssl = opensslConf(forced.suite);
    postfix.push(`tls_config_file = ${confPath}`, `tls_config_name = ${APP_NAME}`);
  } else {
    dovecot.push(`ssl_curve_list = ${OPENSSL_GROUP[forced.group]}`);
    postfix.push(`tls_eecdh_auto_curves = ${OPENSSL_GROUP[forced.group]}`);
  }
  return { extras: { dovecot: `${dovecot.join('\n')}\n`, postfix: `${postfix.join('\n')}\n` }, openssl };
}

/** Starts a Dovecot and a Postfix that speak TLS 1.3 with only the forced suite or group. */
export async function startForcedTlsServers(pki: TestPki, forced: ForcedTls): Promise<LiveServers> {
  const dir = mkdtempSync(join(tmpdir(), 'mailwire-forced-tls-'));
  // Postfix's smtpd reads the file as the postfix user.
  chmodSync(dir, 0o755);
  const confPath = join(dir, 'openssl.cnf');
  const { extras, openssl } = forcedTlsExtras(forced, confPath);
  if (openssl !== null) writeFileSync(confPath, openssl, { mode: 0o644 });
  let servers: LiveServers;
  try {
    servers = await startLiveServers(pki, extras);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...servers,
    stop() {
      servers.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
