/** Message-number arguments of the TRANSACTION commands, and the replies when they miss. */
import { reply, type Pop3Effect } from './effects.ts';
import type { Maildrop, MaildropMessage } from './maildrop.ts';
import { R } from './replies.ts';
import type { Pop3Session } from './session.ts';

/** The session's maildrop; TRANSACTION always has one, so a miss is our bug. */
export function maildropOf(s: Pop3Session): Maildrop {
  if (!s.maildrop) throw new Error('POP3: TRANSACTION state without a maildrop');
  return s.maildrop;
}

export type MessageArg = { ok: true; message: MaildropMessage } | { ok: false; effects: Pop3Effect[] };

/**
 * The message `arg` names, or the reply saying why not.
 * @rfc 1939#5 a message-number "may NOT refer to a message marked as deleted"; the replies use the
 * RFC's own examples: "-ERR message 2 already deleted", "-ERR no such message, only 2 messages in
 * maildrop".
 */
export function messageArg(s: Pop3Session, arg: string): MessageArg {
  const drop = maildropOf(s);
  const found = drop.lookup(arg);
  if (found.ok) return found;
  if (found.reason === 'bad-number') return { ok: false, effects: [reply(R.badNumber(arg))] };
  if (found.reason === 'deleted') return { ok: false, effects: [reply(R.alreadyDeleted(Number(arg)))] };
  return { ok: false, effects: [reply(R.noSuchMessage(drop.messages.length))] };
}
