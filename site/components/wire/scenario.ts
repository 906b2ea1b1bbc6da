/** The wire lab's choices as data, and what they mean for a connection and for the client. */
import type { ClientTlsPolicy, LoginOutcome } from '../../../simulator/scenarios/attack-clients.ts';
import type { AttackOptions } from '../../../simulator/net/virtual-network.ts';
import type { ServerIdentityKind } from '../../../simulator/net/tls-pki.ts';
import type { CertificatePolicy } from '../../../simulator/net/virtual-network.ts';
import { MAIL_PORTS, portLabel } from '../../../simulator/world/ports.ts';

export interface Scenario {
  port: number;
  /** The server accepts passwords before TLS (HostSettings.plaintextAuth). */
  legacyServer: boolean;
  eavesdrop: boolean;
  strip: boolean;
  impostor: 'none' | Exclude<ServerIdentityKind, 'genuine'>;
  tlsPolicy: Exclude<ClientTlsPolicy, 'never'>;
  certificatePolicy: CertificatePolicy;
}

export const DEFAULT_SCENARIO: Scenario = {
  port: 110,
  legacyServer: false,
  eavesdrop: true,
  strip: false,
  impostor: 'none',
  tlsPolicy: 'opportunistic',
  certificatePolicy: 'strict',
};

/** The ports a learner can pick: those the virtual hosts listen on. */
export const LAB_PORTS: ReadonlyArray<{ port: number; label: string; starttls: boolean }> = MAIL_PORTS.map((p) => ({
  port: p.port,
  label: portLabel(p),
  starttls: p.tls === 'starttls',
}));

export function hasStarttls(port: number): boolean {
  return LAB_PORTS.find((p) => p.port === port)?.starttls ?? false;
}

export function attackOf(s: Scenario): AttackOptions {
  const attack: AttackOptions = {};
  if (s.eavesdrop) attack.eavesdrop = true;
  if (s.strip) attack.stripStarttls = true;
  if (s.impostor !== 'none') attack.impostor = s.impostor;
  return attack;
}

/** One sentence for the client's side of a run. */
export function outcomeText(login: LoginOutcome): string {
  switch (login.outcome) {
    case 'logged-in':
      return login.usedTls ? 'The client logged in inside TLS.' : 'The client logged in with its password in PLAINTEXT.';
    case 'refused-by-client':
      return `The client refused to go on: ${login.reason}.`;
    case 'failed':
      return `The login did not succeed: ${login.reason}.`;
  }
}
