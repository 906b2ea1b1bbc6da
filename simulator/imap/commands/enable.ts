import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd } from '../parse/ast.ts';
import { done, untagged } from '../effects.ts';
import { ok } from '../responses.ts';

export type EnableCommand = Cmd<'ENABLE', { capabilities: string[] }>;

/** RFC 9051 §6.3.1 ENABLE 1*(SP capability). */
const parse: ArgParser<EnableCommand> = (c, tag) => {
  const capabilities: string[] = [];
  do {
    c.sp(capabilities.length ? 'the capability' : 'ENABLE');
    capabilities.push(c.keyword('a capability name such as IMAP4rev2'));
  } while (!c.atEnd());
  return { tag, name: 'ENABLE', capabilities };
};

/**
 * @rfc 9051#6.3.1 ENABLE: unknown and non-enableable names are ignored; "the server MUST send
 * an untagged ENABLED response ... even if no extensions were enabled", and each ENABLED
 * "SHOULD only contain extensions enabled by the corresponding ENABLE command".
 */
export const ENABLE: ImapCommandSpec<EnableCommand> = {
  name: 'ENABLE',
  verb: 'ENABLE',
  order: 80,
  states: ['authenticated'], // §6.3.1 "only valid in the authenticated state, before any mailbox is selected"
  capability: 'ENABLE',
  summary: 'Switch on IMAP4rev2 or UTF-8 names',
  syntax: 'ENABLE IMAP4rev2 | UTF8=ACCEPT',
  rfc: rfc(9051, '6.3.1'),
  parse,
  handle(s, cmd) {
    const enabled: string[] = [];
    for (const cap of cmd.capabilities) {
      const name = cap.toUpperCase();
      if (name === 'IMAP4REV2' && !s.rev2) {
        s.rev2 = true;
        s.utf8 = true; // RFC 9051 §5.1: IMAP4rev2 names and strings are UTF-8
        enabled.push('IMAP4rev2');
      } else if (name === 'UTF8=ACCEPT' && !s.utf8) {
        s.utf8 = true; // RFC 6855 §3
        enabled.push('UTF8=ACCEPT');
      }
    }
    return [untagged(['ENABLED', ...enabled].join(' ')), done(ok('ENABLE completed'))];
  },
};
