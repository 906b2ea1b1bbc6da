import { capabilityLines } from '../capabilities.ts';
import { linesBody } from '../multiline.ts';
import { R } from '../replies.ts';
import { multi } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 2449#5 CAPA: "available in both the AUTHORIZATION and TRANSACTION states"; the list is a
 * multi-line response, one capability per line.
 */
export const CAPA: Pop3Command = {
  verb: 'CAPA',
  order: 10,
  states: ['AUTHORIZATION', 'TRANSACTION'],
  syntax: 'CAPA',
  rfc: rfc(2449, '5'),
  args: { min: 0, max: 0 },
  summary: 'List what this server supports',
  handle(s) {
    return [multi(R.capa, linesBody(capabilityLines(s)))];
  },
};
