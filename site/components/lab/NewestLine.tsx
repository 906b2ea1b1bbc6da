/**
 * The newest exchange explained without a click: the learner's last command (its first explained
 * token, with its RFC section) and the reply it got, from the same simulator/explain entries the
 * tokens use.
 */
import { commandVerb, explainLine, type Explanation, type LineContext, type Protocol, type SpanKind } from '../../../simulator/explain/index.ts';
import type { TrackedLine, TrackedSession } from '../../world/session-tracker.ts';
import { isFinalReply } from '../../world/session-tracker.ts';
import { isPayloadState } from '../../../simulator/smtp/state.ts';
import RfcLink from '../rfc/RfcLink.tsx';

/** The last client line and the server lines after it (or the greeting when nothing was sent yet). */
export function newestExchange(session: TrackedSession): { sent: TrackedLine | null; replies: TrackedLine[] } {
  const lines = session.lines;
  let i = lines.length - 1;
  while (i >= 0 && lines[i]!.direction !== 'client') i--;
  return { sent: i >= 0 ? lines[i]! : null, replies: lines.slice(i + 1) };
}

/** The token that says what a line is: its command, reply code or status (not an IMAP tag), else the first explained. */
const TELLING: readonly SpanKind[] = ['command', 'reply-code', 'status', 'untagged', 'continuation', 'terminator'];

export function meaningOf(protocol: Protocol, line: TrackedLine, context: LineContext): Explanation | null {
  const spans = explainLine(protocol, line.text, line.direction, context).filter((s) => s.explanation && s.kind !== 'line-end');
  return (spans.find((s) => TELLING.includes(s.kind)) ?? spans[0])?.explanation ?? null;
}

function Meaning({ e }: { e: Explanation }) {
  return (
    <>
      <strong>{e.title}</strong>. {e.meaning}{' '}
      <RfcLink r={e.rfc} />
    </>
  );
}

export default function NewestLine({ session }: { session: TrackedSession }) {
  const { sent, replies } = newestExchange(session);
  const payload = sent !== null && isPayloadState(sent.state);
  const command = sent && !payload ? commandVerb(session.protocol, sent.text) : undefined;
  const sentMeaning = sent ? meaningOf(session.protocol, sent, { inData: sent.state === 'data', inAuth: sent.state === 'auth' }) : null;
  const final = replies.find((l) => isFinalReply(session.protocol, l.text)) ?? replies.at(-1) ?? null;
  const replyMeaning = final ? meaningOf(session.protocol, final, command ? { command } : {}) : null;
  if (!sent && !final) return null;
  return (
    <div className="lab-newest" data-testid="newest-line">
      <p className="lab-newest__title">Newest line</p>
      {sent && (
        <p>
          <code className="lab-newest__line">C: {sent.text || '(empty line)'}</code>{' '}
          {sentMeaning ? <Meaning e={sentMeaning} /> : payload ? (sent.state === 'auth' ? 'A SASL response, in base64.' : 'A line of the message itself.') : 'No command the server knows.'}
        </p>
      )}
      {final && (
        <p>
          <code className="lab-newest__line">S: {final.text}</code> {replyMeaning ? <Meaning e={replyMeaning} /> : null}
        </p>
      )}
      {sent && !final && !payload && <p className="lab-note">Waiting for the server's reply…</p>}
    </div>
  );
}
