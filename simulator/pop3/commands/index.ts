/** The POP3 command files, in the order CAPA and the help list them. A new command is one file and one line here. */
import { APOP } from './apop.ts';
import { AUTH } from './auth.ts';
import { CAPA } from './capa.ts';
import { DELE } from './dele.ts';
import { LIST } from './list.ts';
import { NOOP } from './noop.ts';
import { PASS } from './pass.ts';
import { QUIT } from './quit.ts';
import { RETR } from './retr.ts';
import { RSET } from './rset.ts';
import { STAT } from './stat.ts';
import { STLS } from './stls.ts';
import { TOP } from './top.ts';
import { UIDL } from './uidl.ts';
import { USER } from './user.ts';
import type { Pop3Command } from './command.ts';

export const COMMANDS: readonly Pop3Command[] = [CAPA, STLS, USER, PASS, APOP, AUTH, STAT, LIST, RETR, DELE, NOOP, RSET, TOP, UIDL, QUIT];
