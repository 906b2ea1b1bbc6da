/**
 * The mail transfer agent: takes what the hosts queued for other domains (world.queue), finds
 * each domain's mail exchangers in the virtual DNS, and relays over SMTP on port 25 with the
 * SMTP client engine. 2yz → delivered; 4yz or no connection → retried later with backoff;
 * 5yz → failed, and a bounce goes back to the sender (./dsn.ts).
 *
 * The caller decides when time passes: `run(now)` makes every attempt that is due and resolves
 * to what happened (`nextWakeup()` says when to call again). Sessions run on real TLS records,
 * so `run` is asynchronous; calls made while one runs wait for it, so no recipient is tried twice.
 */
import type { RecipientResult } from '../smtp/client.ts';
import type { DsnRecipient } from './dsn.ts';
import { bounce } from './mta-bounce.ts';
import { deliverLocally } from './mta-local.ts';
import { runSmtpSession } from './mta-session.ts';
import { DEFAULT_MTA_OPTIONS, type MtaEvent, type MtaOptions } from './mta-types.ts';
import type { QueuedMessage, QueuedRecipient } from '../world/queue.ts';
import type { ManualScheduler } from '../net/virtual-network-clock.ts';
import type { VirtualNetwork } from '../net/virtual-network.ts';
import { hostByName, hostForDomain, type World } from '../world/world.ts';

export { DEFAULT_MTA_OPTIONS, type MtaEvent, type MtaOptions } from './mta-types.ts';

/** How one attempt for one recipient ended. */
type Verdict =
  | { outcome: 'delivered'; exchange: string; reply: string }
  | { outcome: 'transient'; reason: string }
  | { outcome: 'permanent'; status: string; reason: string; remoteMta: string | null; diagnostic: string | null };

