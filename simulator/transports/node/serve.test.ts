/** The `npm run serve` command line: flags, usage errors, and the lines it prints at start. */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseServeArgs, UsageError } from './serve-args.ts';
import { startServers } from './servers.ts';

const SERVE = new URL('./serve.ts', import.meta.url).pathname;

describe('serve arguments', () => {
  it('parses ports, users, domain, TLS files and plaintext auth', () => {
    const args = parseServeArgs([
      '--host', '::1', '--smtp', '2525', '--imaps', '0', '--user', 'dave:pw:with:colons', '--user', 'eve@example.net:x',
      '--domain', 'Example.NET', '--tls-cert', 'c.pem', '--tls-key', 'k.pem', '--plaintext-auth',
    ]);
    expect(args).toMatchObject({
      bind: '::1',
      ports: { smtp: 2525, imaps: 0 },
      users: [{ name: 'dave', password: 'pw:with:colons' }, { name: 'eve@example.net', password: 'x' }],
      domain: 'example.net',
      certFile: 'c.pem',
      keyFile: 'k.pem',
      plaintextAuth: true,
    });
    expect(parseServeArgs([]).ports).toBeUndefined();
  });

  it.each([
    [['--smtp'], /needs a value/],
    [['--smtp', '--verbose'], /--smtp needs a value/],
    [['--smtp', ''], /"" is not a port number/],
    [['--smtp', '2525', 'extra'], /unknown argument: extra/],
    [['--smtp', '99999'], /not a port/],
    [['--pop3', 'x'], /not a port/],
    [['--user', 'nopassword'], /NAME:PASSWORD/],
    [['--domain', 'nodot'], /not a domain/],
    [['--tls-cert', 'c.pem'], /go together/],
    [['--frobnicate'], /unknown argument/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseServeArgs(argv)).toThrow(UsageError);
    expect(() => parseServeArgs(argv)).toThrow(message);
  });
});

function serve(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SERVE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (/listening on/.test(stdout) && /serving /.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  });
}

describe('npm run serve', () => {
  it('exits 2 with the usage on a bad flag', async () => {
    const r = await serve(['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown argument: --bogus');
    expect(r.stderr).toContain('usage: npm run serve');
  });

  it('prints one line per listener', async () => {
    const r = await serve(['--pop3', '0', '--pop3s', '0', '--user', 'dave:diver']);
    expect(r.stdout).toMatch(/^pop3 listening on 127\.0\.0\.1:\d+$/m);
    expect(r.stdout).toMatch(/^pop3s listening on 127\.0\.0\.1:\d+$/m);
    expect(r.stdout).toMatch(/users: .*dave@example\.com/);
  });
});

describe('startServers', () => {
  it('serves a new domain with its users, and plays the virtual port', async () => {
    const servers = await startServers({ ports: { pop3: 0 }, domain: 'example.net', users: [{ name: 'eve', password: 'x' }], plaintextAuth: true });
    try {
      expect(servers.host.name).toBe('mail.example.net');
      expect(servers.world.dns.mailHosts('example.net')).toEqual(['mail.example.net']);
      expect(servers.world.store.account('eve@example.net')).toBeDefined();
      const greeting = await new Promise<string>((resolve) => {
        const socket = connect(servers.ports.pop3!, '127.0.0.1');
        socket.once('data', (d: Buffer) => {
          resolve(d.toString());
          socket.destroy();
        });
      });
      expect(greeting).toMatch(/^\+OK .*mail\.example\.net/);
    } finally {
      await servers.close();
    }
  });
});
