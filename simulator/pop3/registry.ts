/**
 * Every POP3 command this server knows, one file each under commands/. CAPA, the state diagram's
 * `allowedCommands` and the terminal's help are derived from this list.
 */
import { APOP } from './commands/apop.ts';
import { AUTH } from './commands/auth.ts';
import { CAPA } from './commands/capa.ts';
import { DELE } from './commands/dele.ts';
import { LIST } from './commands/list.ts';
import { NOOP } from './commands/noop.ts';
import { PASS } from './commands/pass.ts';
import { QUIT } from './commands/quit.ts';
import { RETR } from './commands/retr.ts';
import { RSET } from './commands/rset.ts';
import { STAT } from './commands/stat.ts';
import { STLS } from './commands/stls.ts';
import { TOP } from './commands/top.ts';
import { UIDL } from './commands/uidl.ts';
import { USER } from './commands/user.ts';
import type { Pop3Command } from './types.ts';

export const POP3_COMMANDS: readonly Pop3Command[] = [
  CAPA, STLS, USER, PASS, APOP, AUTH, STAT, LIST, RETR, DELE, NOOP, RSET, TOP, UIDL, QUIT,
];

export function findCommand(verb: string): Pop3Command | undefined {
  return POP3_COMMANDS.find((c) => c.verb === verb);
}
