/** Leading a fresh connection back to STARTTLS/STLS for a fallback to TLS at the relay. */
import { describe, expect, it } from 'vitest';
import { StartTlsReplay, type ReplayStep } from './starttls-replay.ts';
import { utf8Bytes } from '../wire/bytes.ts';

/** Feeds server text in the given pieces; the steps in order. */
function run(replay: StartTlsReplay, ...pieces: string[]): Array<ReplayStep | null> {
  return pieces.map((p) => replay.server(utf8Bytes(p)));
}

describe('StartTlsReplay', () => {
  it('SMTP: waits out a multiline greeting and EHLO reply, with the learner\'s EHLO name', () => {
    const steps = run(new StartTlsReplay('smtp', 'EHLO laptop.example\r\nSTARTTLS\r\n'), '220-mail.test\r\n', '220 ESMTP\r\n', '250-mail.test\r\n250-STARTTLS\r', '\n250 8BITMIME\r\n', '220 2.0.0 Ready to start TLS\r\n');
    expect(steps).toEqual([null, { type: 'send', line: 'EHLO laptop.example\r\n' }, null, { type: 'send', line: 'STARTTLS\r\n' }, { type: 'agreed' }]);
  });

  it('IMAP and POP3 go straight to STARTTLS/STLS; the protocol may come from the greeting', () => {
    expect(run(new StartTlsReplay(null, ''), '* OK Dovecot ready.\r\n', 'r1 OK Begin TLS negotiation now.\r\n')).toEqual([{ type: 'send', line: 'r1 STARTTLS\r\n' }, { type: 'agreed' }]);
    expect(run(new StartTlsReplay('pop3', ''), '+OK Dovecot ready.\r\n', '+OK Begin TLS negotiation now.\r\n')).toEqual([{ type: 'send', line: 'STLS\r\n' }, { type: 'agreed' }]);
  });

  it('says why when the second connection goes another way', () => {
    expect(run(new StartTlsReplay('smtp', ''), '554 go away\r\n')).toEqual([{ type: 'failed', reason: 'the server\'s greeting was "554 go away"' }]);
    expect(run(new StartTlsReplay('smtp', 'HELO x\r\n'), '220 hi\r\n', '421 busy\r\n')).toEqual([{ type: 'send', line: 'EHLO x\r\n' }, { type: 'failed', reason: 'the server answered EHLO with "421 busy"' }]);
    expect(run(new StartTlsReplay('imap', ''), '* OK hi\r\n', 'r1 BAD no TLS today\r\n')).toEqual([{ type: 'send', line: 'r1 STARTTLS\r\n' }, { type: 'failed', reason: 'the server answered STARTTLS with "r1 BAD no TLS today"' }]);
  });
});
