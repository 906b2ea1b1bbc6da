/**
 * The paste page's corpus: transcripts the real tools print, captured here against real Dovecot
 * and Postfix on loopback (successes and failures), each read back with every line's direction and
 * the protocol right. Directions are checked against the protocol's grammar, and for openssl,
 * whose output has no direction marks, against the lines this test typed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { liveSuite } from '../../transports/relay/live-suite.test-helper.ts';
import { parseTranscript } from './parse.ts';
import type { ParsedTranscript, TranscriptFormat } from './types.ts';
import type { Protocol } from '../types.ts';

const PTY = fileURLToPath(new URL('./capture/pty-session.py', import.meta.url));
const suite = liveSuite();

/** stdout and stderr of a tool, as a person would copy them from the terminal. */
function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 30_000 });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

/** Each step: wait for the text (`times` times, default once) since the last typed line, then type the line. */
function openssl(args: string[], steps: Array<[string, string] | [string, string, number]>, end: string): string {
  const spec = { argv: ['openssl', 's_client', ...args], steps, end, timeout: 20 };
  return execFileSync('python3', [PTY, JSON.stringify(spec)], { encoding: 'utf8', timeout: 30_000 });
}

function python(script: string): string {
  return run('python3', ['-c', script]);
}

/** Every server line has the form of a reply and every client line the form of a request, walking the dialogue. */
function expectGrammar(t: ParsedTranscript, protocol: Protocol): void {
  expect(t.protocol).toBe(protocol);
  let inData = false;
  let literal = 0;
  let pop3Block = false;
  let lastClient = '';
  for (const line of t.lines.filter((l) => l.side !== 'note')) {
    const where = `line ${line.n} (${line.side}): ${line.text}`;
    if (literal > 0) {
      literal -= line.text.length + 2;
      continue;
    }
    if (protocol === 'smtp') {
      // curl does not print the message it sends: the reply to the end of data comes next.
      if (inData && !(line.side === 'server' && /^\d{3} /.test(line.text))) {
        expect(line.side, where).toBe('client');
        if (line.text === '.') inData = false;
        continue;
      }
      inData = false;
      if (line.side === 'server') expect(line.text, where).toMatch(/^\d{3}(?:[ -]|$)/);
      else expect(line.text, where).not.toMatch(/^\d{3}(?:[ -]|$)/);
      if (line.side === 'server' && line.text.startsWith('354')) inData = true;
    } else if (protocol === 'pop3') {
      if (pop3Block) {
        expect(line.side, where).toBe('server');
        if (line.text === '.') pop3Block = false;
        continue;
      }
      if (line.side === 'server') {
        expect(line.text, where).toMatch(/^(?:[+-]OK|-ERR|\+)(?: |$)|^\+OK/);
        if (line.text.startsWith('+OK') && /^(RETR|TOP|CAPA)\b|^(LIST|UIDL)$/i.test(lastClient)) pop3Block = true;
      } else {
        expect(line.text, where).not.toMatch(/^[+-](?:OK|ERR)/);
        lastClient = line.text;
      }
    } else {
      if (line.side === 'server') expect(line.text, where).toMatch(/^(?:\*|\+|\S+ (?:OK|NO|BAD))(?: |$)/i);
      else expect(line.text, where).not.toMatch(/^\* /);
      const n = /\{(\d+)\+?\}$/.exec(line.text);
      if (n && line.side === 'server') literal = Number(n[1]);
    }
  }
}

function expectRead(t: ParsedTranscript, format: TranscriptFormat, protocol: Protocol): void {
  expect(t.format).toBe(format);
  expect(t.lines.filter((l) => l.side === 'client').length).toBeGreaterThan(1);
  expect(t.lines.filter((l) => l.side === 'server').length).toBeGreaterThan(1);
  expectGrammar(t, protocol);
}

const clientTexts = (t: ParsedTranscript) => t.lines.filter((l) => l.side === 'client').map((l) => l.text);
const serverTexts = (t: ParsedTranscript) => t.lines.filter((l) => l.side === 'server').map((l) => l.text);

