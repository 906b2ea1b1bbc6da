import { describe, expect, it } from 'vitest';
import { RefusingConnector } from '../connector.ts';
import { ScriptedConnector, makeHarness, settle, type Harness } from '../testing/harness.ts';
import { SLASH_COMMANDS, findSlashCommand } from './registry.ts';

/** The lines a command printed: everything between its prompt line and the next prompt. */
function run(h: Harness, line: string): string[] {
  const before = h.lines().length;
  h.enter(line);
  return h.lines().slice(before, -1);
}

describe('slash command registry', () => {
  it('has the commands the terminal promises, each with usage and summary', () => {
    expect(SLASH_COMMANDS.map((c) => c.name)).toEqual(['help', 'hosts', 'connect', 'disconnect', 'live', 'relay', 'clear', 'history', 'base64', 'save', 'capture']);
    for (const c of SLASH_COMMANDS) {
      expect(c.usage.startsWith(`/${c.name}`)).toBe(true);
      expect(c.summary.length).toBeGreaterThan(0);
    }
    expect(findSlashCommand('HELP')?.name).toBe('help');
  });

  it('answers an unknown command with a one-line hint', () => {
    const h = makeHarness();
    expect(run(h, '/frobnicate now')).toEqual(['Unknown command "/frobnicate". Type /help for the list.']);
    expect(run(h, '/')).toEqual(['Unknown command "/". Type /help for the list.']);
  });

  it('answers wrong arguments to any command with one usage line', () => {
    const h = makeHarness();
    for (const [line, usage] of [
      ['/help me', '/help'], ['/hosts all', '/hosts'], ['/connect', '/connect HOST PORT'], ['/connect a', '/connect HOST PORT'],
      ['/connect a 25 b', '/connect HOST PORT'], ['/disconnect now', '/disconnect'], ['/clear all', '/clear'],
      ['/history 5', '/history'], ['/base64', '/base64 [-d] TEXT'], ['/base64 -d', '/base64 [-d] TEXT'],
      ['/save it', '/save'], ['/capture now', '/capture'],
    ]) {
      expect(run(h, line ?? '')).toEqual([`Usage: ${usage}`]);
    }
  });
});

