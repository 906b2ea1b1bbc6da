import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done } from '../effects.ts';
import { newNameProblem } from '../mailbox-name.ts';
import type { SpecialUse } from '../../store/types.ts';
import { no, ok, storeRefusal } from '../responses.ts';

/** RFC 6154 §2 attributes a new mailbox may take here (\All and \Flagged are virtual views we lack). */
const CREATABLE_USES: readonly SpecialUse[] = ['\\Archive', '\\Drafts', '\\Junk', '\\Sent', '\\Trash'];

/**
 * @rfc 9051#6.3.4 CREATE: superior names are created as needed; "It is an error to attempt to
 * create INBOX or a mailbox with a name that refers to an extant mailbox" → NO [ALREADYEXISTS].
 * RFC 6154 §3 CREATE-SPECIAL-USE: an attribute the server cannot give is NO [USEATTR].
 */
export const CREATE: ImapCommandSpec<'CREATE'> = {
  name: 'CREATE',
  verb: 'CREATE',
  states: COMMAND_STATES.CREATE,
  summary: 'Make a mailbox',
  syntax: 'CREATE mailbox [(USE (\\Sent))]',
  rfc: rfc(9051, '6.3.4'),
  handle(s, cmd) {
    const bad = newNameProblem(cmd.mailbox);
    if (bad) return [done(bad)];
    const use = cmd.specialUse[0] ?? null;
    if (cmd.specialUse.length > 1) return [done(no('Give a mailbox at most one special-use attribute', 'USEATTR'))];
    const known = CREATABLE_USES.find((u) => u.toLowerCase() === use?.toLowerCase()) ?? null;
    if (use !== null && !known) return [done(no(`${use} cannot be given to a new mailbox here`, 'USEATTR'))];
    const made = s.ctx.backend.createMailbox(s.user.address, cmd.mailbox, known, s.ctx.sessionId);
    if (!made.ok) return [done(storeRefusal(made.error, made.message))];
    return [done(ok('CREATE completed'))];
  },
};
