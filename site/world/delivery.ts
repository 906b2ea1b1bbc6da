/**
 * The delivery view's model: the hops a submitted message took, as a sequence diagram built from
 * the recorded sessions (the learner's submission, the MX lookup, the server-to-server SMTP the
 * MTA spoke, the store). ./sequence-svg.ts draws it.
 */
import type { MtaEvent } from '../../simulator/mta/mta-types.ts';
import { isFinalReply, type SubmittedMessage, type TrackedSession } from './session-tracker.ts';

export interface Hop {
  from: string;
  to: string;
  label: string;
  kind: 'command' | 'reply' | 'dns' | 'store' | 'note';
}

export interface SequenceDiagram {
  title: string;
  participants: string[];
  hops: Hop[];
}

export interface DeliverySources {
  session(id: string | null): TrackedSession | undefined;
  mtaEvents(messageId: string): readonly MtaEvent[];
  /** MX records of a domain, as the world's DNS answers. */
  mx(domain: string): Array<{ preference: number; exchange: string }>;
}

const MAILBOX = 'mailbox';
const DNS = 'DNS';

/**
 * The dialogue of one SMTP session as arrows: each command, and each reply's final line. It stops
 * at the first command sent after `until` (the replies to earlier commands still come in).
 */
function dialogue(s: TrackedSession, client: string, server: string, until = Infinity): Hop[] {
  const hops: Hop[] = [];
  let payload = 0;
  for (const line of s.lines) {
    if (line.time > until && line.direction === 'client') break;
    if (line.direction === 'client') {
      if (line.state === 'data') payload++;
      else hops.push({ from: client, to: server, label: line.text, kind: 'command' });
      continue;
    }
    if (payload > 0) {
      hops.push({ from: client, to: server, label: `(message: ${payload} lines, ending with ".")`, kind: 'command' });
      payload = 0;
    }
    if (isFinalReply('smtp', line.text)) hops.push({ from: server, to: client, label: line.text, kind: 'reply' });
  }
  return hops;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

function relayHops(message: SubmittedMessage, submitter: string, src: DeliverySources, participants: string[]): Hop[] {
  const hops: Hop[] = [];
  const looked = new Set<string>();
  for (const e of src.mtaEvents(message.id)) {
    if (e.kind === 'attempt') {
      if (!looked.has(e.domain)) {
        looked.add(e.domain);
        const answer = src.mx(e.domain).map((r) => `${r.preference} ${r.exchange}`).join(', ') || 'no MX';
        hops.push({ from: submitter, to: DNS, label: `MX? ${e.domain}`, kind: 'dns' });
        hops.push({ from: DNS, to: submitter, label: answer, kind: 'dns' });
      }
      if (!participants.includes(e.exchange)) participants.splice(participants.length - 1, 0, e.exchange);
      const relay = src.session(e.sessionId);
      if (relay) hops.push(...dialogue(relay, submitter, e.exchange));
      else if (e.error) hops.push({ from: submitter, to: e.exchange, label: `connection failed: ${e.error}`, kind: 'note' });
    } else if (e.kind === 'delivered') {
      hops.push({ from: e.exchange, to: MAILBOX, label: `stored for ${e.recipient}`, kind: 'store' });
    } else if (e.kind === 'deferred') {
      hops.push({ from: submitter, to: submitter, label: `deferred for ${e.recipient}: ${e.reason}`, kind: 'note' });
    } else if (e.kind === 'failed') {
      hops.push({ from: submitter, to: submitter, label: `failed for ${e.recipient}: ${e.reason}`, kind: 'note' });
    }
  }
  return hops;
}

/** The hops of `message`, submitted in `submission`. */
export function deliveryDiagram(message: SubmittedMessage, submission: TrackedSession, src: DeliverySources): SequenceDiagram {
  const you = submission.client;
  const server = submission.host;
  const participants = [you, server, DNS, MAILBOX];
  const hops = dialogue(submission, you, server, message.time);
  for (const r of message.delivered) hops.push({ from: server, to: MAILBOX, label: `stored for ${r}`, kind: 'store' });
  hops.push(...relayHops(message, server, src, participants));
  const waiting = message.queued.filter((r) => !hops.some((h) => h.kind === 'store' && h.label.endsWith(r)));
  for (const r of waiting) hops.push({ from: server, to: server, label: `queued for ${r} (${domainOf(r)}): waiting for the MTA`, kind: 'note' });
  return { title: `Delivery of ${message.id} from ${message.from || '<>'}`, participants, hops };
}
