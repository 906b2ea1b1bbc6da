import { describe, expect, it } from 'vitest';
import { complete } from './completion.ts';
import { PROTOCOL_COMMANDS } from './protocol-commands.ts';

describe('complete', () => {
  const smtp = PROTOCOL_COMMANDS.smtp;

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
    const r = complete('/h', ['/help', '/hosts', '/history']);
    expect(r).toEqual({ replace: 2, insert: '/h', candidates: ['/help', '/hosts', '/history'] });
    expect(complete('/hi', ['/help', '/hosts', '/history'])?.insert).toBe('/history ');
    expect(complete('S', PROTOCOL_COMMANDS.pop3)?.candidates).toEqual(['STAT', 'STLS']);
    expect(complete('ST', PROTOCOL_COMMANDS.pop3)?.insert).toBe('ST');
  });

  it('completes the word after the tag for IMAP', () => {
    expect(complete('a1 LOGI', PROTOCOL_COMMANDS.imap, 1)?.insert).toBe('LOGIN ');
    expect(complete('a1', PROTOCOL_COMMANDS.imap, 1)).toBeNull();
  });

  it('does nothing for arguments or unknown prefixes', () => {
    expect(complete('EHLO ', smtp)).toBeNull();
    expect(complete('XYZ', smtp)).toBeNull();
  });
});
