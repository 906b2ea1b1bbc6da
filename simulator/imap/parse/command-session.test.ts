/** Session and mailbox commands, parsed from wire text fed whole, byte by byte and split at every offset. */
import { describe, expect, it } from 'vitest';
import { badOne as bad, parseOne as parse } from './split-feed.ts';

const set = (...ranges: Array<[number | '*', number | '*']>) => ({
  kind: 'set' as const,
  ranges: ranges.map(([from, to]) => ({ from, to })),
});

const noSelection = { subscribed: false, remote: false, recursiveMatch: false, specialUse: false };
const noReturn = { subscribed: false, children: false, specialUse: false, status: null };

describe('commands without arguments (RFC 9051 §6.1, §6.4)', () => {
  it.each([
    ['abcd CAPABILITY', 'CAPABILITY'],
    ['a002 NOOP', 'NOOP'],
    ['A023 LOGOUT', 'LOGOUT'],
    ['a001 starttls', 'STARTTLS'],
    ['A001 NAMESPACE', 'NAMESPACE'],
    ['a IDLE', 'IDLE'],
    ['FXXZ CHECK', 'CHECK'],
    ['A341 CLOSE', 'CLOSE'],
    ['A342 UNSELECT', 'UNSELECT'],
  ])('%s', (line, name) => {
    expect(parse(line)).toEqual({ tag: line.split(' ')[0], name });
  });

  it('EXPUNGE and UID EXPUNGE (RFC 4315 §2.1)', () => {
    expect(parse('A202 EXPUNGE')).toEqual({ tag: 'A202', name: 'EXPUNGE', uid: false, set: null });
    expect(parse('A003 UID EXPUNGE 3000:3002')).toEqual({
      tag: 'A003', name: 'EXPUNGE', uid: true, set: set([3000, 3002]),
    });
  });

  it('refuses arguments', () => {
    expect(bad('a1 NOOP now').message).toBe('NOOP: NOOP takes no arguments, got "now"');
    expect(bad('a1 EXPUNGE 1').message).toContain('EXPUNGE takes no arguments');
  });
});

describe('login and session (RFC 9051 §6.2, §6.3.1, RFC 2971)', () => {
  it('LOGIN with atoms, quoted strings and literals', () => {
    expect(parse('a001 LOGIN SMITH SESAME')).toEqual({ tag: 'a001', name: 'LOGIN', user: 'SMITH', password: 'SESAME' });
    expect(parse('a LOGIN "fred \\"the\\" foo" "p\\\\w"')).toMatchObject({ user: 'fred "the" foo', password: 'p\\w' });
    expect(parse('a LOGIN {5}\r\nalice {10}\r\nwonderland\r\n')).toMatchObject({ user: 'alice', password: 'wonderland' });
    expect(parse('a LOGIN {5+}\r\nalice {10+}\r\nwonderland\r\n')).toMatchObject({ user: 'alice', password: 'wonderland' });
    expect(parse('a LOGIN {0}\r\n {0}\r\n\r\n')).toMatchObject({ user: '', password: '' });
  });

  it('AUTHENTICATE with and without an initial response (RFC 4959)', () => {
    expect(parse('A001 AUTHENTICATE GSSAPI')).toEqual({ tag: 'A001', name: 'AUTHENTICATE', mechanism: 'GSSAPI', initialResponse: null });
    expect(parse('a authenticate plain AGFsaWNlAHdvbmRlcmxhbmQ=')).toMatchObject({
      mechanism: 'PLAIN', initialResponse: 'AGFsaWNlAHdvbmRlcmxhbmQ=',
    });
    expect(parse('a AUTHENTICATE PLAIN =')).toMatchObject({ initialResponse: '=' });
    expect(bad('a AUTHENTICATE PLAIN !!').message).toContain('base64');
  });

  it('ENABLE', () => {
    expect(parse('t2 ENABLE IMAP4rev2 UTF8=ACCEPT')).toEqual({ tag: 't2', name: 'ENABLE', capabilities: ['IMAP4REV2', 'UTF8=ACCEPT'] });
    expect(bad('t2 ENABLE').message).toContain('expected a space after ENABLE');
  });

  it('ID (RFC 2971 §3.4 example) and ID NIL', () => {
    expect(parse('a023 ID ("name" "sodr" "version" "19.34" "vendor" "Pink Floyd Music Limited")')).toEqual({
      tag: 'a023', name: 'ID', params: [['name', 'sodr'], ['version', '19.34'], ['vendor', 'Pink Floyd Music Limited']],
    });
    expect(parse('a ID NIL')).toEqual({ tag: 'a', name: 'ID', params: null });
    expect(parse('a ID ("os" NIL)')).toMatchObject({ params: [['os', null]] });
    expect(bad(`a ID ("${'x'.repeat(31)}" "v")`).message).toContain('longer than 30 octets');
  });
});

