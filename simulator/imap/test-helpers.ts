/** Shared set-up for the IMAP engine tests: a server on the default world, logged in or not. */
import type { World } from '../world/world.ts';
import { defaultWorld } from '../world/world.ts';
import { testContext } from '../testing/context.ts';
import { EngineDriver, playTranscript } from '../testing/transcript.ts';
import type { ImapEvent } from './events.ts';
import { ImapServer } from './server.ts';
import type { ImapState } from './state.ts';

export const T0 = Date.UTC(2026, 10, 26, 8, 0, 0);

export function freshWorld(): World {
  return defaultWorld(T0);
}

/** A server on mail.example.com; port 993 is implicit TLS, so LOGIN is allowed at once. */
export function imapServer(world: World = freshWorld(), port = 993): ImapServer {
  return new ImapServer(testContext('mail.example.com', port, world));
}

export type Driver = EngineDriver<ImapState, ImapEvent>;

/** A driver for `server` that feeds it `world`'s store changes, as the transports do. */
export function imapDriver(world: World, server: ImapServer = imapServer(world)): Driver {
  return new EngineDriver(server).followStore((listener) => world.store.subscribe(listener));
}

/** A driver that has read the greeting and, if `user` is given, logged in (and selected `mailbox`). */
export function session(world: World, opts: { user?: string; password?: string; mailbox?: string; rev2?: boolean } = {}): { driver: Driver; server: ImapServer } {
  const server = imapServer(world);
  const driver = imapDriver(world, server);
  driver.start();
  if (opts.user) {
    const reply = driver.send(`l1 LOGIN ${opts.user} ${opts.password ?? 'wonderland'}\r\n`);
    if (!reply.at(-1)?.startsWith('l1 OK')) throw new Error(`login failed: ${reply.join('\n')}`);
  }
  if (opts.rev2) driver.send('l2 ENABLE IMAP4rev2\r\n');
  if (opts.mailbox) {
    const reply = driver.send(`l3 SELECT ${opts.mailbox}\r\n`);
    if (!reply.at(-1)?.startsWith('l3 OK')) throw new Error(`select failed: ${reply.join('\n')}`);
  }
  return { driver, server };
}

/** Capabilities after login, as a regular expression piece. */
export const AFTER_LOGIN = 'ENABLE IDLE MOVE UIDPLUS NAMESPACE ID UNSELECT CHILDREN LIST-EXTENDED LIST-STATUS SPECIAL-USE LITERAL\\+ ESEARCH SEARCHRES STATUS=SIZE BINARY';
export const LOGIN = `C: l LOGIN alice wonderland
  S~ l OK \\[CAPABILITY IMAP4rev2 IMAP4rev1 ${AFTER_LOGIN}\\] LOGIN completed: logged in as alice@example.com`;
export const SELECT_INBOX = `${LOGIN}
  C: s SELECT INBOX
  S: * FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)
  S: * OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft \\*)] Flags and keywords are stored
  S: * 3 EXISTS
  S: * 3 RECENT
  S: * OK [UNSEEN 2] Message 2 is the first unseen
  S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
  S: * OK [UIDNEXT 4] Predicted next UID
  S: s OK [READ-WRITE] SELECT completed`;

/** Plays a transcript against a fresh default world (993: implicit TLS unless `port` says otherwise). */
export function play(script: string, port = 993): void {
  const world = freshWorld();
  const server = imapServer(world, port);
  const stop = world.store.subscribe((change) => server.storeChanged(change, T0));
  playTranscript(server, script);
  stop();
}

