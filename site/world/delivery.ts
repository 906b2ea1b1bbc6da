/**
 * The delivery view's model: the hops a submitted message took, as a sequence diagram built from
 * the recorded sessions (the learner's submission, the MX lookup, the server-to-server SMTP the
 * MTA spoke, the store), and that diagram as a standalone SVG file.
 */
import type { MtaEvent } from '../../simulator/net/mta-types.ts';
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

const COL = 190;
const ROW = 24;
const TOP = 56;
const MAX_LABEL = 44;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function clip(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** The diagram as a standalone SVG document (colours work on light and dark backgrounds). */
export function sequenceSvg(d: SequenceDiagram): string {
  const width = COL * d.participants.length;
  const height = TOP + ROW * (d.hops.length + 1);
  const x = (name: string): number => COL * Math.max(0, d.participants.indexOf(name)) + COL / 2;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="seq-title seq-desc" font-family="ui-monospace, monospace" font-size="11">`,
    `<title id="seq-title">${esc(d.title)}</title>`,
    `<desc id="seq-desc">${esc(d.hops.map((h) => `${h.from} to ${h.to}: ${h.label}`).join('; '))}</desc>`,
    '<defs><marker id="seq-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#6a7a90"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  for (const p of d.participants) {
    out.push(`<rect x="${x(p) - 80}" y="8" width="160" height="26" rx="4" fill="#e8eef8" stroke="#6a7a90"/>`);
    out.push(`<text x="${x(p)}" y="25" text-anchor="middle" fill="#14202e">${esc(clip(p))}</text>`);
    out.push(`<line x1="${x(p)}" y1="34" x2="${x(p)}" y2="${height - 4}" stroke="#b8c4d4" stroke-dasharray="4 3"/>`);
  }
  d.hops.forEach((h, i) => {
    const y = TOP + ROW * i + 10;
    const colour = h.kind === 'reply' ? (/^[45]/.test(h.label) ? '#b3261e' : '#1c6b33') : h.kind === 'dns' ? '#7a4ea3' : h.kind === 'store' ? '#0b5cad' : '#14202e';
    const [x1, x2] = [x(h.from), x(h.to)];
    if (x1 === x2) {
      out.push(`<text x="${x1 + 6}" y="${y}" fill="${colour}">${esc(clip(h.label))}</text>`);
      return;
    }
    out.push(`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="${colour}" marker-end="url(#seq-arrow)"${h.kind === 'reply' ? ' stroke-dasharray="5 3"' : ''}/>`);
    out.push(`<text x="${(x1 + x2) / 2}" y="${y - 4}" text-anchor="middle" fill="${colour}">${esc(clip(h.label))}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
