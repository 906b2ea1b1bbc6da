/**
 * The touch chips for the server's state, worked out by the terminal session (which loads with
 * xterm.js and the engines' registries) and handed to the page through the terminal's record, so
 * the chip row itself stays in the page's first load without the registries.
 */
import type { MailProtocol } from '../../simulator/world/ports.ts';
import { DISCONNECTED_CHIPS, PROTOCOL_CHIPS } from './chips.ts';
import { allowedVerbs, onlyLinesIn } from './state-commands.ts';

/**
 * The chips for a server in `state`: the protocol's chips that the state allows (so a tap offers a
 * next step, not a 503), or in a sub-state the lines it takes: DONE in IDLE and * in a SASL
 * exchange (state-commands.ts), the end of the message after 354, and none inside a BDAT chunk or
 * a literal, whose octets only the learner can count out.
 */
export function touchChips(protocol: MailProtocol | null, state: string | null): readonly string[] {
  // The same list object for the same state, so the record's subscribers re-render only on a change.
  const key = `${protocol} ${state}`;
  let chips = made.get(key);
  if (!chips) made.set(key, (chips = chipsFor(protocol, state)));
  return chips;
}

const made = new Map<string, readonly string[]>();

function chipsFor(protocol: MailProtocol | null, state: string | null): readonly string[] {
  if (!protocol) return DISCONNECTED_CHIPS;
  const chips = PROTOCOL_CHIPS[protocol];
  if (state === null) return chips;
  const only = onlyLinesIn(protocol, state);
  if (only) return only;
  // RFC 5321 §4.1.1.4: a header line, then "." alone ends the message.
  if (protocol === 'smtp' && state === 'data') return ['Subject: Hello', '.'];
  const verbs = allowedVerbs(protocol, state);
  if (!verbs) return chips;
  // RFC 9051 §2.2.1: an IMAP chip starts with its tag; the verb is its second word.
  const verbOf = (chip: string): string => chip.split(' ')[protocol === 'imap' ? 1 : 0] ?? '';
  return chips.filter((chip) => verbs.includes(verbOf(chip)));
}
