/**
 * Real mail servers nobody here wrote, started on loopback for the bridge tests: Debian's Dovecot
 * (IMAP 143-style + STARTTLS, 993, POP3 + STLS, 995) and Postfix (SMTP + STARTTLS, 465, and both
 * again held to TLS 1.2), sharing one user through Dovecot's SASL, with Postfix delivering into the
 * maildir Dovecot serves.
 * Needs root and the Debian packages (scripts/install-live-servers.sh installs them).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../node/free-ports.ts';
import type { TestPki } from './test-pki.ts';

export interface LivePorts {
  imap: number;
  imaps: number;
  pop3: number;
  pop3s: number;
  smtp: number;
  smtps: number;
  /** Postfix again, held to TLS 1.2 at most: a server without TLS 1.3 (STARTTLS, then implicit TLS). */
  smtpTls12: number;
  smtpsTls12: number;
}

export interface LiveServers {
  ports: LivePorts;
  user: { login: string; password: string; address: string };
  dir: string;
  stop(): void;
}

function ids(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, name]).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

const WELCOME = [
  'From: Postmaster <postmaster@mail.test>',
  'To: alice@mail.test',
  'Subject: Hello from Dovecot',
  'Date: Thu, 26 Nov 2026 08:00:00 +0000',
  'Message-ID: <hello.1@mail.test>',
  '',
  'This message sits in a real Dovecot maildir.',
  '',
].join('\r\n');

function dovecotConfig(dir: string, pki: TestPki, ports: LivePorts): string {
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap pop3
listen = 127.0.0.1
ssl = yes
ssl_cert = <${pki.certPath}
ssl_key = <${pki.keyPath}
# Loopback counts as secure to Dovecot; refuse plaintext auth anyway, as on a real network.
disable_plaintext_auth = yes
login_trusted_networks =
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%n/Maildir
first_valid_uid = 1
pop3_uidl_format = %08Xu%08Xv
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n ${dir}/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${dir}/home/%n
}
service auth {
  unix_listener auth-postfix {
    mode = 0666
  }
}
service imap-login {
  inet_listener imap {
    port = ${ports.imap}
  }
  inet_listener imaps {
    port = ${ports.imaps}
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = ${ports.pop3}
  }
  inet_listener pop3s {
    port = ${ports.pop3s}
    ssl = yes
  }
}
`;
}

function postfixMain(dir: string, pki: TestPki, dovecot: { uid: number; gid: number }): string {
  return `compatibility_level = 3.6
