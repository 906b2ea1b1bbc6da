/**
 * The attacker scenarios of issue 7, run end to end on the virtual network with real TLS:
 * a scripted client logs in through an attacker, and the result says what the client did and
 * what the attacker got. RFC 8314's argument in one table: on a STARTTLS port a stripping
 * attacker decides whether TLS happens; on an implicit-TLS port there is nothing to strip.
 */
import type { TlsInfo } from '../engine.ts';
import type { CertificatePolicy } from '../net/virtual-network-tls.ts';
import { scriptedLogin, type ClientTlsPolicy, type LoginOutcome } from './attack-clients.ts';
import { ScriptedSession } from './attack-session.ts';
import { newReport, type AttackOptions, type AttackReport } from '../net/attack-types.ts';
import { portSpec, type MailProtocol } from '../world/ports.ts';
import type { VirtualNetwork } from '../net/virtual-network.ts';
import { DEFAULT_USERS, hostByName } from '../world/world.ts';

export interface ScenarioOptions {
  host?: string;
  port: number;
  /** The client's TLS policy (RFC 8314 §5). */
  policy: ClientTlsPolicy;
  /** The client's answer to a certificate it cannot verify. */
  certificatePolicy?: CertificatePolicy;
  attack: AttackOptions;
  /** Defaults to the first default user whose domain the host serves. */
  user?: string;
  password?: string;
}

export interface ScenarioResult {
  sessionId: string | null;
  host: string;
  port: number;
  protocol: MailProtocol;
  login: LoginOutcome;
  tls: TlsInfo | null;
  /** The client's side of the conversation, in C:/S: notation. */
  transcript: string[];
  attack: AttackReport;
  /** One sentence for the attacker's column. */
  verdict: string;
}

export async function runAttackScenario(network: VirtualNetwork, options: ScenarioOptions): Promise<ScenarioResult> {
  const host = options.host ?? 'mail.example.com';
  const spec = portSpec(options.port);
  if (!spec) throw new Error(`port ${options.port} is not a mail port`);
  const account = defaultAccount(network, host, options);
  const connect = { attack: options.attack, tlsLayer: 'records' as const, certificatePolicy: options.certificatePolicy ?? 'strict', origin: 'client' as const };
  const base = { host, port: options.port, protocol: spec.protocol };
  const s = await ScriptedSession.open(network, host, options.port, connect);
  if (typeof s === 'string') {
    const login: LoginOutcome = { outcome: 'failed', usedTls: false, reason: s };
    return { ...base, sessionId: null, login, tls: null, transcript: [`-- ${s}`], attack: newReport(options.attack), verdict: s };
  }
  const greeting = s.take();
  const login = s.isOpen
    ? await scriptedLogin(s, greeting, { protocol: spec.protocol, implicitTls: spec.tls === 'implicit', policy: options.policy, ...account })
    : { outcome: 'failed' as const, usedTls: false, reason: s.error ?? 'the connection closed' };
  const attack = s.connection.attack ?? newReport(options.attack);
  return { ...base, sessionId: s.connection.session.id, login, tls: s.connection.session.tls, transcript: s.transcript, attack, verdict: verdict(attack, login) };
}

function defaultAccount(network: VirtualNetwork, host: string, options: ScenarioOptions): { user: string; password: string } {
  if (options.user !== undefined && options.password !== undefined) return { user: options.user, password: options.password };
  const domains = hostByName(network.world, host)?.domains ?? [];
  const user = DEFAULT_USERS.find((u) => domains.includes(u.address.slice(u.address.indexOf('@') + 1))) ?? DEFAULT_USERS[0];
  return { user: user.address, password: user.password };
}

function verdict(attack: AttackReport, login: LoginOutcome): string {
  const got = attack.credentials.map((c) => `${c.user} / ${c.password} (${c.mechanism})`);
  if (got.length) return `the attacker has the password: ${got.join(', ')}${attack.readThroughTls ? ' (read inside the TLS it terminated with its own certificate)' : ''}`;
  if (attack.nothingToDo.length) return attack.nothingToDo.join('; ');
  if (login.outcome === 'refused-by-client') return `the client stopped: ${login.reason}`;
  if (login.usedTls) return 'the attacker saw only TLS records: the server name (SNI), lengths and timing';
  return `the attacker got nothing: ${login.reason}`;
}
