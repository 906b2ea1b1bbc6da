/** `npm run relay` arguments (node:util parseArgs): values checked, nothing empty taken for a default. */
import { describe, expect, it } from 'vitest';
import { parseRelayArgs } from './cli.ts';
import { DEFAULT_LIMITS } from './options.ts';

describe('parseRelayArgs', () => {
  it('takes the defaults, and every flag', () => {
    const d = parseRelayArgs([]);
    if (typeof d === 'string') throw new Error(d);
    expect(d).toMatchObject({ host: '127.0.0.1', port: 8787, drainSeconds: 30, limits: { maxSessions: DEFAULT_LIMITS.maxSessions } });
    const o = parseRelayArgs(['--port', '9000', '--allow-port', '2526', '--origin', 'https://mailwire.example', '--max-sessions', '50', '--drain-seconds', '5', '--allow-private']);
    if (typeof o === 'string') throw new Error(o);
    expect(o).toMatchObject({ port: 9000, origins: ['https://mailwire.example'], allowPrivate: true, drainSeconds: 5, limits: { maxSessions: 50 } });
    expect(o.allowPorts).toContain(2526);
  });

  it.each([
    [['--port', ''], '"" is not a port number'],
    [['--port', '65536'], '"65536" is not a port number'],
    [['--port', '0x50'], '"0x50" is not a port number'],
    [['--max-sessions', '0'], '--max-sessions needs a whole number of at least 1, not "0"'],
    [['--drain-seconds=-1'], '--drain-seconds needs a whole number of at least 0, not "-1"'],
    [['--token', ''], '--token needs a value, and "" is empty'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--port'], "Option '--port <value>' argument missing"],
  ])('refuses %j', (argv, message) => {
    const r = parseRelayArgs(argv);
    expect(typeof r).toBe('string');
    expect(r as string).toContain(message);
    expect(r as string).toContain('usage: npm run relay');
  });

  it('--help is the usage', () => {
    expect(parseRelayArgs(['--help'])).toMatch(/^usage: npm run relay/);
  });
});
