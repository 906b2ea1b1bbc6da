/** The virtual TLS implementation, as far as the site shows it. The site's entry point. */
export type { CertificatePolicy } from './client.ts';
export type { ObservedRecord } from './observe.ts';