describe('/help', () => {
  it('lists every command with its usage', () => {
    const out = run(makeHarness(), '/help');
    expect(out[0]).toMatch(/Lines you type go to the server/);
    for (const c of SLASH_COMMANDS) expect(out.some((l) => l.trim().startsWith(c.usage))).toBe(true);
    for (const c of SLASH_COMMANDS) expect(out.some((l) => l.includes(c.summary))).toBe(true);
    expect(out.some((l) => /begins with/.test(l))).toBe(true);
  });

  it('puts each summary under its usage, word-wrapped, on a narrow terminal', () => {
    const out = run(makeHarness({ cols: 40 }), '/help');
    const i = out.indexOf('  /hosts');
    expect(out.slice(i + 1, i + 3)).toEqual(['      list the hosts and ports you can', '      connect to']);
    for (const line of out) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('ends, when not connected, with the first step just above the prompt', () => {
    const out = run(makeHarness({ cols: 40 }), '/help');
    expect(out.slice(-2)).toEqual(['To begin: /connect HOST PORT (/hosts', 'lists the servers and ports).']);
  });

  it('uses two columns on a wide one', () => {
    const out = run(makeHarness({ cols: 120 }), '/help');
    expect(out).toContain(`  ${'/hosts'.padEnd('/connect HOST PORT'.length)}  list the hosts and ports you can connect to`);
  });
});

describe('/hosts', () => {
  it('says so when the network has no servers', () => {
    expect(run(makeHarness({ connector: new RefusingConnector() }), '/hosts')).toEqual([
      'No mail servers are running on this network yet: every /connect will be refused.',
    ]);
  });

  it('lists the hosts the connector knows', () => {
    const connector = new ScriptedConnector([{ name: 'mail.example.com', domains: ['example.com'], ports: [25, 587] }]);
    expect(run(makeHarness({ connector }), '/hosts')).toEqual(['  mail.example.com (mail for example.com): ports 25, 587']);
  });
});

describe('/connect', () => {
  it('rejects a bad port or host with a hint', () => {
    const h = makeHarness();
    expect(run(h, '/connect mail.example.com 0')).toEqual(['"0" is not a port number (1-65535). Usage: /connect HOST PORT']);
    expect(run(h, '/connect mail.example.com 70000')).toEqual(['"70000" is not a port number (1-65535). Usage: /connect HOST PORT']);
    expect(run(h, '/connect mail.example.com smtp')).toEqual(['"smtp" is not a port number (1-65535). Usage: /connect HOST PORT']);
    expect(run(h, '/connect mail_example..com 25')).toEqual(['"mail_example..com" is not a host name. Usage: /connect HOST PORT']);
  });

  it('reports a refusal clearly, like a real client when nothing listens', async () => {
    const h = makeHarness({ connector: new RefusingConnector() });
    h.enter('/connect nowhere.example 25');
    await settle();
    expect(h.lines().slice(-3)).toEqual([
      'Trying nowhere.example port 25 (SMTP)...',
      'Connection refused: nothing is listening on nowhere.example port 25.',
      'mailwire>',
    ]);
    const id = h.store.getState().terminals['test']?.lastSessionId ?? '';
    expect(h.store.getState().sessions[id]).toMatchObject({ status: 'failed', reason: 'REFUSED: connection refused' });
  });

  it('reports unknown hosts and other errors by their code', async () => {
    const connector = new ScriptedConnector();
    const h = makeHarness({ connector });
    h.enter('/connect nosuch.example 25');
    connector.last.emit({ type: 'error', code: 'DNS', message: 'no such host' });
    connector.last.emit({ type: 'closed', by: 'server' });
    await settle();
    expect(h.lines()).toContain('Unknown host nosuch.example: no such host. /hosts lists the servers.');
    h.enter('/connect other.example 25');
    connector.last.emit({ type: 'error', code: 'DNS', message: 'other.example: no such host (DNS: no A record)' });
    connector.last.emit({ type: 'closed', by: 'client' });
    await settle();
    expect(h.lines()).toContain('other.example: no such host (DNS: no A record). /hosts lists the servers.');
    h.enter('/connect mail.example.com 25');
    connector.last.emit({ type: 'error', code: 'POLICY', message: 'port not allowed by the relay' });
    await settle();
    expect(h.lines()).toContain('Connection error (POLICY): port not allowed by the relay.');
  });

  it('refuses to open a second connection', () => {
    const connector = new ScriptedConnector();
    const h = makeHarness({ connector });
    h.enter('/connect mail.example.com 25');
    expect(run(h, '/connect mail.example.org 25')).toEqual(['Already connected to mail.example.com:25; /disconnect first.']);
    expect(connector.transports.length).toBe(1);
  });
});

describe('/disconnect', () => {
  it('closes the connection at once', async () => {
    const connector = new ScriptedConnector();
    const h = makeHarness({ connector });
    h.enter('/connect mail.example.com 25');
    connector.last.emit({ type: 'open', remote: 'mail.example.com', port: 25 });
    await settle();
    expect(run(h, '/disconnect')).toEqual(['Connection closed by you.']);
    expect(connector.last.closedByClient).toBe(true);
    expect(h.lines().at(-1)).toBe('mailwire>');
  });

  it('says when there is nothing to close', () => {
    expect(run(makeHarness(), '/disconnect')).toEqual(['Not connected.']);
  });
});

describe('/clear', () => {
  it('clears the screen, leaving the prompt', () => {
    const h = makeHarness();
    h.enter('/help');
    h.enter('/clear');
    expect(h.lines()).toEqual(['mailwire>']);
  });
});

describe('/history', () => {
  it('lists earlier lines, numbered, including itself', () => {
    const h = makeHarness();
    expect(run(h, '/history')).toEqual(['1  /history']);
    h.enter('/base64 x');
    expect(run(h, '/history')).toEqual(['1  /history', '2  /base64 x', '3  /history']);
  });
});

describe('/base64', () => {
  it('encodes AUTH PLAIN credentials with \\0 escapes', () => {
    expect(run(makeHarness(), '/base64 \\0alice\\0wonderland')).toEqual(['AGFsaWNlAHdvbmRlcmxhbmQ=']);
  });

  it('keeps spaces inside the text', () => {
    expect(run(makeHarness(), '/base64 a b')).toEqual(['YSBi']);
  });

  it('decodes with -d and shows NULs as \\0', () => {
    expect(run(makeHarness(), '/base64 -d AGFsaWNlAHdvbmRlcmxhbmQ=')).toEqual(['\\0alice\\0wonderland']);
  });

  it('explains bad input', () => {
    const h = makeHarness();
    expect(run(h, '/base64 -d not*base64')).toEqual(['Not Base64: "*" is not a Base64 character.']);
    expect(run(h, '/base64 \\q')).toEqual(['unknown escape "\\q" (use \\0 \\n \\r \\t \\\\ or \\xHH).']);
  });

  it('encodes "-d" itself when written with an escape', () => {
    expect(run(makeHarness(), '/base64 \\x2dd')).toEqual(['LWQ=']);
  });
});

describe('/save', () => {
  it('says there is nothing to save before any connection', () => {
    const h = makeHarness();
    expect(run(h, '/save')).toEqual(['Nothing to save yet: /connect to a server first.']);
    expect(h.downloads).toEqual([]);
  });

  it('downloads the transcript of the session in C:/S: notation, also after it closed', async () => {
    const connector = new ScriptedConnector();
    const h = makeHarness({ connector, cols: 200 });
    h.enter('/connect mail.example.com 25');
    const t = connector.last;
    t.emit({ type: 'open', remote: 'mail.example.com', port: 25 });
    t.reply('220 mail.example.com ESMTP');
    await settle();
    h.enter('QUIT');
    t.reply('221 Bye');
    t.emit({ type: 'closed', by: 'server' });
    await settle();
    const out = run(h, '/save');
    expect(out).toEqual([`Saved the transcript as ${h.downloads[0]?.name}.`]);
    expect(h.downloads[0]?.name).toMatch(/^mailwire-mail\.example\.com-25-2026-01-02T03-04-05-\d+Z\.txt$/);
    const body = h.downloads[0]?.text.split('\n') ?? [];
    expect(body[0]).toBe('# Mailwire transcript: mail.example.com port 25, opened 2026-01-02T03:04:05.010Z');
    expect(body.slice(1, 4).map((l) => l.replace(/^\S+ /, ''))).toEqual(['S: 220 mail.example.com ESMTP', 'C: QUIT', 'S: 221 Bye']);
    expect(body[4]).toMatch(/^# closed .*: closed by server$/);
  });
});
