/** The MTA: relays queued mail across the virtual network, with retries and bounces. The site's entry point. */
export { autoRunMta } from './mta-driver.ts';
export type { MtaEvent } from './mta-types.ts';
export { Mta } from './mta.ts';
