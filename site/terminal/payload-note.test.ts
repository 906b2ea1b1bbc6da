import { describe, expect, it } from 'vitest';
import { dialogueState } from '../../simulator/observe/dialogue-state.ts';
import { smtpContext, smtpDriver } from '../../simulator/smtp/server-fixture.test-helper.ts';
import { payloadNote } from './payload-note.ts';

/** Sends `line` to the real SMTP engine and to the dialogue observer, as the terminal does. */
function drive(lines: readonly string[]): { state: string; left: number } {
  const driver = smtpDriver(smtpContext('mail.example.org', 25));
  const d = dialogueState('smtp');
  d.server('220 mail.example.org ESMTP');
  for (const line of lines) {
    d.client(line);
    for (const reply of driver.send(`${line}\r\n`)) d.server(reply);
  }
  return { state: driver.engine.state, left: d.octetsLeft };
}

const ENVELOPE = ['EHLO laptop.example', 'MAIL FROM:<carol@example.net>', 'RCPT TO:<bob@example.org>'];

describe('the prompt says what the next line is when it is not a command', () => {
  it('counts down a BDAT chunk as its lines are typed, and is gone once the chunk is whole (RFC 3030 §2)', () => {
    const announced = drive([...ENVELOPE, 'BDAT 22 LAST']);
    expect(announced.state).toBe('chunk-rcpt');
    expect(payloadNote('smtp', announced.state, announced.left)).toBe('chunk: 22 octets left');
    const typed = drive([...ENVELOPE, 'BDAT 22 LAST', 'Subject: hi', '']);
    expect(payloadNote('smtp', typed.state, typed.left)).toBe('chunk: 7 octets left');
    const whole = drive([...ENVELOPE, 'BDAT 22 LAST', 'Subject: hi', '', 'Hello']);
    expect(whole.state).toBe('ready');
    expect(payloadNote('smtp', whole.state, whole.left)).toBeNull();
  });

  it('names message text after 354, and nothing in a command state', () => {
    const data = drive([...ENVELOPE, 'DATA']);
    expect(data.state).toBe('data');
    expect(payloadNote('smtp', data.state, data.left)).toBe('message');
    expect(payloadNote('smtp', 'rcpt', 0)).toBeNull();
  });

  it('names SASL responses, IMAP literals with their count, and IDLE', () => {
    expect(payloadNote('pop3', 'SASL', 0)).toBe('SASL');
    expect(payloadNote('imap', 'literal-authenticated', 1)).toBe('literal: 1 octet left');
    expect(payloadNote('imap', 'idle-selected', 0)).toBe('IDLE');
    expect(payloadNote('imap', 'selected', 0)).toBeNull();
  });
});
