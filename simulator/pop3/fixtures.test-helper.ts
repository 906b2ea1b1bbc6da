/** Servers and logins for the POP3 tests (the default world's users, as the tutorials use them). */
import { defaultWorld, type World } from '../world/world.ts';
import { EngineDriver } from '../testing/transcript.ts';
import { testContext } from '../testing/context.ts';
import { Pop3Server } from './server.ts';
import type { Pop3State } from './state.ts';
import type { Pop3Event } from './events.ts';
import type { Pop3Options } from './options.ts';

export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

export interface Pop3Fixture {
  world: World;
  server: Pop3Server;
  driver: EngineDriver<Pop3State, Pop3Event>;
  sessionId: string;
}

/** A POP3 server for `host` on `port` of `world` (a fresh default world if none), greeting read. */
export function pop3(
  opts: { host?: string; port?: number; world?: World; plaintextAuth?: boolean; options?: Partial<Pop3Options> } = {},
): Pop3Fixture {
  const world = opts.world ?? defaultWorld(Date.UTC(2026, 10, 26, 8, 0, 0));
  const ctx = testContext(opts.host ?? 'mail.example.org', opts.port ?? 995, world);
  if (opts.plaintextAuth !== undefined) ctx.host.settings.plaintextAuth = opts.plaintextAuth;
  const server = new Pop3Server(ctx, opts.options);
  const driver = new EngineDriver(server, T0);
  driver.start();
  return { world, server, driver, sessionId: ctx.sessionId };
}

/** Logs bob in over implicit TLS (995) and returns the fixture in TRANSACTION. */
export function bobLoggedIn(world?: World): Pop3Fixture {
  const f = pop3({ world, port: 995 });
  const lines = f.driver.send('USER bob\r\nPASS builder\r\n');
  if (!lines[1]?.startsWith('+OK')) throw new Error(`login failed: ${lines.join(' | ')}`);
  return f;
}
