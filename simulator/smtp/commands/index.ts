/** The SMTP command files, in the order HELP lists them. A new command is one file and one line here. */
import type { SmtpCommand } from '../command.ts';
import { AUTH } from './auth.ts';
import { BDAT } from './bdat.ts';
import { DATA } from './data.ts';
import { EHLO } from './ehlo.ts';
import { HELO } from './helo.ts';
import { HELP } from './help.ts';
import { MAIL } from './mail.ts';
import { NOOP } from './noop.ts';
import { QUIT } from './quit.ts';
import { RCPT } from './rcpt.ts';
import { RSET } from './rset.ts';
import { STARTTLS } from './starttls.ts';
import { VRFY } from './vrfy.ts';

export const COMMANDS: readonly SmtpCommand[] = [EHLO, HELO, STARTTLS, AUTH, MAIL, RCPT, DATA, BDAT, RSET, NOOP, VRFY, HELP, QUIT];
