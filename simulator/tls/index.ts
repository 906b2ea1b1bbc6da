/** TLS as far as the site shows it: what an observer reads of the records. The site's entry point. */
export type { ObservedRecord } from './observe.ts';
