/**
 * The IMAP command files, in one list: a new command is one file and one line here. The registry
 * (../registry.ts) is derived from it; CAPABILITY reads it.
 */
import { APPEND } from './append.ts';
import { AUTHENTICATE } from './authenticate.ts';
import { CAPABILITY } from './capability.ts';
import { CHECK } from './check.ts';
import { CLOSE } from './close.ts';
import type { AnyCommand } from './command.ts';
import { COPY } from './copy.ts';
import { CREATE } from './create.ts';
import { DELETE } from './delete.ts';
import { ENABLE } from './enable.ts';
import { EXAMINE } from './examine.ts';
import { EXPUNGE } from './expunge.ts';
import { FETCH } from './fetch.ts';
import { ID } from './id.ts';
import { IDLE } from './idle.ts';
import { LIST } from './list.ts';
import { LSUB } from './lsub.ts';
import { LOGIN } from './login.ts';
import { LOGOUT } from './logout.ts';
import { MOVE } from './move.ts';
import { NAMESPACE } from './namespace.ts';
import { NOOP } from './noop.ts';
import { RENAME } from './rename.ts';
import { SEARCH } from './search.ts';
import { SELECT } from './select.ts';
import { STARTTLS } from './starttls.ts';
import { STATUS } from './status.ts';
import { STORE } from './store.ts';
import { SUBSCRIBE } from './subscribe.ts';
import { UNSELECT } from './unselect.ts';
import { UNSUBSCRIBE } from './unsubscribe.ts';

/** In the order CAPABILITY-like listings show them (RFC 9051 §6.1–§6.4). */
export const COMMANDS: readonly AnyCommand[] = [
  CAPABILITY,
  NOOP,
  LOGOUT,
  ID,
  STARTTLS,
  AUTHENTICATE,
  LOGIN,
  ENABLE,
  SELECT,
  EXAMINE,
  CREATE,
  DELETE,
  RENAME,
  SUBSCRIBE,
  UNSUBSCRIBE,
  LIST,
  LSUB,
  NAMESPACE,
  STATUS,
  APPEND,
  IDLE,
  CHECK,
  CLOSE,
  UNSELECT,
  EXPUNGE,
  SEARCH,
  FETCH,
  STORE,
  COPY,
  MOVE,
];
