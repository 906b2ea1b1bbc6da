import { describe, expect, it } from 'vitest';
import { liveTarget } from './live-target.ts';

describe('liveTarget', () => {
  it('uses the row port when no port is typed, and the row decides implicit TLS', () => {
    expect(liveTarget({ on: true, host: ' mail.example.net ', port: '' }, 993)).toEqual({ host: 'mail.example.net', port: 993, implicitTls: true });
    expect(liveTarget({ on: true, host: 'localhost', port: '10993' }, 993)).toEqual({ host: 'localhost', port: 10993, implicitTls: true });
    expect(liveTarget({ on: true, host: 'localhost', port: '10143' }, 143)).toEqual({ host: 'localhost', port: 10143, implicitTls: false });
  });

  it('asks for a host, and refuses what is not a port', () => {
    expect(liveTarget({ on: true, host: '  ', port: '' }, 143)).toHaveProperty('error', expect.stringMatching(/type the live host/));
    for (const port of ['0', '65536', 'x', '1 2', '-5']) {
      expect(liveTarget({ on: true, host: 'localhost', port }, 143)).toHaveProperty('error', expect.stringMatching(/not a port number/));
    }
  });
});
