/**
 * "Export as commands", checked for real: a session is played against `npm run serve`'s servers,
 * exported, and the exported swaks, openssl s_client and curl commands are run against a fresh
 * server; the mailboxes must end up as the session left them.
 */
import { spawn } from 'node:child_process';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { exportSession, tlsModeOf, type ExportLine, type ToolCommand, type ToolExport } from '../../explain/export/index.ts';
import type { MailProtocol } from '../../world/ports.ts';
import { crlfMessage, inbox, lines, port, startTestServers, withoutTrace } from './conformance-harness.ts';
import type { RunningServers } from './servers.ts';
import type { ServiceName } from './services.ts';

const running: RunningServers[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
});

/** A fresh server with the same three messages in each test user's INBOX. */
async function fresh(): Promise<RunningServers> {
  const servers = await startTestServers();
  running.push(servers);
  for (const user of ['frank@example.com', 'grace@example.com']) {
    for (const n of [1, 2, 3]) {
      const raw = crlfMessage(['From: Bob <bob@example.org>', `To: ${user}`, `Subject: seed ${n}`, '', `Body ${n}.`]);
      const stored = servers.world.store.append(user, 'INBOX', raw, { internalDate: Date.UTC(2026, 0, n) });
      if (!stored.ok) throw new Error(stored.message);
    }
  }
  return servers;
}

/** One step of a scripted session: a line to send, and the server line that ends its answer (null: none, as in DATA). */
type Script = ReadonlyArray<readonly [string, RegExp | null]>;

/** Plays a script like a learner at a terminal, recording both sides' lines as the lab does. */
async function playSession(servicePort: number, implicitTls: boolean, greeting: RegExp, script: Script, starttls: RegExp | null): Promise<ExportLine[]> {
  const recorded: ExportLine[] = [];
  let socket: Socket = implicitTls ? tlsConnect({ port: servicePort, host: '127.0.0.1', rejectUnauthorized: false }) : netConnect(servicePort, '127.0.0.1');
  let reader = lines(socket);
  const until = async (last: RegExp): Promise<void> => {
    for (;;) {
      const line = await reader.next();
      recorded.push({ direction: 'server', text: line });
      if (last.test(line)) return;
    }
  };
  await until(greeting);
  for (const [line, last] of script) {
    recorded.push({ direction: 'client', text: line });
    socket.write(`${line}\r\n`);
    if (last) await until(last);
    if (starttls?.test(line)) {
      socket.removeAllListeners('data');
      const secure = tlsConnect({ socket, rejectUnauthorized: false });
      reader = lines(secure);
      await new Promise((resolve) => secure.once('secureConnect', resolve));
      socket = secure;
    }
  }
  socket.end();
  return recorded;
}

function runWithInput(argv: readonly string[], input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', (e) => (out += String(e)));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
    child.stdin.end(input);
  });
}

/**
 * Runs an exported command as printed, plus only what a self-signed test server needs (curl -k) and
 * what running unattended needs (-quiet for s_client, which also waits for the server's close).
 */
async function runExported(tool: ToolExport['tool'], command: ToolCommand): Promise<void> {
  const argv = tool === 'curl' ? [...command.argv, '-k', '-sS'] : tool === 'openssl' ? [...command.argv, '-quiet'] : [...command.argv];
  const input = command.typed ? command.typed.map((l) => `${l}\n`).join('') : (command.stdin ?? '');
  const result = await runWithInput(argv, input);
  expect(result.code, `${command.shell}\n${command.typed?.join('\n') ?? ''}\n→ ${result.out}`).toBe(0);
}

function exported(protocol: MailProtocol, servicePort: number, sessionPort: number, recorded: ExportLine[]): ToolExport[] {
  const session = { protocol, host: '127.0.0.1', port: sessionPort, tls: tlsModeOf(protocol, sessionPort, recorded), lines: recorded };
  return exportSession(session, { host: '127.0.0.1', port: servicePort, includePassword: true });
}

/** Each tool's commands run against a server of their own; returns the server after the run. */
async function runTool(service: ServiceName, make: (servicePort: number) => ToolExport[], tool: ToolExport['tool']): Promise<RunningServers> {
  const servers = await fresh();
  const toolExport = make(port(servers, service)).find((t) => t.tool === tool)!;
  expect(toolExport.commands.length, toolExport.notes.join('\n')).toBeGreaterThan(0);
  for (const command of toolExport.commands) await runExported(tool, command);
  return servers;
}

