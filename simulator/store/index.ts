/** The mail store's types and mbox/EML import and export. The site's entry point. */
export { exportMbox } from './mbox.ts';
export type { StoredMessage } from './types.ts';