describe('mailbox commands (RFC 9051 §6.3)', () => {
  it('SELECT / EXAMINE, INBOX case-insensitive', () => {
    expect(parse('A142 SELECT INBOX')).toEqual({ tag: 'A142', name: 'SELECT', mailbox: 'INBOX', params: [] });
    expect(parse('a select "inBox"')).toMatchObject({ mailbox: 'INBOX' });
    expect(parse('A932 EXAMINE blurdybloop')).toEqual({ tag: 'A932', name: 'EXAMINE', mailbox: 'blurdybloop', params: [] });
    expect(parse('a SELECT INBOX (CONDSTORE)')).toMatchObject({ params: ['CONDSTORE'] });
  });

  it('CREATE, with RFC 6154 USE', () => {
    expect(parse('A003 CREATE owatagusiam/')).toEqual({ tag: 'A003', name: 'CREATE', mailbox: 'owatagusiam/', specialUse: [] });
    expect(parse('t1 CREATE "Important Messages" (USE (\\Important))')).toMatchObject({
      mailbox: 'Important Messages', specialUse: ['\\Important'],
    });
  });

  it('DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE', () => {
    expect(parse('A683 DELETE blurdybloop')).toEqual({ tag: 'A683', name: 'DELETE', mailbox: 'blurdybloop' });
    expect(parse('A683 RENAME blurdybloop sarasoop')).toEqual({ tag: 'A683', name: 'RENAME', from: 'blurdybloop', to: 'sarasoop' });
    expect(parse('A002 SUBSCRIBE #news.comp.mail.mime')).toEqual({ tag: 'A002', name: 'SUBSCRIBE', mailbox: '#news.comp.mail.mime' });
    expect(parse('A002 UNSUBSCRIBE "#news.comp.mail.mime"')).toMatchObject({ name: 'UNSUBSCRIBE', mailbox: '#news.comp.mail.mime' });
  });

  it('modified UTF-7 names are decoded, UTF-8 names kept (RFC 9051 §5.1, §A.1)', () => {
    expect(parse('a CREATE ~peter/mail/&U,BTFw-/&ZeVnLIqe-')).toMatchObject({ mailbox: '~peter/mail/台北/日本語' });
    expect(parse('a CREATE "Entw&APw-rfe"')).toMatchObject({ mailbox: 'Entwürfe' });
    expect(parse('a CREATE "Entwürfe"')).toMatchObject({ mailbox: 'Entwürfe' });
    expect(parse('a CREATE "R&-D"')).toMatchObject({ mailbox: 'R&D' });
    expect(parse('a CREATE "R&D"', { utf8Names: true })).toMatchObject({ mailbox: 'R&D' });
    expect(bad('a CREATE "&Jjo!"').message).toContain('not valid modified UTF-7');
  });

  it('STATUS (RFC 9051 §6.3.11) with RECENT for rev1', () => {
    expect(parse('A042 STATUS blurdybloop (UIDNEXT MESSAGES)')).toEqual({
      tag: 'A042', name: 'STATUS', mailbox: 'blurdybloop', items: ['UIDNEXT', 'MESSAGES'],
    });
    expect(parse('a STATUS INBOX (messages recent uidvalidity unseen deleted size)')).toMatchObject({
      items: ['MESSAGES', 'RECENT', 'UIDVALIDITY', 'UNSEEN', 'DELETED', 'SIZE'],
    });
    expect(bad('a STATUS INBOX (HIGHESTMODSEQ)').message).toContain('unknown status item "HIGHESTMODSEQ"');
    expect(bad('a STATUS INBOX ()').message).toContain('expected a status item');
  });
});

