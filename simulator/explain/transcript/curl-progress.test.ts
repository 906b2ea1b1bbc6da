import { describe, expect, it } from 'vitest';
import { parseTranscript } from './parse.ts';

// curl -v with stdout not a terminal, as captured against Dovecot: the progress meter redraws
// without a line end, so a -v line can follow it on the same line.
const METER = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
const PASTE = [
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current',
  '                                 Dload  Upload   Total   Spent    Left  Speed',
  `${METER}*   Trying 127.0.0.1:40709...`,
  '* Connected to 127.0.0.1 (127.0.0.1) port 40709 (#0)',
  '< +OK Dovecot (Debian) ready.',
  '> CAPA',
  `${METER}< +OK`,
  '< CAPA',
  '< STLS',
  '< .',
  '> STLS',
  '< +OK Begin TLS negotiation now.',
].join('\n');

describe('curl -v with its progress meter', () => {
  it('reads a line the meter was drawn in front of as the line it is', () => {
    const t = parseTranscript(PASTE);
    expect(t.format).toBe('curl');
    expect(t.port).toBe(40709);
    expect(t.lines.filter((l) => l.side !== 'note').map((l) => `${l.side === 'client' ? 'C' : 'S'}: ${l.text}`)).toEqual([
      'S: +OK Dovecot (Debian) ready.',
      'C: CAPA',
      'S: +OK',
      'S: CAPA',
      'S: STLS',
      'S: .',
      'C: STLS',
      'S: +OK Begin TLS negotiation now.',
    ]);
  });
});
