import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../browser/page-storage.ts';
import { BANNER } from './session.ts';
import { ScriptedConnector, makeHarness, settle } from './testing/harness.ts';

/** The prompt as the screen shows it: rows are compared without trailing spaces. */
const P = 'mailwire>';

describe('line discipline', () => {
  it('starts with the banner and a prompt', () => {
    const h = makeHarness();
    expect(h.lines()).toEqual([BANNER, P]);
  });

  it('echoes typing and edits in place: cursor keys, backspace, delete, Home/End', () => {
    const h = makeHarness();
    h.type('HELO');
    h.type('\x1b[D\x1b[D\x7f');
    h.type('\x1b[HX\x1b[FY\x1b[D\x1b[3~');
    expect(h.session.editor.text).toBe('XHLO');
    expect(h.lines().at(-1)).toBe(`${P} XHLO`);
  });

  it('Ctrl+A / Ctrl+E move to the ends, Ctrl+U and Ctrl+W kill', () => {
    const h = makeHarness();
    h.type('RCPT TO:<bob@example.org>');
    h.type('\x01');
    expect(h.session.editor.cursor).toBe(0);
    h.type('\x05\x17');
    expect(h.session.editor.text).toBe('RCPT ');
    h.type('\x15');
    expect(h.lines().at(-1)).toBe(P);
  });

  it('Ctrl+C abandons the line, keeps it visible with ^C, and gives a fresh prompt', () => {
    const h = makeHarness();
    h.type('MAIL FROM:');
    h.type('\x03');
    expect(h.lines().slice(-2)).toEqual([`${P} MAIL FROM:^C`, P]);
    expect(h.session.history.entries).toEqual([]);
  });

  it('Ctrl+L clears the screen and redraws the line being typed', () => {
    const h = makeHarness();
    h.enter('/help');
    h.type('NOO');
    h.type('\x0c');
    expect(h.lines()).toEqual([`${P} NOO`]);
  });

  it('Up and Down recall history, and history survives a reload', () => {
    const storage = new MemoryStorage();
    const h = makeHarness({ storage });
    h.enter('/base64 a');
    h.enter('/hosts');
    h.type('dra');
    h.type('\x1b[A');
    expect(h.session.editor.text).toBe('/hosts');
    h.type('\x1b[A');
    expect(h.session.editor.text).toBe('/base64 a');
    h.type('\x1b[B\x1b[B');
    expect(h.session.editor.text).toBe('dra');
    const reloaded = makeHarness({ storage });
    reloaded.type('\x1b[A');
    expect(reloaded.lines().at(-1)).toBe(`${P} /hosts`);
  });

  it('keeps history per terminal id', () => {
    const storage = new MemoryStorage();
    makeHarness({ storage, terminalId: 'lab' }).enter('/help');
    const other = makeHarness({ storage, terminalId: 'tutorial' });
    other.type('\x1b[A');
    expect(other.session.editor.text).toBe('');
  });

  it('a paste of several lines runs them in order', () => {
    const h = makeHarness();
    h.type('/base64 a\r\n/base64 b\r/base64 c\n');
    expect(h.lines().filter((l) => !l.startsWith(P)).slice(1)).toEqual(['YQ==', 'Yg==', 'Yw==']);
    expect(h.session.history.entries).toEqual(['/base64 a', '/base64 b', '/base64 c']);
  });

  it('Tab completes slash commands and lists the candidates when ambiguous', () => {
    const h = makeHarness();
    h.type('/con\t');
    expect(h.session.editor.text).toBe('/connect ');
    h.type('\x15/h\t');
    expect(h.lines().slice(-2)).toEqual(['/help  /hosts  /history', `${P} /h`]);
    h.type('i\t');
    expect(h.session.editor.text).toBe('/history ');
  });

  it('wraps long lines at the terminal width and still edits them', () => {
    const h = makeHarness({ cols: 20 });
    h.type('/base64 0123456789abcdefghij');
    h.type('\x01\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[CX');
    expect(h.lines().slice(-2)).toEqual(['mailwire> /base64 0X', '123456789abcdefghij']);
    h.type('\r');
    expect(h.lines().at(-1)).toBe(P);
  });

  it('says how to connect when a protocol line is typed while disconnected', () => {
    const h = makeHarness();
    h.enter('EHLO me');
    expect(h.lines().at(-2)).toBe('Not connected: /connect HOST PORT first (/hosts lists the servers).');
  });

  it('an empty Enter while disconnected just gives a new prompt', () => {
    const h = makeHarness();
    h.enter('');
    expect(h.lines()).toEqual([BANNER, P, P]);
  });
});

