import { describe, expect, it } from 'vitest';
import type { ServerEngine } from '../../simulator/engine.ts';
import { freshWorld, imapServer } from '../../simulator/imap/test-helpers.ts';
import { dialogueState, type DialogueState } from '../../simulator/observe/dialogue-state.ts';
import { Pop3Server } from '../../simulator/pop3/server.ts';
import { smtpContext } from '../../simulator/smtp/server-fixture.test-helper.ts';
import { SmtpServer } from '../../simulator/smtp/server.ts';
import { testContext } from '../../simulator/testing/context.ts';
import { EngineDriver } from '../../simulator/testing/transcript.ts';
import type { MailProtocol } from '../../simulator/world/ports.ts';
import { complete } from './completion.ts';
import { PROTOCOL_COMMANDS } from './protocol-commands.ts';
import { completionSource } from './state-commands.ts';

describe('complete', () => {
  const smtp = { words: PROTOCOL_COMMANDS.smtp };

  it('completes a unique prefix and adds a space', () => {
    expect(complete('EH', smtp)).toEqual({ replace: 2, insert: 'EHLO ', candidates: [] });
  });

  it('keeps the case the learner typed', () => {
    expect(complete('eh', smtp)?.insert).toBe('ehlo ');
    expect(complete('Eh', smtp)?.insert).toBe('EHLO ');
  });

  it('adds no space after a verb that ends in a colon', () => {
    expect(complete('MAI', smtp)?.insert).toBe('MAIL FROM:');
  });

  it('extends to the common prefix and lists the candidates when several fit', () => {
    const slash = { words: ['/help', '/hosts', '/history'] };
    expect(complete('/h', slash)).toEqual({ replace: 2, insert: '/h', candidates: ['/help', '/hosts', '/history'] });
    expect(complete('/hi', slash)?.insert).toBe('/history ');
    expect(complete('S', { words: PROTOCOL_COMMANDS.pop3 })?.candidates).toEqual(['STAT', 'STLS']);
    expect(complete('ST', { words: PROTOCOL_COMMANDS.pop3 })?.insert).toBe('ST');
  });

  it('completes the word after the tag for IMAP', () => {
    expect(complete('a1 LOGI', { words: PROTOCOL_COMMANDS.imap, wordIndex: 1 })?.insert).toBe('LOGIN ');
    expect(complete('a1', { words: PROTOCOL_COMMANDS.imap, wordIndex: 1 })).toBeNull();
  });

  it('adds no space after a whole-line word', () => {
    expect(complete('', { words: ['DONE'], wholeLine: true })?.insert).toBe('DONE');
  });

  it('does nothing for arguments or unknown prefixes', () => {
    expect(complete('EHLO ', smtp)).toBeNull();
    expect(complete('XYZ', smtp)).toBeNull();
  });
});

/**
 * A real engine and the dialogue observer the terminal keeps for live servers, fed the engine's
 * own replies: Tab completes from what the observer infers, and the observer must agree with the
 * engine at every step (so these are states a session really reaches, not ones set by hand).
 */
class Observed {
  readonly #dialogue: DialogueState;
  readonly #driver: EngineDriver<string, unknown>;

  constructor(
    readonly protocol: MailProtocol,
    engine: ServerEngine<string, unknown>,
  ) {
    this.#dialogue = dialogueState(protocol);
    this.#driver = new EngineDriver(engine);
    this.#hear(this.#driver.start());
  }

  /** Sends one line; returns the engine's last reply line. */
  send(line: string): string {
    this.#dialogue.client(line);
    const replies = this.#driver.send(`${line}\r\n`);
    this.#hear(replies);
    return replies.at(-1) ?? '';
  }

  get state(): string | null {
    return this.#dialogue.state;
  }

