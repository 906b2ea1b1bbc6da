import { describe, expect, it } from 'vitest';
import { PROTOCOL_COMMANDS } from './protocol-commands.ts';
import { commandsFor } from './state-commands.ts';

describe('commandsFor: what Tab offers in a state', () => {
  it('every verb while the state is unknown', () => {
    expect(commandsFor('imap', null)).toBe(PROTOCOL_COMMANDS.imap);
    expect(commandsFor('smtp', 'no-such-state')).toBe(PROTOCOL_COMMANDS.smtp);
  });

  it('IMAP: LOGIN before, SELECT after authentication; FETCH only when selected', () => {
    expect(commandsFor('imap', 'not-authenticated')).toEqual(expect.arrayContaining(['LOGIN', 'STARTTLS', 'CAPABILITY']));
    expect(commandsFor('imap', 'not-authenticated')).not.toContain('SELECT');
    expect(commandsFor('imap', 'authenticated')).toContain('SELECT');
    expect(commandsFor('imap', 'authenticated')).not.toContain('FETCH');
    expect(commandsFor('imap', 'selected')).toContain('FETCH');
  });

  it('SMTP: MAIL FROM: and RCPT TO: come with their keyword, in the states that allow them', () => {
    expect(commandsFor('smtp', 'connected')).not.toContain('MAIL FROM:');
    expect(commandsFor('smtp', 'ready')).toContain('MAIL FROM:');
    expect(commandsFor('smtp', 'mail')).toContain('RCPT TO:');
    expect(commandsFor('smtp', 'data')).toEqual([]);
  });

  it('POP3: USER/PASS in AUTHORIZATION, RETR in TRANSACTION', () => {
    expect(commandsFor('pop3', 'AUTHORIZATION')).toEqual(expect.arrayContaining(['USER', 'PASS', 'STLS']));
    expect(commandsFor('pop3', 'AUTHORIZATION')).not.toContain('RETR');
    expect(commandsFor('pop3', 'TRANSACTION')).toContain('RETR');
  });
});
