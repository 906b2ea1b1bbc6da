// core-no-node: the core touching the file system.
import { readFileSync } from 'node:fs';

export const read = readFileSync;
