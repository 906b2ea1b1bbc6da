/** What a TLS 1.3 connection reports to the UI besides bytes: each named as RFC 8446 names it. */
import type { AlertName } from './alerts.ts';
import type { ChainVerdict } from './chain-verify.ts';
import type { GroupName } from './groups.ts';
import type { SchemeName } from './signatures.ts';
import type { SuiteName } from './suites.ts';

export interface HandshakeSummary {
  suite: SuiteName;
  group: GroupName;
  /** The server's CertificateVerify scheme. */
  scheme: SchemeName;
  serverName: string | undefined;
  helloRetry: boolean;
}

export type TlsEvent =
  | { kind: 'handshake-message'; direction: 'sent' | 'received'; name: string; bytes: Uint8Array }
  | { kind: 'hello-retry'; group: GroupName }
  | { kind: 'certificate'; verdict: ChainVerdict }
  | { kind: 'handshake-complete'; summary: HandshakeSummary }
  | { kind: 'alert-sent'; alert: AlertName; reason: string }
  | { kind: 'alert-received'; alert: AlertName | `alert_${number}` }
  | { kind: 'key-update'; direction: 'sent' | 'received'; requested: boolean }
  /** One line of the NSS key log format (SSLKEYLOGFILE), for Wireshark. */
  | { kind: 'keylog'; line: string };

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export function keylogLine(label: string, clientRandom: Uint8Array, secret: Uint8Array): TlsEvent {
  return { kind: 'keylog', line: `${label} ${hex(clientRandom)} ${hex(secret)}` };
}
