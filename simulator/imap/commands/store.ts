import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done, protocolError, untagged, type ImapEffect } from '../effects.ts';
import { expungeIssued, pick } from '../message-set.ts';
import { flagList, flagProblem } from '../flags.ts';
import type { StoreMode } from '../parse/ast.ts';
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

/**
 * @rfc 9051#6.4.6 STORE FLAGS / +FLAGS / -FLAGS (and .SILENT): "the server returns an untagged
 * FETCH response of the message's flags" unless .SILENT. UID STORE responses carry UID
 * (§6.4.9). \Recent cannot be stored (RFC 3501 §2.3.2).
 */
export const STORE: ImapCommandSpec<'STORE'> = {
  name: 'STORE',
  verb: 'STORE',
  states: COMMAND_STATES.STORE,
  summary: 'Set, add or remove flags',
  syntax: 'STORE sequence-set (+|-)FLAGS[.SILENT] (flags)',
  rfc: rfc(9051, '6.4.6'),
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
