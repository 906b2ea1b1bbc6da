import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd, Flag, SequenceSet } from '../parse/ast.ts';
import { parseFlag, parseFlagList } from '../parse/flags.ts';
import { type Cursor, SyntaxFault } from '../parse/lexer.ts';
import { parseSequenceSet } from '../parse/sequence-set.ts';
import { done, protocolError, untagged, type ImapEffect } from '../effects.ts';
import { expungeIssued, pick } from '../message-set.ts';
import { flagList, flagProblem } from '../flags.ts';
import { Code, no, ok } from '../responses.ts';

/** Keywords compare without case (as Dovecot does); system flags arrive in canonical spelling. */
function sameFlag(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function applyStore(current: Iterable<string>, mode: StoreMode, flags: readonly string[]): string[] {
  const now = [...current];
  switch (mode) {
    case 'replace':
      return dedupe(flags);
    case 'add':
      return dedupe([...now, ...flags]);
    case 'remove':
      return now.filter((f) => !flags.some((g) => sameFlag(f, g)));
  }
}

function dedupe(flags: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of flags) if (!out.some((g) => sameFlag(f, g))) out.push(f);
  return out;
}

/** RFC 9051 §6.4.6: FLAGS replaces, +FLAGS adds, -FLAGS removes. */
export type StoreMode = 'replace' | 'add' | 'remove';

export type StoreCommand = Cmd<'STORE', { uid: boolean; set: SequenceSet; mode: StoreMode; silent: boolean; flags: Flag[] }>;

/** RFC 9051 §9 store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag))). */
function storeItem(c: Cursor): { mode: StoreMode; silent: boolean } {
  const mode: StoreMode = c.accept(0x2b) ? 'add' : c.accept(0x2d) ? 'remove' : 'replace';
  const word = c.token((b) => b !== 0x20 && b !== 0x28, 'FLAGS, +FLAGS or -FLAGS').toUpperCase();
  if (word !== 'FLAGS' && word !== 'FLAGS.SILENT') {
    throw new SyntaxFault(`expected FLAGS, +FLAGS, -FLAGS (optionally .SILENT), got "${word}"`);
  }
  return { mode, silent: word === 'FLAGS.SILENT' };
}

/** RFC 9051 §6.4.6 store = "STORE" SP sequence-set SP store-att-flags. */
const storeArgs =
  (uid: boolean): ArgParser<StoreCommand> =>
  (c, tag) => {
    c.sp('STORE');
    const set = parseSequenceSet(c);
    c.sp('the sequence set');
    const { mode, silent } = storeItem(c);
    c.sp(`${mode === 'add' ? '+' : mode === 'remove' ? '-' : ''}FLAGS`);
    let flags: string[];
    if (c.peek() === 0x28) flags = parseFlagList(c);
    else {
      flags = [parseFlag(c)];
      while (c.accept(0x20)) flags.push(parseFlag(c));
    }
    c.end();
    return { tag, name: 'STORE', uid, set, mode, silent, flags };
  };

/**
 * @rfc 9051#6.4.6 STORE FLAGS / +FLAGS / -FLAGS (and .SILENT): "the server returns an untagged
 * FETCH response of the message's flags" unless .SILENT. UID STORE responses carry UID
 * (§6.4.9). \Recent cannot be stored (RFC 3501 §2.3.2).
 */
export const STORE: ImapCommandSpec<StoreCommand> = {
  name: 'STORE',
  verb: 'STORE',
  order: 280,
  states: ['selected'], // RFC 9051 §6.4
  summary: 'Set, add or remove flags',
  syntax: 'STORE sequence-set (+|-)FLAGS[.SILENT] (flags)',
  rfc: rfc(9051, '6.4.6'),
  parse: storeArgs(false),
  parseUid: storeArgs(true),
  handle(s, cmd) {
    const problem = cmd.flags.map(flagProblem).find((p) => p !== null);
    if (problem) return [protocolError({ kind: 'argument', message: problem })];
    const messages = pick(cmd, s);
    if (!Array.isArray(messages)) return [protocolError(messages)];
    const view = s.selected;
    if (view.readOnly) return [done(no('The mailbox is read-only (EXAMINE): flags cannot be changed', Code.READ_ONLY))];
    const store = s.ctx.backend;
    const effects: ImapEffect[] = [];
    for (const m of messages) {
      if (!view.isLive(m)) continue;
      store.setFlags(s.user.address, view.mailbox.name, m.uid, applyStore(m.flags, cmd.mode, cmd.flags), s.ctx.sessionId);
      if (cmd.silent) continue;
      view.flagsReported(m.uid);
      const uid = cmd.uid ? ` UID ${m.uid}` : '';
      effects.push(untagged(`${view.seqOf(m.uid)} FETCH (FLAGS ${flagList(view.flagsOf(m))}${uid})`));
    }
    // The live messages are stored; the tagged NO says the others could not be (RFC 2180 §4.2).
    effects.push(done(expungeIssued(messages, s) ?? ok(`${cmd.uid ? 'UID STORE' : 'STORE'} completed`)));
    return effects;
  },
};