queue_directory = ${dir}/spool
data_directory = ${dir}/data
mail_owner = postfix
myhostname = mail.test
mydomain = mail.test
mydestination = localhost
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
maillog_file = ${dir}/postfix.log
maillog_file_prefixes = ${dir}
alias_maps =
alias_database =
smtpd_tls_cert_file = ${pki.certPath}
smtpd_tls_key_file = ${pki.keyPath}
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = ${dir}/run/auth-postfix
smtpd_sasl_auth_enable = yes
mynetworks =
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
virtual_mailbox_domains = mail.test
virtual_mailbox_base = ${dir}/mail
virtual_mailbox_maps = inline:{ alice@mail.test=alice/Maildir/ }
virtual_uid_maps = static:${dovecot.uid}
virtual_gid_maps = static:${dovecot.gid}
virtual_minimum_uid = 1
`;
}

function postfixMaster(ports: LivePorts): string {
  const stock = readFileSync('/etc/postfix/master.cf', 'utf8');
  const listeners = [
    `127.0.0.1:${ports.smtp} inet n - n - - smtpd`,
    `127.0.0.1:${ports.smtps} inet n - n - - smtpd -o smtpd_tls_wrappermode=yes`,
    // postconf(5) smtpd_tls_protocols, Postfix >= 3.6 range syntax: no TLS 1.3 on these two.
    `127.0.0.1:${ports.smtpTls12} inet n - n - - smtpd -o smtpd_tls_protocols=<=TLSv1.2 -o smtpd_tls_mandatory_protocols=<=TLSv1.2`,
    `127.0.0.1:${ports.smtpsTls12} inet n - n - - smtpd -o smtpd_tls_wrappermode=yes -o smtpd_tls_protocols=<=TLSv1.2 -o smtpd_tls_mandatory_protocols=<=TLSv1.2`,
  ].join('\n');
  // Chroot off for every service: the temporary queue has no copy of /etc inside it.
  return stock
    .replace(/^smtp\s+inet.*$/m, listeners)
    .split('\n')
    .map((line) => line.replace(/^(\S+\s+\S+\s+\S+\s+\S+\s+)y(\s)/, '$1n$2'))
    .join('\n');
}

/** Settings appended to the generated configurations (later lines override earlier ones in both). */
export interface LiveServerExtras {
  /** Top-level dovecot.conf lines. */
  dovecot?: string;
  /** main.cf lines. */
  postfix?: string;
}

export async function startLiveServers(pki: TestPki, extras: LiveServerExtras = {}): Promise<LiveServers> {
  const dir = mkdtempSync(join(tmpdir(), 'mailwire-live-'));
  chmodSync(dir, 0o755);
  const [imap, imaps, pop3, pop3s, smtp, smtps, smtpTls12, smtpsTls12] = (await freePorts(8)) as [number, number, number, number, number, number, number, number];
  const ports: LivePorts = { imap, imaps, pop3, pop3s, smtp, smtps, smtpTls12, smtpsTls12 };
  const dovecot = ids('dovecot');
  for (const sub of ['run', 'state', 'home', 'mail/alice/Maildir/new', 'mail/alice/Maildir/cur', 'mail/alice/Maildir/tmp', 'spool', 'data', 'postfix']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'mail/alice/Maildir/new/1764144000.M1P1.mail.test'), WELCOME);
  execFileSync('chown', ['-R', `${dovecot.uid}:${dovecot.gid}`, join(dir, 'mail'), join(dir, 'home')]);
  chownSync(join(dir, 'data'), ids('postfix').uid, 0);
  writeFileSync(join(dir, 'users'), 'alice:{PLAIN}wonderland\n');
  writeFileSync(join(dir, 'dovecot.conf'), dovecotConfig(dir, pki, ports) + (extras.dovecot ?? ''));
  writeFileSync(join(dir, 'postfix/main.cf'), postfixMain(dir, pki, dovecot) + (extras.postfix ?? ''));
  writeFileSync(join(dir, 'postfix/master.cf'), postfixMaster(ports));
  // Both daemonise; their children keep inherited pipes open, so give them none. What went wrong
  // is in their log files, which a failure quotes.
  const logs = (): string => ['dovecot.log', 'postfix.log'].map((name) => `${name}: ${tail(join(dir, name))}`).join('; ');
  try {
    execFileSync('dovecot', ['-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  } catch (error) {
    throw new Error(`dovecot did not start: ${(error as Error).message}; ${logs()}`);
  }
  try {
    execFileSync('postfix', ['-c', join(dir, 'postfix'), 'start'], { stdio: 'ignore' });
  } catch (error) {
    execFileSync('dovecot', ['-c', join(dir, 'dovecot.conf'), 'stop'], { stdio: 'ignore' });
    throw new Error(`postfix did not start: ${(error as Error).message}; ${logs()}`);
  }
  const stop = (): void => {
    for (const cmd of [['postfix', '-c', join(dir, 'postfix'), 'stop'], ['dovecot', '-c', join(dir, 'dovecot.conf'), 'stop']] as const) {
      try {
        execFileSync(cmd[0], cmd.slice(1), { stdio: 'ignore' });
      } catch {
        // already stopped
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPorts(Object.values(ports));
  } catch (error) {
    const message = `${(error as Error).message}; ${logs()}`;
    stop();
    throw new Error(message);
  }
  return { ports, user: { login: 'alice', password: 'wonderland', address: 'alice@mail.test' }, dir, stop };
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' | ') || '(empty)';
  } catch {
    return '(none)';
  }
}

async function waitForPorts(ports: number[]): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + 15_000;
  for (const port of ports) {
    for (;;) {
      const up = await new Promise<boolean>((ok) => {
        const s = connect(port, '127.0.0.1', () => {
          s.destroy();
          ok(true);
        });
        s.on('error', () => ok(false));
      });
      if (up) break;
      if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after 15 s`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}
