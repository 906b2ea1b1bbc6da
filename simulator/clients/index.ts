/**
 * The virtual mail clients: POP3 and IMAP devices that speak the real protocols to the engines
 * through a Transport (the /compare/ page's scenario built on them is in ../scenarios/).
 */
export { ClientConnection, type ByteCounters, type ClientEngine } from './client-driver.ts';
export { Device, type DeviceOptions, type DeviceProtocol, type DeviceResult, type DeviceView } from './device.ts';
export { IMAP_CLIENT_TRANSITIONS, ImapClient, type ImapClientEvent, type ImapClientOptions, type ImapClientState } from './imap-client.ts';
export { DEFAULT_IMAP_SETTINGS, ImapDevice, type ImapSettings } from './imap-device.ts';
export { ImapReplica, type FolderCache, type PendingOp } from './imap-replica.ts';
export type { LocalMessage } from './local-message.ts';
export { POP3_CLIENT_TRANSITIONS, Pop3Client, type Pop3ClientState } from './pop3-client.ts';
export { Pop3Device, type Pop3CheckOutcome } from './pop3-device.ts';
export { DEFAULT_POP3_SETTINGS, type KnownMessage, type Pop3CheckResult, type Pop3ClientEvent, type Pop3Settings } from './pop3-types.ts';
export { SmtpSender } from './smtp-sender.ts';
export { Transcript, type TranscriptDirection, type TranscriptLine, type WireLine } from './transcript.ts';
export { headerFields } from './local-message.ts';
