import { describe, expect, it } from 'vitest';
import { closestCommand, didYouMean, editDistance, refusesCommand } from './did-you-mean.ts';

describe('edit distance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('EHOL', 'EHLO')).toBe(1);
    expect(editDistance('EHOL', 'HELO')).toBe(2);
    expect(editDistance('RETR', 'RETR')).toBe(0);
    expect(editDistance('', 'QUIT')).toBe(4);
    expect(editDistance('SELCT', 'SELECT')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('the closest command', () => {
  it('finds typos in each protocol', () => {
    expect(closestCommand('smtp', 'EHOL')).toBe('EHLO');
    expect(closestCommand('smtp', 'MIAL')).toBe('MAIL');
    expect(closestCommand('smtp', 'STARTTSL')).toBe('STARTTLS');
    expect(closestCommand('smtp', 'qiut')).toBe('QUIT');
    expect(closestCommand('pop3', 'RERT')).toBe('RETR');
    expect(closestCommand('pop3', 'USR')).toBe('USER');
    expect(closestCommand('imap', 'SELCT')).toBe('SELECT');
    expect(closestCommand('imap', 'LOGNI')).toBe('LOGIN');
    expect(closestCommand('imap', 'FETHC')).toBe('FETCH');
  });

  it('stays quiet for known verbs, far words and what is not a word', () => {
    expect(closestCommand('smtp', 'EHLO')).toBeNull();
    expect(closestCommand('smtp', 'HELLO')).toBe('HELO');
    expect(closestCommand('smtp', 'XYZZY')).toBeNull();
    expect(closestCommand('smtp', 'AGFsaWNlAHdvbmRlcmxhbmQ=')).toBeNull();
    expect(closestCommand('pop3', '1')).toBeNull();
    expect(closestCommand('imap', 'X')).toBeNull();
    // A POP3 verb is not an SMTP command: the list is the current protocol's.
    expect(closestCommand('smtp', 'RETR')).toBeNull();
  });
});

describe('did you mean', () => {
  it('answers only a refusal of the line just sent, and never rewrites the reply', () => {
    expect(didYouMean('smtp', 'EHOL x', '500 5.5.2 Error: command not recognized')).toBe('mailwire: did you mean EHLO?');
    expect(didYouMean('smtp', 'EHOL x', '250 OK')).toBeNull();
    expect(didYouMean('smtp', 'EHOL x', '503 5.5.1 Bad sequence')).toBeNull();
    expect(didYouMean('pop3', 'STTA', '-ERR unknown command')).toBe('mailwire: did you mean STAT?');
    expect(didYouMean('imap', 'a1 SELCT INBOX', 'a1 BAD unknown command')).toBe('mailwire: did you mean SELECT?');
    expect(didYouMean('imap', 'a1 SELCT INBOX', 'a1 NO no such mailbox')).toBeNull();
    expect(didYouMean('smtp', 'MIAL FROM:<a@example.com>', '500 5.5.2 Error')).toBe('mailwire: did you mean MAIL?');
    expect(didYouMean('smtp', '', '500 5.5.2 Error')).toBeNull();
    expect(didYouMean('imap', 'a1', 'a1 BAD missing command')).toBeNull();
  });

  it('knows each protocol\'s refusal', () => {
    expect(refusesCommand('smtp', '502 5.5.1 Command not implemented')).toBe(true);
    expect(refusesCommand('smtp', '500-first line')).toBe(false);
    expect(refusesCommand('pop3', '+OK')).toBe(false);
    expect(refusesCommand('imap', '* BAD untagged')).toBe(false);
  });
});
