/** A default world on a virtual network with the real engines and a manual clock, for MTA tests. */
import type { ServerEngine } from '../engine.ts';
import type { SmtpClientResult } from '../smtp/client.ts';
import { SmtpServer } from '../smtp/server.ts';
import { latin1Text, utf8Bytes } from '../wire/bytes.ts';
import { Mta } from './mta.ts';
import type { MtaOptions } from './mta-types.ts';
import { runSmtpSession } from './mta-session.ts';
import type { ServerContext } from '../net/server-context.ts';
import { ManualScheduler } from '../net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../net/virtual-network-engines.ts';
import type { EngineFactory, VirtualNetwork } from '../net/virtual-network.ts';
import { defaultWorld, type World } from '../world/world.ts';
import { testRandom } from '../testing/random.ts';

export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
export const MINUTE = 60_000;

export interface Fixture {
  world: World;
  scheduler: ManualScheduler;
  network: VirtualNetwork;
  mta: Mta;
}

export function fixture(options: { smtp?: EngineFactory; mta?: Partial<MtaOptions>; world?: World } = {}): Fixture {
  const world = options.world ?? defaultWorld(T0);
  const scheduler = new ManualScheduler(T0);
  const network = createVirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), strict: true, ...(options.smtp ? { engines: { smtp: options.smtp } } : {}) });
  return { world, scheduler, network, mta: new Mta(network, options.mta) };
}

export const ALICE = { user: 'alice@example.com', password: 'wonderland' };

export function letter(to: string, subject: string, body = 'Hello Bob,\r\n.a line with a leading dot\r\n..and two\r\n'): Uint8Array {
  return utf8Bytes(`From: Alice <alice@example.com>\r\nTo: <${to}>\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.com>\r\n\r\n${body}`);
}

/** alice submits on 587 with STARTTLS and AUTH, as a mail client would. */
export async function submit(f: Fixture, to: string[], message: Uint8Array): Promise<SmtpClientResult> {
  const outcome = await runSmtpSession(f.network, 'mail.example.com', 587, {
    clientName: 'laptop.example.com',
    tls: 'required',
    credentials: ALICE,
    from: 'alice@example.com',
    to,
    message,
  }, { origin: 'client' });
  if (!outcome.connected) throw new Error(outcome.message);
  return outcome.result;
}

export function lastMessage(f: Fixture, address: string): string {
  const inbox = f.world.store.account(address)!.inbox;
  return latin1Text(inbox.messages[inbox.messages.length - 1]!.raw);
}

export function inboxCount(f: Fixture, address: string): number {
  return f.world.store.account(address)!.inbox.messages.length;
}

/**
 * An SMTP engine for mail.example.org:25 that answers every RCPT with `rcptReply` while
 * `state.reply` is set (greylisting, a full disk …); everything else is the real SmtpServer.
 */
export function scriptedMx(state: { rcptReply: string | null }): EngineFactory {
  function Router(ctx: ServerContext): ServerEngine<string, unknown> {
    const real = new SmtpServer(ctx);
    if (ctx.host.name !== 'mail.example.org' || ctx.peer.localPort !== 25) return real;
    return {
      get state() {
        return real.state;
      },
      get buffered() {
        return real.buffered;
      },
      start: (now) => real.start(now),
      feed: (bytes, now) => {
        const reply = state.rcptReply;
        if (reply && /^RCPT TO:/im.test(latin1Text(bytes))) {
          // Answer the RCPT lines ourselves, the rest of the pipelined group goes to the server.
          const lines = latin1Text(bytes).split(/(?<=\r\n)/);
          return lines.flatMap((line) => (/^RCPT TO:/i.test(line) ? [{ type: 'write' as const, bytes: utf8Bytes(reply + '\r\n') }] : real.feed(utf8Bytes(line), now)));
        }
        return real.feed(bytes, now);
      },
      tlsStarted: (info, now) => real.tlsStarted(info, now),
      tick: (now) => real.tick(now),
      closed: (now) => real.closed(now),
    };
  }
  return Router as unknown as EngineFactory;
}