  /** What Tab does with `before` left of the cursor. */
  tab(before: string): ReturnType<typeof complete> {
    return complete(before, completionSource(this.protocol, this.#dialogue.state));
  }

  #hear(lines: string[]): void {
    for (const line of lines) this.#dialogue.server(line);
    expect(this.#dialogue.state).toBe(this.#driver.engine.state);
  }
}

const DONE = { replace: 0, insert: 'DONE', candidates: [] };
const CANCEL = { replace: 0, insert: '*', candidates: [] };

describe('Tab in the sub-states where the next line is not a command', () => {
  // Port 993 is implicit TLS: LOGIN and AUTHENTICATE PLAIN are allowed at once.
  const imap = (): Observed => new Observed('imap', imapServer(freshWorld(), 993));

  it('IMAP IDLE: DONE and nothing else, in the selected and the authenticated state (RFC 9051 §6.3.13, RFC 2177 §3)', () => {
    const s = imap();
    expect(s.send('a0 LOGIN alice wonderland')).toMatch(/^a0 OK/);
    expect(s.send('a1 SELECT INBOX')).toMatch(/^a1 OK/);
    expect(s.tab('a2 IDL')?.insert).toBe('IDLE ');
    expect(s.send('a2 IDLE')).toMatch(/^\+ /);
    expect(s.state).toBe('idle-selected');
    expect(s.tab('')).toEqual(DONE);
    expect(s.tab('do')).toEqual({ replace: 2, insert: 'done', candidates: [] });
    // No tagged command, no verb: the server takes only DONE here.
    expect(s.tab('a3 ')).toBeNull();
    expect(s.tab('a3 FE')).toBeNull();
    expect(s.tab('N')).toBeNull();
    expect(s.send('DONE')).toMatch(/^a2 OK/);
    expect(s.tab('')).toBeNull();
    expect(s.tab('a3 FE')?.insert).toBe('FETCH ');
    expect(s.send('a3 CLOSE')).toMatch(/^a3 OK/);
    expect(s.send('a4 IDLE')).toMatch(/^\+ /);
    expect(s.state).toBe('idle-authenticated');
    expect(s.tab('D')).toEqual({ replace: 1, insert: 'DONE', candidates: [] });
    expect(s.tab('a5 SEL')).toBeNull();
  });

  it('IMAP AUTHENTICATE: "*" to cancel, beside the base64 response the learner types (RFC 9051 §6.2.2)', () => {
    const s = imap();
    expect(s.send('a1 AUTHENTICATE PLAIN')).toMatch(/^\+/);
    expect(s.state).toBe('sasl');
    expect(s.tab('')).toEqual(CANCEL);
    expect(s.tab('AGFsaWNl')).toBeNull();
    expect(s.tab('a2 LOGI')).toBeNull();
    expect(s.send('*')).toMatch(/^a1 BAD/);
    expect(s.tab('')).toBeNull();
    expect(s.tab('a2 LOGI')?.insert).toBe('LOGIN ');
  });

  it('POP3 AUTH: "*" to cancel, no command verbs (RFC 5034 §4)', () => {
    const s = new Observed('pop3', new Pop3Server(testContext('mail.example.org', 995, freshWorld())));
    expect(s.tab('US')?.insert).toBe('USER ');
    expect(s.send('AUTH PLAIN')).toMatch(/^\+/);
    expect(s.state).toBe('SASL');
    expect(s.tab('')).toEqual(CANCEL);
    expect(s.tab('US')).toBeNull();
    expect(s.send('*')).toMatch(/^-ERR/);
    expect(s.tab('US')?.insert).toBe('USER ');
  });

  it('SMTP AUTH: "*" to cancel, no command verbs (RFC 4954 §4)', () => {
    const s = new Observed('smtp', new SmtpServer(smtpContext('mail.example.org', 25, { plaintextAuth: true })));
    expect(s.send('EHLO client.test')).toMatch(/^250 /);
    expect(s.send('AUTH LOGIN')).toMatch(/^334 /);
    expect(s.state).toBe('auth');
    expect(s.tab('')).toEqual(CANCEL);
    expect(s.tab('MA')).toBeNull();
    expect(s.send('*')).toMatch(/^501 /);
    expect(s.tab('MA')?.insert).toBe('MAIL FROM:');
  });
});