function mailboxState(servers: RunningServers, user: string, mailbox: string): string[] {
  return inbox(servers.world, user, mailbox).map((m) => {
    const subject = /^Subject: (.*)$/m.exec(Buffer.from(m.raw).toString('latin1'))?.[1]?.trim() ?? '?';
    return `${subject} ${[...m.flags].filter((f) => f !== '\\Recent').sort().join(' ')}`.trim();
  });
}

async function deliveredTo(servers: RunningServers, user: string): Promise<string[]> {
  const deadline = Date.now() + 5000;
  while (inbox(servers.world, user).length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return inbox(servers.world, user).slice(3).map((m) => withoutTrace(m.raw).toString('latin1'));
}

describe('SMTP session exported and run for real', () => {
  const plain = Buffer.from('\u0000frank@example.com\u0000fisher').toString('base64');
  const script: Script = [
    ['EHLO client.example', /^250 /],
    ['STARTTLS', /^220 /],
    ['EHLO client.example', /^250 /],
    [`AUTH PLAIN ${plain}`, /^235 /],
    ['MAIL FROM:<frank@example.com>', /^250 /],
    ['RCPT TO:<grace@example.com>', /^250 /],
    ['DATA', /^354 /],
    ['From: Frank <frank@example.com>', null],
    ['To: Grace <grace@example.com>', null],
    ['Subject: exported', null],
    ['', null],
    ['..a line that starts with a dot', null],
    ['Bye.', null],
    ['.', /^250 /],
    ['QUIT', /^221 /],
  ];

  it.each(['swaks', 'openssl', 'curl'] as const)('%s delivers the same message to the same mailbox', async (tool) => {
    const origin = await fresh();
    const sessionPort = port(origin, 'submission');
    const recorded = await playSession(sessionPort, false, /^220 /, script, /^STARTTLS$/);
    const expected = await deliveredTo(origin, 'grace@example.com');
    expect(expected).toHaveLength(1);
    expect(expected[0]).toContain('\r\n.a line that starts with a dot\r\n');
    // The session ran on port 587's role; the export is told the real port, as a learner edits it.
    const servers = await runTool('submission', (p) => exported('smtp', p, 587, recorded), tool);
    expect(await deliveredTo(servers, 'grace@example.com')).toEqual(expected);
  }, 60_000);
});

describe('SMTP on implicit TLS (465) with AUTH LOGIN, exported and run for real', () => {
  const b64 = (t: string): string => Buffer.from(t).toString('base64');
  const script: Script = [
    ['EHLO client.example', /^250 /],
    ['AUTH LOGIN', /^334 /],
    [b64('frank@example.com'), /^334 /],
    [b64('fisher'), /^235 /],
    ['MAIL FROM:<frank@example.com>', /^250 /],
    ['RCPT TO:<grace@example.com>', /^250 /],
    ['DATA', /^354 /],
    ['Subject: over 465', null],
    ['', null],
    ['Hello.', null],
    ['.', /^250 /],
    ['QUIT', /^221 /],
  ];

  it.each(['swaks', 'openssl', 'curl'] as const)('%s delivers the same message', async (tool) => {
    const origin = await fresh();
    const recorded = await playSession(port(origin, 'submissions'), true, /^220 /, script, null);
    const expected = await deliveredTo(origin, 'grace@example.com');
    expect(expected).toHaveLength(1);
    const servers = await runTool('submissions', (p) => exported('smtp', p, 465, recorded), tool);
    expect(await deliveredTo(servers, 'grace@example.com')).toEqual(expected);
  }, 60_000);
});

describe('POP3 session exported and run for real', () => {
  const script: Script = [
    ['STLS', /^\+OK/],
    ['USER frank@example.com', /^\+OK/],
    ['PASS fisher', /^\+OK/],
    ['STAT', /^\+OK/],
    ['RETR 1', /^\.$/],
    ['DELE 2', /^\+OK/],
    ['QUIT', /^\+OK/],
  ];

  it.each(['openssl', 'curl'] as const)('%s deletes the same message', async (tool) => {
    const origin = await fresh();
    const recorded = await playSession(port(origin, 'pop3'), false, /^\+OK/, script, /^STLS$/);
    const expected = mailboxState(origin, 'frank@example.com', 'INBOX');
    expect(expected.map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual(['seed 1', 'seed 3']);
    const servers = await runTool('pop3', (p) => exported('pop3', p, 110, recorded), tool);
    expect(mailboxState(servers, 'frank@example.com', 'INBOX')).toEqual(expected);
  }, 60_000);
});

describe('POP3 on implicit TLS (995) with AUTH PLAIN, exported and run for real', () => {
  const plain = Buffer.from('\u0000frank@example.com\u0000fisher').toString('base64');
  const script: Script = [
    [`AUTH PLAIN ${plain}`, /^\+OK/],
    ['DELE 1', /^\+OK/],
    ['DELE 3', /^\+OK/],
    ['QUIT', /^\+OK/],
  ];

  it.each(['openssl', 'curl'] as const)('%s deletes the same messages', async (tool) => {
    const origin = await fresh();
    const recorded = await playSession(port(origin, 'pop3s'), true, /^\+OK/, script, null);
    const expected = mailboxState(origin, 'frank@example.com', 'INBOX');
    expect(expected).toEqual(['seed 2']);
    const servers = await runTool('pop3s', (p) => exported('pop3', p, 995, recorded), tool);
    expect(mailboxState(servers, 'frank@example.com', 'INBOX')).toEqual(expected);
  }, 60_000);
});

describe('IMAP with STARTTLS (143) and AUTHENTICATE PLAIN, exported and run for real', () => {
  const plain = Buffer.from('\u0000grace@example.com\u0000gardener').toString('base64');
  const script: Script = [
    ['a STARTTLS', /^a /],
    ['b AUTHENTICATE PLAIN', /^\+/],
    [plain, /^b /],
    ['c SELECT INBOX', /^c /],
    ['d STORE 2:3 +FLAGS (\\Answered \\Seen)', /^d /],
    ['e UID MOVE 1 Trash', /^e /],
    ['f LOGOUT', /^f /],
  ];

  it.each(['openssl', 'curl'] as const)('%s leaves the same flags and mailboxes', async (tool) => {
    const origin = await fresh();
    const recorded = await playSession(port(origin, 'imap'), false, /^\* OK/, script, /^a STARTTLS$/);
    const state = (servers: RunningServers): string[] => [
      ...mailboxState(servers, 'grace@example.com', 'INBOX'), '|', ...mailboxState(servers, 'grace@example.com', 'Trash'),
    ];
    const expected = state(origin);
    expect(expected).toEqual(['seed 2 \\Answered \\Seen', 'seed 3 \\Answered \\Seen', '|', 'seed 1']);
    const servers = await runTool('imap', (p) => exported('imap', p, 143, recorded), tool);
    expect(state(servers)).toEqual(expected);
  }, 60_000);
});

describe('IMAP session exported and run for real', () => {
  const script: Script = [
    ['a LOGIN grace@example.com gardener', /^a /],
    ['b SELECT INBOX', /^b /],
    ['c STORE 1 +FLAGS (\\Flagged)', /^c /],
    ['d FETCH 2 BODY[]', /^d /],
    ['e UID STORE 3 +FLAGS (\\Deleted)', /^e /],
    ['f EXPUNGE', /^f /],
    ['g CREATE Archive', /^g /],
    ['h COPY 1 Archive', /^h /],
    ['i LOGOUT', /^i /],
  ];

  it.each(['openssl', 'curl'] as const)('%s leaves the same flags and mailboxes', async (tool) => {
    const origin = await fresh();
    const recorded = await playSession(port(origin, 'imaps'), true, /^\* OK/, script, null);
    const expected = [...mailboxState(origin, 'grace@example.com', 'INBOX'), '|', ...mailboxState(origin, 'grace@example.com', 'Archive')];
    expect(expected).toEqual(['seed 1 \\Flagged', 'seed 2 \\Seen', '|', 'seed 1 \\Flagged']);
    const servers = await runTool('imaps', (p) => exported('imap', p, 993, recorded), tool);
    expect([...mailboxState(servers, 'grace@example.com', 'INBOX'), '|', ...mailboxState(servers, 'grace@example.com', 'Archive')]).toEqual(expected);
  }, 60_000);
});

describe('IMAP EXAMINE exported and run for real', () => {
  const script: Script = [
    ['a LOGIN grace@example.com gardener', /^a /],
    ['b EXAMINE INBOX', /^b /],
    ['c FETCH 1 BODY[]', /^c /],
    ['d LOGOUT', /^d /],
  ];

  it.each(['openssl', 'curl'] as const)('%s reads without setting \\Seen, as the read-only session did', async (tool) => {
    const origin = await fresh();
    const recorded = await playSession(port(origin, 'imaps'), true, /^\* OK/, script, null);
    const expected = mailboxState(origin, 'grace@example.com', 'INBOX');
    expect(expected).toEqual(['seed 1', 'seed 2', 'seed 3']);
    const servers = await runTool('imaps', (p) => exported('imap', p, 993, recorded), tool);
    expect(mailboxState(servers, 'grace@example.com', 'INBOX')).toEqual(expected);
  }, 60_000);
});
