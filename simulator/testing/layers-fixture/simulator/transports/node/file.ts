// Allowed: transports/node/ is where node:* lives.
import { readFileSync } from 'node:fs';

export const read = readFileSync;
