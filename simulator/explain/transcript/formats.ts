/**
 * How each tool prints a session: a reader per tool turns one printed line into the protocol
 * lines it carries (with their side), a note of the tool's own, or null when the line is not the
 * tool's. `signature` marks lines only that tool prints, to tell the tools apart.
 */
import type { Protocol, Side } from '../types.ts';
import { fromPythonRepr, reprLines } from './python-repr.ts';
import type { TranscriptFormat } from './types.ts';

export interface LineReading {
  side: Side | 'note' | 'unsure';
  texts: string[];
  tls?: boolean;
  port?: number;
  /** A line only this tool prints. */
  signature?: boolean;
  /** The tool printed this line twice (poplib's cmd and put, get and resp lines): keep one. */
  repeats?: boolean;
  /** The protocol the tool names on this line (Thunderbird's module). */
  protocolHint?: Protocol;
}

export interface FormatReader {
  format: TranscriptFormat;
  protocol?: Protocol;
  read(line: string): LineReading | null;
}

const note = (line: string, extra: Partial<LineReading> = {}): LineReading => ({ side: 'note', texts: [line], ...extra });

function portIn(text: string): number | undefined {
  const m = /(?:port |:|, )(\d{1,5})\b/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return n > 0 && n < 65536 ? n : undefined;
}

/** swaks: ` -> ` and ` ~> ` client (~ inside TLS), `<-  `, `<~  `, `<** `, `<~* ` server, `===`/`***` its own. */
const swaks: FormatReader = {
  format: 'swaks',
  protocol: 'smtp',
  read(line) {
    let m = /^ ([-~])> (.*)$/.exec(line);
    if (m) return { side: 'client', texts: [m[2]!], tls: m[1] === '~', signature: true };
    m = /^<(-|~|\*\*|~\*) {1,2}(.*)$/.exec(line);
    if (m) return { side: 'server', texts: [m[2]!], tls: m[1]!.startsWith('~'), signature: true };
    if (/^(===|\*\*\*) /.test(line)) return note(line, { signature: true, port: /Trying/.test(line) ? portIn(line) : undefined });
    return null;
  },
};

/**
 * curl's progress meter, on stderr beside -v's lines when stdout is not a terminal: it redraws with
 * a leading CR and no line end, so the next -v line follows it on the same line
 * (`  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0< +OK`).
 */
const CURL_PROGRESS = /^\s*\d+(?:\s+[\d.]+[kMGTP]?){7}(?:\s+(?:--:--:--|\d+:\d\d:\d\d)){3}\s+[\d.]+[kMGTP]?(?=[<>*{}] )/;

