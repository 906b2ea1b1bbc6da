/**
 * The virtual network: hosts' ports reached by name, connections with a clock and a log, the
 * virtual TLS layer, and the on-path attacker a connection can be opened with. The site's entry point.
 */
export { CredentialSniffer } from './attack-credentials.ts';
export type { ServerIdentityKind } from './tls-pki.ts';
export { summarizeHandshake } from './tls-summary.ts';
export { ManualScheduler, type Scheduler } from './virtual-network-clock.ts';
export { createVirtualNetwork } from './virtual-network-engines.ts';
export type { WireEntry } from './virtual-network-log.ts';
export type { AttackOptions, AttackReport, ConnectionEvent, ConnectionSink, ConnectOptions, ConnectResult, NetworkEvent, SessionOrigin, SessionRecord, VirtualConnection, VirtualNetwork } from './virtual-network.ts';