describe('LIST and LSUB (RFC 9051 §6.3.9, RFC 5258, RFC 5819, RFC 6154)', () => {
  it('basic LIST', () => {
    expect(parse('A101 LIST "" ""')).toEqual({
      tag: 'A101', name: 'LIST', reference: '', patterns: [''], selection: noSelection, returns: noReturn, extended: false,
    });
    expect(parse('A102 LIST #news.comp.mail.misc ""')).toMatchObject({ reference: '#news.comp.mail.misc', patterns: [''] });
    expect(parse('A202 LIST ~/Mail/ %')).toMatchObject({ reference: '~/Mail/', patterns: ['%'] });
    expect(parse('a LIST "" *')).toMatchObject({ patterns: ['*'] });
    expect(parse('a LIST "" INBOX.Sent*]')).toMatchObject({ patterns: ['INBOX.Sent*]'] });
  });

  it('LIST-EXTENDED selection, patterns and return options', () => {
    expect(parse('A01 LIST "" % RETURN (STATUS (MESSAGES UNSEEN))')).toMatchObject({
      returns: { ...noReturn, status: ['MESSAGES', 'UNSEEN'] }, extended: true,
    });
    expect(parse('t1 LIST (SPECIAL-USE) "" *')).toMatchObject({ selection: { ...noSelection, specialUse: true } });
    expect(parse('A04 LIST (SUBSCRIBED RECURSIVEMATCH) "" "%" RETURN (CHILDREN)')).toMatchObject({
      selection: { ...noSelection, subscribed: true, recursiveMatch: true },
      returns: { ...noReturn, children: true },
    });
    expect(parse('A05 LIST "" ("INBOX" "Drafts" "Sent/%")')).toMatchObject({ patterns: ['INBOX', 'Drafts', 'Sent/%'], extended: true });
    expect(parse('A06 LIST () "" % RETURN (SUBSCRIBED SPECIAL-USE)')).toMatchObject({
      returns: { ...noReturn, subscribed: true, specialUse: true },
    });
    expect(parse('A07 LIST (REMOTE) "" % RETURN ()')).toMatchObject({ selection: { ...noSelection, remote: true } });
  });

  it('refuses what RFC 5258 forbids', () => {
    expect(bad('a LIST (RECURSIVEMATCH) "" %').message).toContain('RECURSIVEMATCH needs SUBSCRIBED');
    expect(bad('a LIST (FOO) "" %').message).toContain('unknown LIST selection option "FOO"');
    expect(bad('a LIST "" % RETURN (FOO)').message).toContain('unknown LIST return option "FOO"');
    expect(bad('a LIST ""').message).toContain('expected a space after the reference name');
  });

  it('LSUB', () => {
    expect(parse('A002 LSUB "#news." "comp.mail.*"')).toEqual({ tag: 'A002', name: 'LSUB', reference: '#news.', pattern: 'comp.mail.*' });
  });
});

describe('tags and verbs (RFC 9051 §2.2.1, §9 tag)', () => {
  it('names what was expected and what arrived', () => {
    expect(bad('')).toEqual({ kind: 'bad', tag: '*', message: 'empty command line: expected a tag, then a command, as in "a1 NOOP"' });
    expect(bad('+ NOOP')).toMatchObject({ tag: '*', message: 'expected a tag (such as a1) at the start of the line, got "+"' });
    expect(bad('a1')).toEqual({ kind: 'bad', tag: 'a1', message: 'expected a space after the tag, got end of line' });
    expect(bad('a1 FROB')).toEqual({ kind: 'bad', tag: 'a1', message: 'unknown command "FROB"' });
    expect(bad('a1  NOOP')).toEqual({ kind: 'bad', tag: 'a1', message: 'expected a command name such as NOOP, got a space' });
    expect(bad('a1 UID FROB 1')).toMatchObject({ message: expect.stringContaining('UID must be followed by COPY') });
    expect(bad('a1 LOGIN "unterminated').message).toContain('expected a closing quote');
    expect(bad('a1 LOGIN "a\\x" b').message).toContain('only \\" and \\\\ may follow a backslash');
  });

  it('hints at the missing tag when a command name comes first', () => {
    expect(bad('LOGIN alice wonderland').message).toBe('unknown command "ALICE" (every command starts with a tag: try "a1 LOGIN ...")');
    expect(bad('noop').message).toBe('expected a space after the tag, got end of line (every command starts with a tag: try "a1 noop ...")');
    expect(bad('a1 SELECT Entwürfe').message).toBe(
      'SELECT: expected end of line, got the 8-bit byte 0xc3 (8-bit text must be "quoted" or a literal)',
    );
  });

  it('accepts tags with "]" and lines ending in a bare LF', () => {
    expect(parse('a]1 NOOP')).toMatchObject({ tag: 'a]1' });
    expect(parse('a2 NOOP\n')).toMatchObject({ tag: 'a2' });
  });
});
