import { describe, expect, it } from 'vitest';
import { exportSession, tlsModeOf, type ExportLine, type ToolExport } from './index.ts';
import { shellQuote, withHereDoc } from './shell.ts';

/** `C: ` / `S: ` transcript lines, as the RFCs print them. */
function transcript(text: string): ExportLine[] {
  return text
    .trim()
    .split('\n')
    .map((l) => l.replace(/^\s+/, ''))
    .map((l) => ({ direction: l.startsWith('C:') ? 'client' : 'server', text: l.slice(3) }) as ExportLine);
}

function tool(exports: ToolExport[], name: ToolExport['tool']): ToolExport {
  return exports.find((t) => t.tool === name)!;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

const smtpLogin = transcript(`
  S: 220 mail.example.com ESMTP
  C: EHLO laptop
  S: 250-mail.example.com
  S: 250 STARTTLS
  C: STARTTLS
  S: 220 2.0.0 Ready
  C: EHLO laptop
  S: 250-mail.example.com
  S: 250 AUTH PLAIN LOGIN
  C: AUTH LOGIN
  S: 334 VXNlcm5hbWU6
  C: ${b64('alice@example.com')}
  S: 334 UGFzc3dvcmQ6
  C: ${b64('wonder land')}
  S: 235 2.7.0 Authenticated
  C: MAIL FROM:<alice@example.com> SIZE=100
  S: 250 2.1.0 OK
  C: RCPT TO:<nobody@example.com>
  S: 550 5.1.1 No such user
  C: RCPT TO:<bob@example.org>
  S: 250 2.1.5 OK
  C: VRFY bob
  S: 252 2.1.5 Cannot verify
  C: DATA
  S: 354 Go ahead
  C: Subject: hi
  C:
  C: ..dot
  C: .
  S: 250 2.0.0 Queued
  C: QUIT
  S: 221 Bye
`);

describe('SMTP', () => {
  const session = { protocol: 'smtp' as const, host: 'mail.example.com', port: 587, tls: tlsModeOf('smtp', 587, smtpLogin), lines: smtpLogin };

  it('reads STARTTLS, the AUTH LOGIN user, the accepted envelope and the un-stuffed body', () => {
    expect(session.tls).toBe('starttls');
    const swaks = tool(exportSession(session, { host: 'mail.example.com', port: 587, includePassword: false }), 'swaks');
    expect(swaks.commands).toHaveLength(1);
    expect(swaks.commands[0]!.argv).toEqual([
      'swaks', '--server', 'mail.example.com:587', '--tls', '--ehlo', 'laptop', '--auth', 'LOGIN', '--auth-user', 'alice@example.com',
      '--auth-password', 'PASSWORD', '--from', 'alice@example.com', '--to', 'bob@example.org', '--data', '-',
    ]);
    expect(swaks.commands[0]!.stdin).toBe('Subject: hi\n\n.dot\n.\n');
    expect(swaks.notes.join('\n')).toMatch(/nobody@example.com.*refused/);
    expect(swaks.notes.join('\n')).toMatch(/VRFY/);
    expect(swaks.notes.join('\n')).toMatch(/SIZE=100/);
  });

  it('puts the password in only when asked, re-encoded in the typed lines', () => {
    const hidden = tool(exportSession(session, { host: 'h.test', port: 2525, includePassword: false }), 'openssl');
    expect(hidden.commands[0]!.argv).toEqual(['openssl', 's_client', '-connect', 'h.test:2525', '-starttls', 'smtp', '-servername', 'h.test', '-crlf', '-nocommands']);
    const typed = hidden.commands[0]!.typed!;
    expect(typed[0]).toBe('EHLO laptop');
    expect(typed.slice(1, 4)).toEqual(['AUTH LOGIN', b64('alice@example.com'), b64('PASSWORD')]);
    expect(typed).toContain('..dot');
    expect(typed.join('\n')).not.toContain(b64('wonder land'));
    const shown = tool(exportSession(session, { host: 'h.test', port: 2525, includePassword: true }), 'curl');
    expect(shown.commands[0]!.argv).toContain('alice@example.com:wonder land');
    expect(shown.commands[0]!.shell).toContain("'alice@example.com:wonder land'");
    expect(shown.commands[0]!.argv.slice(0, 3)).toEqual(['curl', 'smtp://h.test:2525/laptop', '--ssl-reqd']);
  });

  it('uses implicit TLS on 465 and quits after AUTH when no message was sent', () => {
    const lines = transcript(`
      S: 220 mail.example.com ESMTP
      C: EHLO a
      S: 250 AUTH PLAIN
      C: AUTH PLAIN ${b64('\u0000alice\u0000pw')}
      S: 235 ok
      C: QUIT
      S: 221 bye
    `);
    const out = exportSession({ protocol: 'smtp', host: 'mail.example.com', port: 465, tls: tlsModeOf('smtp', 465, lines), lines }, { host: '127.0.0.1', port: 465, includePassword: false });
    expect(tool(out, 'swaks').commands[0]!.argv).toEqual(['swaks', '--server', '127.0.0.1:465', '--tls-on-connect', '--ehlo', 'a', '--auth', 'PLAIN', '--auth-user', 'alice', '--auth-password', 'PASSWORD', '--quit-after', 'AUTH']);
    expect(tool(out, 'openssl').commands[0]!.argv).not.toContain('-servername');
    expect(tool(out, 'openssl').commands[0]!.typed).toEqual(['EHLO a', `AUTH PLAIN ${b64('\u0000alice\u0000PASSWORD')}`, 'QUIT']);
    expect(tool(out, 'curl').commands).toEqual([]);
    expect(tool(out, 'curl').notes[0]).toMatch(/no curl equivalent/);
  });
});

describe('POP3', () => {
  it('leaves out DELEs undone by RSET, and says openssl needs TLS', () => {
    const lines = transcript(`
      S: +OK ready
      C: USER carol
      S: +OK
      C: PASS singer
      S: +OK 2 messages
      C: DELE 1
      S: +OK marked
      C: RSET
      S: +OK
      C: DELE 2
      S: +OK marked
      C: LIST
      S: +OK
      S: 1 120
      S: .
      C: QUIT
      S: +OK bye
    `);
    const out = exportSession({ protocol: 'pop3', host: 'mail.example.com', port: 110, tls: tlsModeOf('pop3', 110, lines), lines }, { host: 'mail.example.com', port: 110, includePassword: false });
    const curl = tool(out, 'curl');
    expect(curl.commands.map((c) => c.argv)).toEqual([
      ['curl', 'pop3://mail.example.com:110/', '-X', 'DELE 2', '-I', '--user', 'carol:PASSWORD'],
      ['curl', 'pop3://mail.example.com:110/', '--user', 'carol:PASSWORD'],
    ]);
    expect(curl.notes.join('\n')).toMatch(/DELE 1.*RSET/);
    expect(tool(out, 'openssl').commands).toEqual([]);
    expect(tool(out, 'openssl').notes[0]).toMatch(/nc -C mail.example.com 110/);
    expect(tool(out, 'swaks').notes[0]).toMatch(/SMTP only/);
  });
});

describe('POP3 numbering', () => {
  it('moves later message numbers down past messages an earlier curl run deleted', () => {
    const lines = transcript(`
      S: +OK ready
      C: USER carol
      S: +OK
      C: PASS singer
      S: +OK
      C: DELE 1
      S: +OK
      C: DELE 3
      S: +OK
      C: RETR 4
      S: +OK
      S: .
      C: QUIT
      S: +OK
    `);
    const out = exportSession({ protocol: 'pop3', host: 'h', port: 995, tls: 'implicit', lines }, { host: 'h', port: 995, includePassword: true });
    expect(tool(out, 'curl').commands.map((c) => c.argv.slice(1, 4))).toEqual([
      ['pop3s://h:995/', '-X', 'DELE 1'],
      ['pop3s://h:995/', '-X', 'DELE 2'],
      ['pop3s://h:995/2', '--user', 'carol:singer'],
    ]);
    expect(tool(out, 'curl').notes.join('\n')).toMatch(/`RETR 4` becomes `RETR 2`/);
  });
});

describe('IMAP', () => {
  const lines = transcript(`
    S: * OK ready
    C: a AUTHENTICATE PLAIN
    S: +
    C: ${b64('\u0000bob\u0000secret')}
    S: a OK done
    C: b SELECT "Sent Items"
    S: * 2 EXISTS
    S: b OK [READ-WRITE] done
    C: c UID FETCH 7 BODY[]
    S: c OK done
    C: d IDLE
    S: + idling
    C: DONE
    S: d OK done
    C: e APPEND INBOX {5}
    S: + go
    C: hello
    S: e OK done
    C: f STORE 1 +FLAGS (\\Seen)
    S: f OK done
    C: g MOVE 2 Trash
    S: g NO [TRYCREATE] no such mailbox
    C: h LOGOUT
    S: * BYE
    S: h OK
  `);
  const out = exportSession({ protocol: 'imap', host: 'mail.example.com', port: 993, tls: tlsModeOf('imap', 993, lines), lines }, { host: 'mail.example.com', port: 993, includePassword: false });

  it('turns selected-mailbox commands into curl runs on the mailbox URL', () => {
    expect(tool(out, 'curl').commands.map((c) => c.argv)).toEqual([
      ['curl', 'imaps://mail.example.com:993/Sent%20Items;UID=7', '--user', 'bob:PASSWORD'],
      ['curl', 'imaps://mail.example.com:993/Sent%20Items', '-X', 'STORE 1 +FLAGS (\\Seen)', '--user', 'bob:PASSWORD'],
    ]);
    const notes = tool(out, 'curl').notes.join('\n');
    expect(notes).toMatch(/IDLE.*curl cannot/);
    expect(notes).toMatch(/APPEND INBOX \{5\}.*literal/);
    expect(notes).toMatch(/g MOVE 2 Trash.*refused/);
  });

  it('gives openssl every typed line, IDLE and the literal included, password replaced', () => {
    const typed = tool(out, 'openssl').commands[0]!.typed!;
    expect(typed).toEqual([
      'a AUTHENTICATE PLAIN', b64('\u0000bob\u0000PASSWORD'), 'b SELECT "Sent Items"', 'c UID FETCH 7 BODY[]', 'd IDLE', 'DONE',
      'e APPEND INBOX {5}', 'hello', 'f STORE 1 +FLAGS (\\Seen)', 'g MOVE 2 Trash', 'h LOGOUT',
    ]);
  });

  it('peeks where the session had EXAMINEd the mailbox (curl SELECTs, and BODY[] would set \\Seen)', () => {
    const examined = transcript(`
      S: * OK
      C: a LOGIN bob pw
      S: a OK
      C: b EXAMINE INBOX
      S: b OK [READ-ONLY]
      C: c FETCH 1 BODY[]
      S: c OK
    `);
    const o = exportSession({ protocol: 'imap', host: 'h', port: 993, tls: 'implicit', lines: examined }, { host: 'h', port: 993, includePassword: true });
    expect(tool(o, 'curl').commands[0]!.argv).toEqual(['curl', 'imaps://h:993/INBOX', '-X', 'FETCH 1 BODY.PEEK[]', '--user', 'bob:pw']);
    expect(tool(o, 'curl').notes.join('\n')).toMatch(/EXAMINE/);
  });

  it('rewrites a LOGIN password with quoting', () => {
    const login = transcript(`
      S: * OK
      C: a LOGIN "bob smith" "p w"
      S: a OK
    `);
    const o = exportSession({ protocol: 'imap', host: 'h', port: 143, tls: 'none', lines: login }, { host: 'h', port: 143, includePassword: false });
    expect(tool(o, 'openssl').notes[0]).toMatch(/never started TLS/);
    const shown = exportSession({ protocol: 'imap', host: 'h', port: 993, tls: 'implicit', lines: login }, { host: 'h', port: 993, includePassword: false });
    expect(tool(shown, 'openssl').commands[0]!.typed).toEqual(['a LOGIN "bob smith" PASSWORD']);
  });
});

describe('shell', () => {
  it('quotes what the shell would split or expand', () => {
    expect(shellQuote('a@b.c')).toBe('a@b.c');
    expect(shellQuote("it's $x")).toBe(`'it'\\''s $x'`);
    expect(withHereDoc(['cat'], 'EOF\nx\n')).toBe("cat <<'EOF2'\nEOF\nx\nEOF2");
  });
});
