// no-circular: a imports b, b imports a.
import { b } from './b.ts';

export const a = (): number => b() + 1;
