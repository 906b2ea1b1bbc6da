/** Shared set-ups for the SMTP tests: a server on a host and port of a fresh default world. */
import type { HostSettings } from '../world/host.ts';
import type { ServerContext } from '../net/server-context.ts';
import { testContext } from '../testing/context.ts';
import { EngineDriver } from '../testing/transcript.ts';
import { utf8Text } from '../wire/bytes.ts';
import { SmtpServer } from './server.ts';
import type { SmtpEvent } from './events.ts';
import type { SmtpState } from './state.ts';

/** base64("\0alice\0wonderland") and friends, as a client would send them. */
export const PLAIN_ALICE = 'AGFsaWNlAHdvbmRlcmxhbmQ=';
export const PLAIN_BOB = 'AGJvYgBidWlsZGVy';

export function smtpContext(host = 'mail.example.com', port = 25, settings: Partial<HostSettings> = {}): ServerContext {
  const ctx = testContext(host, port);
  Object.assign(ctx.host.settings, settings);
  return ctx;
}

export function smtpDriver(ctx: ServerContext = smtpContext()): EngineDriver<SmtpState, SmtpEvent> {
  const driver = new EngineDriver(new SmtpServer(ctx));
  driver.start();
  return driver;
}

/** The newest message in a mailbox, as text. */
export function lastMessage(ctx: ServerContext, address: string, mailbox = 'INBOX'): string | undefined {
  const box = ctx.world.store.mailbox(address, mailbox);
  const message = box?.messages[box.messages.length - 1];
  return message ? utf8Text(message.raw) : undefined;
}

const TO_RCPT = 'EHLO client.test\r\nMAIL FROM:<sender@client.test>\r\nRCPT TO:<bob@example.org>\r\n';

/** What a client sends to bring a fresh port-25 session on mail.example.org into `state`. */
export const REACH: Record<Exclude<SmtpState, 'closed' | 'starttls'>, string> = {
  connected: '',
  ready: 'EHLO client.test\r\n',
  mail: 'EHLO client.test\r\nMAIL FROM:<sender@client.test>\r\n',
  rcpt: TO_RCPT,
  data: `${TO_RCPT}DATA\r\n`,
  bdat: `${TO_RCPT}BDAT 3\r\nabc`,
  // A chunk far larger than any test line, so what follows is still chunk octets (RFC 3030 §2).
  'chunk-connected': 'BDAT 1000\r\n',
  'chunk-ready': 'EHLO client.test\r\nBDAT 1000\r\n',
  'chunk-mail': 'EHLO client.test\r\nMAIL FROM:<sender@client.test>\r\nBDAT 1000\r\n',
  'chunk-rcpt': `${TO_RCPT}BDAT 1000\r\n`,
  'chunk-bdat': `${TO_RCPT}BDAT 3\r\nabcBDAT 1000\r\n`,
  auth: 'EHLO client.test\r\nAUTH LOGIN\r\n',
};

/** A driver in `state` (auth needs plaintext AUTH, so the host allows it). */
export function driverIn(state: SmtpState): EngineDriver<SmtpState, SmtpEvent> {
  const driver = smtpDriver(smtpContext('mail.example.org', 25, { plaintextAuth: true }));
  if (state === 'closed') driver.send('QUIT\r\n');
  else if (state === 'starttls') {
    // A driver that does not finish the handshake: take the outputs without honouring starttls.
    const engine = driver.engine;
    engine.feed(new TextEncoder().encode('EHLO client.test\r\nSTARTTLS\r\n'), driver.now);
  } else {
    driver.send(REACH[state]);
  }
  if (driver.engine.state !== state) throw new Error(`could not reach ${state}: in ${driver.engine.state}`);
  return driver;
}