describe('talking to a server', () => {
  async function connected(port = 25) {
    const connector = new ScriptedConnector();
    const h = makeHarness({ connector });
    h.enter(`/connect mail.example.com ${port}`);
    const t = connector.last;
    t.emit({ type: 'open', remote: '192.0.2.10', port });
    await settle();
    return { h, t, connector };
  }

  it('shows where it is connected in the prompt and sends lines with CRLF', async () => {
    const { h, t } = await connected();
    expect(h.lines()).toContain('Connected to mail.example.com (192.0.2.10) port 25.');
    expect(h.lines().at(-1)).toBe('mail.example.com:25>');
    h.enter('EHLO client.example');
    h.enter('');
    expect(t.sent).toEqual(['EHLO client.example\r\n', '\r\n']);
  });

  it('prints server lines above the line being typed, keeping it', async () => {
    const { h, t } = await connected();
    h.type('EHLO cl');
    t.reply('220 mail.example.com ESMTP');
    await settle();
    expect(h.lines().slice(-2)).toEqual(['220 mail.example.com ESMTP', 'mail.example.com:25> EHLO cl']);
    expect(h.raw.join('')).toContain('\x1b[32m220 mail.example.com ESMTP\x1b[0m');
  });

  it('joins lines split across packets and splits packets holding several lines', async () => {
    const { h, t } = await connected();
    const enc = new TextEncoder();
    t.emit({ type: 'data', bytes: enc.encode('250-mail.exa') });
    t.emit({ type: 'data', bytes: enc.encode('mple.com\r\n250-SIZE\r\n250 OK\r') });
    t.emit({ type: 'data', bytes: enc.encode('\n') });
    await settle();
    expect(h.lines().slice(-4, -1)).toEqual(['250-mail.example.com', '250-SIZE', '250 OK']);
  });

  it('after a refusal of a mistyped verb, adds its own note below the untouched reply', async () => {
    const { h, t } = await connected();
    h.enter('EHOL laptop');
    t.reply('500 5.5.2 Error: command not recognized');
    await settle();
    expect(h.lines().slice(-3)).toEqual(['500 5.5.2 Error: command not recognized', 'mailwire: did you mean EHLO?', 'mail.example.com:25>']);
    expect(h.raw.join('')).toContain('\x1b[31m500 5.5.2 Error: command not recognized\x1b[0m');
    expect(h.raw.join('')).toContain('\x1b[90mmailwire: did you mean EHLO?\x1b[0m');
    h.enter('EHLO laptop');
    t.reply('500 5.5.2 again');
    await settle();
    expect(h.lines().filter((l) => l.startsWith('mailwire: did you mean')).length).toBe(1);
  });

  it('colours replies by class', async () => {
    const { h, t } = await connected(110);
    t.reply('+OK ready', '-ERR no');
    await settle();
    const raw = h.raw.join('');
    expect(raw).toContain('\x1b[32m+OK ready');
    expect(raw).toContain('\x1b[31m-ERR no');
  });

  it('records the transcript with time and direction', async () => {
    const { h, t } = await connected();
    t.reply('220 hi');
    await settle();
    h.enter('QUIT');
    const id = h.store.getState().terminals['test']?.sessionId ?? '';
    const entries = h.store.getState().transcripts[id] ?? [];
    expect(entries.map((e) => [e.direction, new TextDecoder().decode(e.bytes)])).toEqual([['server', '220 hi\r\n'], ['client', 'QUIT\r\n']]);
    expect(entries[0]!.time).toBeLessThan(entries[1]!.time);
  });

  it('sends lines typed before the connection opened once it opens, in order', async () => {
    const connector = new ScriptedConnector();
    const h = makeHarness({ connector });
    h.type('/connect mail.example.com 25\rEHLO a\rNOOP\r');
    expect(h.lines().at(-1)).toBe('mail.example.com:25 connecting>');
    connector.last.emit({ type: 'open', remote: 'mail.example.com', port: 25 });
    await settle();
    expect(connector.last.sent).toEqual(['EHLO a\r\n', 'NOOP\r\n']);
  });

  it('asks for implicit TLS on 465/993/995 and shows TLS in the prompt', async () => {
    const { h, t } = await connected(993);
    expect(t.options).toEqual({ tls: 'implicit' });
    t.emit({ type: 'tls', info: { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' } });
    await settle();
    expect(h.lines()).toContain('TLS is on: TLSv1.3, TLS_AES_128_GCM_SHA256.');
    expect(h.lines().at(-1)).toBe('mail.example.com:993 tls>');
  });

  it('says when the server closes, and goes back to the local prompt', async () => {
    const { h, t } = await connected();
    t.reply('221 2.0.0 Bye');
    t.emit({ type: 'closed', by: 'server' });
    await settle();
    expect(h.lines().slice(-3)).toEqual(['221 2.0.0 Bye', 'Connection closed by the server.', P]);
  });

  it('sends "//x" as "/x" so a body line can start with a slash', async () => {
    const { h, t } = await connected();
    h.enter('//etc/passwd is not here');
    expect(t.sent).toEqual(['/etc/passwd is not here\r\n']);
  });

  it('shows a server\'s control characters instead of obeying them', async () => {
    const { h, t } = await connected();
    t.reply('220 \x1b[2Jgotcha');
    await settle();
    expect(h.lines()).toContain('220 \\x1b[2Jgotcha');
  });

  it('completes the protocol\'s verbs, after the tag for IMAP', async () => {
    const { h } = await connected(143);
    h.type('a1 SEL\t');
    expect(h.session.editor.text).toBe('a1 SELECT ');
  });

  it('submit() runs a whole line, as the touch input row does', async () => {
    const { h, t } = await connected();
    h.session.submit('NOOP');
    expect(t.sent).toEqual(['NOOP\r\n']);
  });
});