describe('transcripts of real tools against Dovecot and Postfix', { timeout: 60_000 }, () => {
  it('swaks: a submission with STARTTLS and AUTH PLAIN', () => {
    const out = run('swaks', ['--server', `127.0.0.1:${suite.servers.ports.smtp}`, '--from', 'alice@mail.test', '--to', 'alice@mail.test', '--tls', '--auth', 'PLAIN', '--auth-user', 'alice', '--auth-password', 'wonderland']);
    const t = parseTranscript(out);
    expectRead(t, 'swaks', 'smtp');
    expect(t.port).toBe(suite.servers.ports.smtp);
    expect(clientTexts(t)).toContain('STARTTLS');
    expect(t.lines.find((l) => l.side === 'client' && l.text.startsWith('AUTH PLAIN'))?.tls).toBe(true);
    expect(serverTexts(t).some((l) => /^235 /.test(l))).toBe(true);
  });

  it('swaks: relaying refused without AUTH', () => {
    const out = run('swaks', ['--server', `127.0.0.1:${suite.servers.ports.smtp}`, '--from', 'alice@mail.test', '--to', 'someone@elsewhere.example']);
    const t = parseTranscript(out);
    expectRead(t, 'swaks', 'smtp');
    expect(serverTexts(t).some((l) => /^554 5\.7\.1 /.test(l))).toBe(true);
  });

  it('openssl s_client on 993: LOGIN, SELECT, LOGOUT typed at the terminal', () => {
    // (a1 …: typed lines that start with R, Q or k would be s_client's own commands; see the POP3 case)
    const typed = ['a1 LOGIN alice wonderland', 'a2 SELECT INBOX', 'a3 LOGOUT'];
    const out = openssl(['-connect', `127.0.0.1:${suite.servers.ports.imaps}`, '-crlf'], [['* OK', typed[0]!], ['a1 OK', typed[1]!], ['a2 OK', typed[2]!]], 'a3 OK');
    const t = parseTranscript(out);
    expectRead(t, 'openssl', 'imap');
    expect(clientTexts(t)).toEqual(typed);
    expect(t.lines.filter((l) => l.side === 'client').every((l) => l.tls)).toBe(true);
  });

  it('openssl s_client -starttls pop3: USER, PASS, STAT, RETR, QUIT', () => {
    const typed = ['USER alice', 'PASS wonderland', 'STAT', 'RETR 1', 'QUIT'];
    // -nocommands: else s_client takes a line starting with R (RETR) or Q (QUIT) as its own command.
    // After STLS nothing is sent until the client speaks, so the TLS 1.3 session tickets are the sign
    // the handshake is over: OpenSSL sends two by default (RFC 8446 §4.6.1), and s_client reports
    // each with "read R BLOCK". Typed after the first, USER's echo could be cut by the second report.
    const out = openssl(['-connect', `127.0.0.1:${suite.servers.ports.pop3}`, '-starttls', 'pop3', '-crlf', '-nocommands'], [['read R BLOCK', typed[0]!, 2], ['+OK', typed[1]!], ['Logged in', typed[2]!], ['+OK ', typed[3]!], ['\n.\r', typed[4]!]], 'Logging out');
    const t = parseTranscript(out);
    expectRead(t, 'openssl', 'pop3');
    expect(clientTexts(t)).toEqual(typed);
    expect(serverTexts(t)[0]).toMatch(/^\+OK Dovecot/); // s_client shows the greeting it read before STLS
  });

  it('curl -v: IMAP LIST with a login', () => {
    const out = run('curl', ['-v', '--url', `imap://127.0.0.1:${suite.servers.ports.imap}/`, '--user', 'alice:wonderland']);
    const t = parseTranscript(out);
    expectRead(t, 'curl', 'imap');
    expect(t.port).toBe(suite.servers.ports.imap);
    expect(clientTexts(t).some((l) => / LIST /.test(l)), out).toBe(true);
  });

  it('curl -v: POP3 RETR over STLS', () => {
    const out = run('curl', ['-v', '--ssl-reqd', '-k', '--url', `pop3://127.0.0.1:${suite.servers.ports.pop3}/1`, '--user', 'alice:wonderland']);
    const t = parseTranscript(out);
    expectRead(t, 'curl', 'pop3');
    expect(clientTexts(t)).toContain('STLS');
  });

  it('curl -v: SMTP submission over smtps:// (the role of 465, on a test port)', () => {
    const file = join(tmpdir(), `mailwire-curl-${process.pid}.eml`);
    writeFileSync(file, 'From: alice@mail.test\r\nTo: alice@mail.test\r\nSubject: from curl\r\n\r\nHello.\r\n');
    try {
      const out = run('curl', ['-v', '-k', '--url', `smtps://127.0.0.1:${suite.servers.ports.smtps}`, '--user', 'alice:wonderland', '--mail-from', 'alice@mail.test', '--mail-rcpt', 'alice@mail.test', '-T', file]);
      const t = parseTranscript(out);
      expectRead(t, 'curl', 'smtp');
      expect(t.implicitTls).toBe(false); // a test port, not 465: curl's output does not say smtps
      expect(clientTexts(t).some((l) => l.startsWith('AUTH PLAIN'))).toBe(true);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("Python imaplib's debug output: LOGIN, SELECT, FETCH", () => {
    const out = python(`
import imaplib
imaplib.Debug = 4
m = imaplib.IMAP4('127.0.0.1', ${suite.servers.ports.imap})
m.login('alice', 'wonderland')
m.select('INBOX')
m.fetch('1', '(FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])')
m.logout()
`);
    const t = parseTranscript(out);
    expectRead(t, 'imaplib', 'imap');
    expect(clientTexts(t).some((l) => / LOGIN alice /.test(l))).toBe(true);
  });

  it("Python smtplib's debug output: STARTTLS, AUTH, a message", () => {
    const out = python(`
import smtplib, ssl
s = smtplib.SMTP('127.0.0.1', ${suite.servers.ports.smtp})
s.set_debuglevel(1)
s.ehlo()
s.starttls(context=ssl._create_unverified_context())
s.ehlo()
s.login('alice', 'wonderland')
s.sendmail('alice@mail.test', ['alice@mail.test'], 'Subject: from smtplib\\r\\n\\r\\nHello.\\r\\n')
s.quit()
`);
    const t = parseTranscript(out);
    expectRead(t, 'smtplib', 'smtp');
    expect(clientTexts(t).some((l) => /^AUTH PLAIN /i.test(l))).toBe(true);
  });

  it("Python smtplib's debug output: AUTH before STARTTLS is not offered", () => {
    const out = python(`
import smtplib
s = smtplib.SMTP('127.0.0.1', ${suite.servers.ports.smtp})
s.set_debuglevel(1)
s.ehlo()
try:
    s.docmd('AUTH', 'PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=')
finally:
    s.quit()
`);
    const t = parseTranscript(out);
    expectRead(t, 'smtplib', 'smtp');
    expect(serverTexts(t).some((l) => /^5\d\d /.test(l))).toBe(true);
  });

  it("Python poplib's debug output: a login, STAT, RETR, and a wrong password", () => {
    const out = python(`
import poplib
p = poplib.POP3('127.0.0.1', ${suite.servers.ports.pop3})
p.set_debuglevel(2)
p.user('alice')
p.pass_('wonderland')
p.stat()
p.retr(1)
p.quit()
q = poplib.POP3('127.0.0.1', ${suite.servers.ports.pop3})
q.set_debuglevel(2)
q.user('alice')
try:
    q.pass_('wrong')
except poplib.error_proto as e:
    print(e)
`);
    const t = parseTranscript(out);
    expectRead(t, 'poplib', 'pop3');
    expect(clientTexts(t).filter((l) => l === 'USER alice')).toHaveLength(2);
    expect(serverTexts(t).some((l) => /^-ERR \[AUTH\]/.test(l))).toBe(true);
  });
  // Failed logins last: Dovecot slows the next logins from the same address after one (its auth penalty).
  it('openssl s_client on 993: a wrong password', () => {
    const typed = ['a1 LOGIN alice wrong-password', 'a2 LOGOUT'];
    const out = openssl(['-connect', `127.0.0.1:${suite.servers.ports.imaps}`, '-crlf'], [['* OK', typed[0]!], ['a1 NO', typed[1]!]], 'a2 OK');
    const t = parseTranscript(out);
    expectRead(t, 'openssl', 'imap');
    expect(clientTexts(t)).toEqual(typed);
    expect(serverTexts(t).some((l) => /^a1 NO \[AUTHENTICATIONFAILED\]/.test(l))).toBe(true);
  });
});