export class Mta {
  readonly options: MtaOptions;
  private bounces = 0;
  /** The run in progress (or the last one): the next run starts after it. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly network: VirtualNetwork,
    options: Partial<MtaOptions> = {},
  ) {
    this.options = { ...DEFAULT_MTA_OPTIONS, ...options };
  }

  private get world(): World {
    return this.network.world;
  }

  /** Makes every delivery attempt due at `now`; resolves to what happened, in order. */
  run(now: number): Promise<MtaEvent[]> {
    const run = this.running.then(() => this.attemptDue(now));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async attemptDue(now: number): Promise<MtaEvent[]> {
    const events: MtaEvent[] = [];
    for (const message of [...this.world.queue]) {
      const due = message.recipients.filter((r) => isWaiting(r) && r.nextAttempt <= now);
      if (due.length === 0) continue;
      const failed: DsnRecipient[] = [];
      for (const [domain, recipients] of byDomain(due)) {
        const verdicts = await this.deliverDomain(message, domain, recipients, now, events);
        recipients.forEach((r, i) => this.settle(message, r, verdicts[i]!, now, events, failed));
      }
      if (failed.length) events.push(bounce(this.world, message, failed, now, ++this.bounces));
      if (message.recipients.every((r) => !isWaiting(r))) {
        const at = this.world.queue.indexOf(message);
        if (at >= 0) this.world.queue.splice(at, 1);
        events.push({ kind: 'done', messageId: message.id });
      }
    }
    return events;
  }

  /** When the next attempt is due, or null when the queue holds nothing to retry. */
  nextWakeup(): number | null {
    let next: number | null = null;
    for (const m of this.world.queue) for (const r of m.recipients) if (isWaiting(r) && (next === null || r.nextAttempt < next)) next = r.nextAttempt;
    return next;
  }

  /**
   * RFC 5321 §5.1: the MX hosts in preference order (or the implicit MX), each tried "in order,
   * until a delivery attempt succeeds". Returns one verdict per recipient.
   */
  private async deliverDomain(message: QueuedMessage, domain: string, recipients: QueuedRecipient[], now: number, events: MtaEvent[]): Promise<Verdict[]> {
    if (hostForDomain(this.world, domain)?.name === message.fromHost.toLowerCase()) {
      return recipients.map((r) => {
        const v = deliverLocally(this.world, message, r, now);
        if (v.outcome === 'delivered') return { outcome: 'delivered', exchange: message.fromHost, reply: v.reply };
        return v.outcome === 'transient' ? v : permanent(v.status, v.reason, null, null);
      });
    }
    const all = this.world.dns.mailHosts(domain);
    if (all.length === 0) {
      // RFC 5321 §5.1: "If a non-existent domain error is returned, this situation MUST be reported as an error."
      return recipients.map(() => permanent('5.1.2', `Host or domain name not found: no MX or A record for ${domain}`, null, null));
    }
    const self = message.fromHost.toLowerCase();
    // RFC 5321 §5.1: a relay that is itself an MX for the domain must not send to itself.
    const exchanges = all.filter((x) => x !== self);
    if (exchanges.length === 0) return recipients.map(() => permanent('5.4.6', `mail for ${domain} loops back to myself`, null, null));
    const me = hostByName(this.world, message.fromHost);
    let lastReason = 'no mail exchanger answered';
    for (const exchange of exchanges) {
      const to = recipients.map((r) => r.address);
      const session = await runSmtpSession(
        this.network,
        exchange,
        this.options.port,
        { clientName: message.fromHost, tls: 'opportunistic', from: message.from, to, message: message.raw },
        // RFC 3207 §4.1: believing the server's certificate "is a local matter". Relaying
        // opportunistically, the MTA encrypts even to a name its certificate does not match, as
        // most MTAs do (MTA-STS, RFC 8461, and DANE, RFC 7672, are what make them insist).
        { from: { address: me?.address ?? message.fromHost, name: message.fromHost }, origin: 'mta', certificatePolicy: 'warn' },
      );
      if (!session.connected) {
        events.push({ kind: 'attempt', messageId: message.id, domain, exchange, recipients: to, sessionId: null, error: session.message });
        lastReason = `connect to ${exchange}: ${session.message}`;
        continue;
      }
      events.push({ kind: 'attempt', messageId: message.id, domain, exchange, recipients: to, sessionId: session.sessionId });
      const results = session.result.recipients;
      // A session that failed for everyone before any recipient was judged: try the next MX.
      if (results.every((r) => r.outcome === 'transient' && r.stage !== 'rcpt' && r.stage !== 'message' && r.stage !== 'data')) {
        lastReason = `${exchange}: ${results[0]!.text}`;
        continue;
      }
      return results.map((r) => verdictFor(r, exchange));
    }
    return recipients.map(() => ({ outcome: 'transient', reason: lastReason }));
  }

  private settle(message: QueuedMessage, r: QueuedRecipient, attempt: Verdict, now: number, events: MtaEvent[], failed: DsnRecipient[]): void {
    r.attempts++;
    let verdict = attempt;
    if (verdict.outcome === 'delivered') {
      r.status = 'delivered';
      r.lastReply = verdict.reply;
      events.push({ kind: 'delivered', messageId: message.id, recipient: r.address, exchange: verdict.exchange, reply: verdict.reply });
      return;
    }
    if (verdict.outcome === 'transient') {
      r.lastReply = verdict.reason;
      const expired = r.attempts >= this.options.maxAttempts || now - message.queuedAt >= this.options.giveUpAfterMs;
      if (!expired) {
        r.status = 'deferred';
        r.nextAttempt = now + this.retryDelay(r.attempts);
        events.push({ kind: 'deferred', messageId: message.id, recipient: r.address, reason: verdict.reason, attempts: r.attempts, nextAttempt: r.nextAttempt });
        return;
      }
      // RFC 3463 X.4.7: "Delivery time expired".
      verdict = permanent('4.4.7', `gave up after ${r.attempts} attempts: ${verdict.reason}`, null, null);
    }
    r.status = 'failed';
    r.lastReply = verdict.reason;
    events.push({ kind: 'failed', messageId: message.id, recipient: r.address, status: verdict.status, reason: verdict.reason });
    failed.push({ address: r.address, action: 'failed', status: verdict.status, remoteMta: verdict.remoteMta, diagnostic: verdict.diagnostic, lastAttempt: now, explanation: verdict.reason });
  }

  /** @rfc 5321#4.5.4.1 retries back off: the n-th failure waits retryMinutes[n-1] (the last repeats). */
  retryDelay(attempts: number): number {
    const list = this.options.retryMinutes;
    return (list[Math.min(attempts, list.length) - 1] ?? 1) * 60_000;
  }
}

type Permanent = Extract<Verdict, { outcome: 'permanent' }>;

function permanent(status: string, reason: string, remoteMta: string | null, diagnostic: string | null): Permanent {
  return { outcome: 'permanent', status, reason, remoteMta, diagnostic };
}

function verdictFor(r: RecipientResult, exchange: string): Verdict {
  const reply = r.code === null ? r.text : `${r.code}${r.enhanced ? ' ' + r.enhanced : ''} ${r.text}`;
  if (r.outcome === 'delivered') return { outcome: 'delivered', exchange, reply };
  if (r.outcome === 'transient') return { outcome: 'transient', reason: `${exchange} said: ${reply}` };
  const command = STAGE_COMMAND[r.stage] ?? r.stage.toUpperCase();
  // RFC 3464 §2.3.4: the status from the reply's enhanced code, else from its class (RFC 3463 §3.1).
  return permanent(r.enhanced ?? '5.0.0', `host ${exchange} said: ${reply} (in reply to ${command})`, exchange, r.code === null ? null : `smtp; ${reply}`);
}

const STAGE_COMMAND: Record<string, string> = {
  greeting: 'the greeting', ehlo: 'EHLO', helo: 'HELO', starttls: 'STARTTLS', auth: 'AUTH',
  mail: 'MAIL FROM', rcpt: 'RCPT TO', data: 'DATA', message: 'end of DATA',
};

function isWaiting(r: QueuedRecipient): boolean {
  return r.status === 'pending' || r.status === 'deferred';
}

/** Recipients grouped by their domain, in first-seen order. */
function byDomain(recipients: QueuedRecipient[]): Map<string, QueuedRecipient[]> {
  const groups = new Map<string, QueuedRecipient[]>();
  for (const r of recipients) {
    const domain = r.address.slice(r.address.lastIndexOf('@') + 1).toLowerCase();
    groups.set(domain, [...(groups.get(domain) ?? []), r]);
  }
  return groups;
}

/**
 * Runs the MTA until nothing is left to retry, moving the scheduler's clock to each next attempt
 * (tests, and the UI's "fast-forward"). Stops after `maxRuns` runs.
 */
export async function runUntilIdle(mta: Mta, scheduler: ManualScheduler, maxRuns = 1000): Promise<MtaEvent[]> {
  const events: MtaEvent[] = [];
  for (let i = 0; i < maxRuns; i++) {
    events.push(...(await mta.run(scheduler.now)));
    const next = mta.nextWakeup();
    if (next === null) return events;
    scheduler.advanceTo(Math.max(next, scheduler.now));
  }
  throw new Error(`runUntilIdle: the queue is still busy after ${maxRuns} runs`);
}
