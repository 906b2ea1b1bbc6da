import { seededRandom, type RandomSource } from '../random.ts';
import { utf8Bytes } from '../wire/bytes.ts';

/** A seeded source for tests: the same label gives the same bytes on every run. */
export function testRandom(label = 'mailwire tests'): RandomSource {
  return seededRandom(utf8Bytes(label));
}