/** curl -v: `> ` client, `< ` server, `* ` its own notes, `{ [n bytes data]` and `} […]` data markers. */
const curl: FormatReader = {
  format: 'curl',
  read(glued) {
    const line = glued.replace(CURL_PROGRESS, '');
    let m = /^> (.*)$/.exec(line);
    if (m) return { side: 'client', texts: [m[1]!] };
    m = /^< (.*)$/.exec(line);
    if (m) return { side: 'server', texts: [m[1]!] };
    m = /^\* (.*)$/.exec(line);
    if (m) {
      const text = m[1]!;
      const signature = /^(Trying |Connected to |Closing connection|(Host|Hostname) |SSL connection using|TLSv1\.\d \(|ALPN|Server certificate:|Connection #\d)/.test(text);
      return note(line, { signature, port: /^Connected to /.test(text) ? portIn(text) : undefined });
    }
    if (/^[{}] \[\d+ bytes data\]$/.test(line)) return note(line, { signature: true });
    return null;
  },
};

const OPENSSL_NOTES = [
  /^CONNECTED\(/, /^depth=\d/, /^verify (return|error)/, /^\s*---$/, /^Certificate chain$/, /^ \d+ s:/, /^ {3}[iav]:/,
  /^Server certificate$/, /^-----(BEGIN|END) /, /^(subject|issuer)=/, /^No client certificate CA names sent/,
  /^(Peer signing digest|Peer signature type|Server Temp Key|Negotiated TLS1\.3 group):/, /^SSL handshake has read/,
  /^New, (TLSv|\(NONE\))/, /^Server public key is/, /^Secure Renegotiation/, /^(Compression|Expansion): /,
  /^No ALPN negotiated/, /^Early data was not sent/, /^Verify return code:/, /^SSL-Session:/, /^ {4}\S.*:/,
  /^ {4}[0-9a-f]{4} - /, /^Can't use SSL_get_servername/, /^Verification( error)?:/, /^Verified peername:/, /^DANE TLSA/, /^Post-Handshake New Session Ticket arrived:/, /^read R BLOCK$/, /^DONE$/, /^closed$/,
  /^(Acceptable client certificate CA names|Requested Signature Algorithms|Shared Requested Signature Algorithms)/,
  /^(RENEGOTIATING|KEYUPDATE)$/,
];

/** openssl s_client: its handshake report is its own; the dialogue after it has no direction marks. */
const openssl: FormatReader = {
  format: 'openssl',
  read(line) {
    if (/^CONNECTED\(|^SSL-Session:|^Verify return code:|^SSL handshake has read/.test(line)) return note(line, { signature: true });
    // The certificate's base64 between BEGIN and END is tracked by parse.ts.
    if (line.trim() === '' || OPENSSL_NOTES.some((re) => re.test(line))) return note(line);
    return { side: 'unsure', texts: [line] };
  },
};

/**
 * Thunderbird's mailnews log: the JS clients write `C: …`/`S: …` after the module name; the older
 * C++ ones `SendData:`/`CreateNewLineFromSocket:` (IMAP) and `SMTP Send:`/`SMTP Response:`.
 */
const thunderbird: FormatReader = {
  format: 'thunderbird',
  read(line) {
    const module = /(?:mailnews\.(imap|smtp|pop3)|[DIWE]\/(IMAP|SMTP|POP3))\b/i.exec(line);
    if (!module) return null;
    const protocol = (module[1] ?? module[2]!).toLowerCase() as Protocol;
    let m = /\b([CS]): (.*)$/.exec(line);
    if (m) return { side: m[1] === 'C' ? 'client' : 'server', texts: [m[2]!], signature: true, ...withProtocol(protocol) };
    m = /(?:SendData|SMTP Send|POP3 Send|Sending): (.*)$/.exec(line);
    if (m) return { side: 'client', texts: [m[1]!], signature: true, ...withProtocol(protocol) };
    m = /(?:CreateNewLineFromSocket|ReadNextLine \[[^\]]*\]|SMTP Response|POP3 Response|Received): (.*)$/.exec(line);
    if (m) return { side: 'server', texts: [m[1]!], signature: true, ...withProtocol(protocol) };
    return note(line, { signature: true, ...withProtocol(protocol) });
  },
};

function withProtocol(protocol: Protocol): Pick<LineReading, 'protocolHint'> {
  return { protocolHint: protocol };
}

/** imaplib with debug ≥ 4: `  28:04.22 > b'ABCD1 LOGIN …'`, `< b'* OK …'`, and its own remarks. */
const imaplib: FormatReader = {
  format: 'imaplib',
  protocol: 'imap',
  read(line) {
    const m = /^\s*\d{2}:\d{2}\.\d{2} (.*)$/.exec(line);
    if (!m) return null;
    const rest = m[1]!;
    const d = /^([<>]) (b?(['"]).*\3)$/.exec(rest);
    if (d) {
      const text = fromPythonRepr(d[2]!);
      if (text !== null) return { side: d[1] === '>' ? 'client' : 'server', texts: reprLines(text), signature: true };
    }
    return note(line, { signature: /imaplib version|new IMAP4 connection|CAPABILITIES:|untagged_responses|literal size/.test(rest) });
  },
};

/** smtplib with debuglevel ≥ 1: `send: b'…'`, `reply: b'…'`, `reply: retcode …`, `data: …`, `connect: …`. */
const smtplib: FormatReader = {
  format: 'smtplib',
  protocol: 'smtp',
  read(line) {
    const m = /^(?:\d{2}:\d{2}:\d{2}\.\d+ )?(send|reply|data|connect): (.*)$/.exec(line);
    if (!m) return null;
    const [, kind, rest] = m as unknown as [string, string, string];
    if (kind === 'connect') return note(line, { signature: true, port: portIn(rest) });
    if (kind === 'send' || (kind === 'reply' && !rest.startsWith('retcode'))) {
      const text = fromPythonRepr(rest);
      if (text !== null) return { side: kind === 'send' ? 'client' : 'server', texts: reprLines(text), signature: true };
    }
    return note(line, { signature: true });
  },
};

/** poplib with debuglevel ≥ 2: `*cmd*` and `*put*` client, `*get*`, `*resp*` and `*welcome*` server (each line twice). */
function poplibReader(): FormatReader {
  let last: { side: Side; text: string } | null = null;
  return {
    format: 'poplib',
    protocol: 'pop3',
    read(line) {
      const m = /^\*(cmd|put|get|resp|welcome)\* (.*)$/.exec(line);
      if (!m) return null;
      const text = fromPythonRepr(m[2]!);
      if (text === null) return note(line, { signature: true });
      const side: Side = m[1] === 'cmd' || m[1] === 'put' ? 'client' : 'server';
      const texts = reprLines(text);
      const repeats = last !== null && last.side === side && last.text === texts.join('\n') && (m[1] === 'put' || m[1] === 'resp');
      last = { side, text: texts.join('\n') };
      return { side, texts, signature: true, repeats };
    },
  };
}

/** `C: …` / `S: …` (and `C> ` for a pipelined client line), as RFCs and our own transcripts write them. */
const cs: FormatReader = {
  format: 'cs',
  read(line) {
    const m = /^\s*([CS])(?::|>) ?(.*)$/.exec(line);
    if (!m) return null;
    return { side: m[1] === 'C' ? 'client' : 'server', texts: [m[2]!], signature: true };
  },
};

/** Every reader, fresh (poplib's remembers the line before). */
export function formatReaders(): FormatReader[] {
  return [swaks, curl, thunderbird, imaplib, smtplib, poplibReader(), cs, openssl];
}
