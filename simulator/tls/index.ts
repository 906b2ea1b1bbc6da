/** TLS as far as the site shows it: what an observer reads of the records. The site's entry point. */
export type { ObservedRecord } from './observe.ts';
/** Read by the wire view (directly, so a page loads only what it shows): a key log as the RFC 8446 §7.1 key schedule, a handshake message in words. */
export { keySchedule, TRAFFIC_KEYS, type ScheduleSecret } from './key-schedule-text.ts';
export { describeHandshake } from './handshake-text.ts';
