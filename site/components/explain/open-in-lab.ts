/**
 * "Open in the lab": the client's lines of a pasted session, replayed against the simulator on a
 * fresh world through a replay link (site/world/replay.ts), so the learner can compare its replies
 * with the real server's. Passwords are replaced: the lab's own users have their own.
 */
import type { Protocol } from '../../../simulator/explain/types.ts';
import { encodeBase64 } from '../../../simulator/wire/base64.ts';
import { encodeReplay, MAX_REPLAY_LINES } from '../../world/replay.ts';
import type { ExplainedTranscript } from './analyze.ts';

export const PASSWORD_PLACEHOLDER = 'PASSWORD';
const MAIL_PORTS = new Set([25, 465, 587, 2525, 110, 995, 143, 993]);

function labPort(t: ExplainedTranscript, protocol: Protocol): number {
  const { port, implicitTls } = t.parsed;
  if (port !== undefined && MAIL_PORTS.has(port)) return port;
  if (protocol === 'pop3') return implicitTls ? 995 : 110;
  if (protocol === 'imap') return implicitTls ? 993 : 143;
  if (implicitTls) return 465;
  return t.lines.some((l) => l.side === 'client' && /^AUTH\b/i.test(l.text)) ? 587 : 25;
}

function withoutPassword(line: ExplainedTranscript['lines'][number]): string {
  const s = line.secret;
  if (!s) return line.text;
  const replacement =
    s.encoding === 'text' ? PASSWORD_PLACEHOLDER : encodeBase64(new TextEncoder().encode(s.user !== undefined ? `\0${s.user}\0${PASSWORD_PLACEHOLDER}` : PASSWORD_PLACEHOLDER));
  return line.text.slice(0, s.start) + replacement + line.text.slice(s.end);
}

/** The lab's path with the replay, or null when the paste has no protocol or no client line. */
export function labPath(t: ExplainedTranscript): string | null {
  const protocol = t.parsed.protocol;
  const client = t.lines.filter((l) => l.side === 'client');
  if (!protocol || client.length === 0) return null;
  const port = labPort(t, protocol);
  // A leading "/" is a terminal command; "//" sends the line itself (README: the terminal).
  const lines = [`/connect mail.example.com ${port}`, ...client.map((l) => withoutPassword(l).replace(/^\//, '//'))].slice(0, MAX_REPLAY_LINES);
  return `/lab/${encodeReplay({ terminals: [lines] })}`;
}
