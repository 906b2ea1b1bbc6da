/**
 * Determinism, checked the way the timeline relies on it: 100 generated lab sessions (SMTP, POP3,
 * IMAP; plaintext, STARTTLS and implicit TLS; the stand-in TLS and real records) are run once as
 * the lab runs them — keys typed into the terminal, each entered line recorded by the lab's hook
 * with its time — then sent through the replay link's encoding, replayed from those inputs alone
 * into a fresh world, and compared byte for byte: every session's bytes each way, in order, and
 * the final world's serialisation.
 */
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../simulator/net/virtual-network-log.ts';
import type { TlsLayer } from '../../../simulator/net/virtual-network.ts';
import { defaultWorld } from '../../../simulator/world/world.ts';
import { seededRandom, type RandomSource } from '../../../simulator/random.ts';
import { worldToJson } from '../../../simulator/world/serialize.ts';
import { utf8Bytes } from '../../../simulator/wire/bytes.ts';
import { feedWithLines } from './typed-lines.ts';
import { decodeReplay, encodeReplay, scriptFromLog } from '../../world/replay.ts';
import { replayLink, unpackWorld } from '../../world/replay-world.ts';
import { forkInputs, replayTo, TimelineRunner, type TimelineInputs, type TimelineStep } from './timeline-replay.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

/** Picks from a seeded stream, so the generated sessions are the same on every run. */
class Picker {
  constructor(private readonly random: RandomSource) {}
  int(n: number): number {
    const b = this.random.bytes(4);
    return (((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0) % n;
  }
  one<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

type Protocol = 'smtp' | 'pop3' | 'imap';
type Security = 'plain' | 'starttls' | 'implicit';

const PORTS: Record<Protocol, Record<Security, number>> = {
  smtp: { plain: 587, starttls: 587, implicit: 465 },
  pop3: { plain: 110, starttls: 110, implicit: 995 },
  imap: { plain: 143, starttls: 143, implicit: 993 },
};

function smtpLines(p: Picker, security: Security): string[] {
  const lines = ['EHLO laptop'];
  if (security === 'starttls') lines.push('STARTTLS', 'EHLO laptop');
  lines.push(p.one(['AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=', 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdyb25n', 'NOOP']));
  lines.push('MAIL FROM:<alice@example.com>', p.one(['RCPT TO:<bob@example.org>', 'RCPT TO:<carol@example.com>', 'RCPT TO:<nobody@example.com>']));
  lines.push('DATA', `Subject: test ${p.int(1000)}`, '', p.one(['Hello.', '..a dot-stuffed line', 'Café ☕']), '.');
  lines.push(p.one(['RSET', 'NOOP', 'VRFY bob', 'HELP', 'BDAT 3 LAST']));
  if (p.int(3) > 0) lines.push('QUIT');
  return lines;
}

function pop3Lines(p: Picker, security: Security): string[] {
  const lines = security === 'starttls' ? ['CAPA', 'STLS'] : ['CAPA'];
  lines.push('USER alice@example.com', p.one(['PASS wonderland', 'PASS wonderland', 'PASS wrong']));
  for (let i = p.int(4); i >= 0; i--) lines.push(p.one(['STAT', 'LIST', 'UIDL', 'RETR 1', 'TOP 2 0', 'DELE 1', 'DELE 2', 'RSET', 'NOOP', 'RETR 9']));
  if (p.int(3) > 0) lines.push('QUIT');
  return lines;
}

function imapLines(p: Picker, security: Security): string[] {
  const lines = security === 'starttls' ? ['a0 CAPABILITY', 'a1 STARTTLS'] : ['a0 CAPABILITY'];
  lines.push(p.one(['a2 LOGIN alice@example.com wonderland', 'a2 LOGIN alice@example.com wonderland', 'a2 LOGIN alice@example.com nope']));
  lines.push(p.one(['a3 SELECT INBOX', 'a3 EXAMINE INBOX', 'a3 SELECT Nowhere']));
  for (let i = p.int(4); i >= 0; i--) {
    lines.push(p.one(['a4 FETCH 1 (FLAGS)', 'a5 STORE 1 +FLAGS (\\Seen)', 'a6 SEARCH UNSEEN', 'a7 UID FETCH 1:* (UID RFC822.SIZE)', 'a8 CREATE Archive', 'a9 COPY 1 Archive', 'b1 EXPUNGE', 'b2 NOOP', 'b3 LIST "" *', 'garbage']));
  }
  if (p.int(3) > 0) lines.push('z LOGOUT');
  return lines;
}

/** One generated session: which terminal types each line, and how long the learner paused before it. */
function generate(p: Picker): Array<{ terminal: number; line: string; pause: number }> {
  const out: Array<{ terminal: number; line: string; pause: number }> = [];
  const connections = 1 + p.int(2);
  for (let c = 0; c < connections; c++) {
    const protocol = p.one<Protocol>(['smtp', 'pop3', 'imap']);
    const security = p.one<Security>(['plain', 'starttls', 'implicit']);
    const host = p.one(['mail.example.com', 'mail.example.com', 'mail.example.org']);
    const tls = security === 'implicit' ? ' --tls' : '';
    const lines = [`/connect${tls} ${host} ${PORTS[protocol][security]}`, ...{ smtp: smtpLines, pop3: pop3Lines, imap: imapLines }[protocol](p, security)];
    const terminal = p.int(2);
    // Pauses from a keystroke's length to minutes: long enough, now and then, for the MTA to deliver.
    for (const line of lines) out.push({ terminal, line, pause: p.one([5, 80, 700, 4_000, 65_000, 400_000]) });
  }
  return out;
}

/** Every byte each way, session by session, in order. */
function wire(sessions: readonly SessionRecord[]): string[] {
  return sessions.map((s) => `${s.id} ${s.openedAt} ${s.closedAt} ${s.closedBy} | ${s.entries.map((e) => `${e.time} ${e.direction} ${e.tls ? 'tls' : ''} ${Buffer.from(e.bytes).toString('hex')}`).join(' | ')}`);
}

/** The lab's way: keys typed, each entered line recorded by the hook with the clock's time. */
async function runAsTheLab(seed: Uint8Array, startWorld: string, tlsLayer: TlsLayer, typed: ReturnType<typeof generate>) {
  const runner = new TimelineRunner({ seed, startedAt: T0, startWorld, tlsLayer });
  const recorded: TimelineStep[] = [];
  for (const { terminal, line, pause } of typed) {
    runner.scheduler.advanceTo(runner.scheduler.now + pause);
    await runner.settle();
    const session = runner.terminal(terminal);
    feedWithLines(`${line}\r`, (d) => session.input(d), () => session.editor.text, (entered) => recorded.push({ terminal, line: entered, at: runner.scheduler.now }));
    await runner.settle();
  }
  return { runner, recorded };
}

describe('the timeline replays a lab session byte for byte', () => {
  const picker = new Picker(seededRandom(utf8Bytes('timeline sessions')));
  const cases = Array.from({ length: 100 }, (_, i) => ({ i, tlsLayer: (i % 2 === 0 ? 'records' : 'stand-in') as TlsLayer, typed: generate(picker) }));

  it('generates sessions across the three protocols, with and without TLS', () => {
    const connects = cases.flatMap((c) => c.typed.filter((t) => t.line.startsWith('/connect')).map((t) => t.line));
    for (const port of [587, 465, 110, 995, 143, 993]) expect(connects.some((l) => l.endsWith(` ${port}`))).toBe(true);
    expect(cases.some((c) => c.typed.some((t) => t.line === 'STLS'))).toBe(true);
  });

  for (const { i, tlsLayer, typed } of cases) {
    it(`session ${i} (${tlsLayer}): ${typed.filter((t) => t.line.startsWith('/connect')).map((t) => t.line.slice(9)).join(', ')}`, async () => {
      const seed = seededRandom(utf8Bytes(`world ${i}`)).bytes(32);
      const startWorld = worldToJson(defaultWorld(T0));
      const original = await runAsTheLab(seed, startWorld, tlsLayer, typed);
      expect(original.recorded.map((r) => r.line)).toEqual(typed.map((t) => t.line));

      // The inputs go through the link's encoding, as a shared link would carry them.
      const script = scriptFromLog(original.recorded);
      const hash = encodeReplay({ ...script, seed, startedAt: T0, times: original.recorded.map((r) => r.at), step: original.recorded.length });
      const decoded = decodeReplay(hash)!;
      const order = decoded.order!;
      const next = decoded.terminals.map(() => 0);
      const steps = order.map((terminal, k) => ({ terminal, line: decoded.terminals[terminal]![next[terminal]!++]!, at: decoded.times![k]! }));
      const inputs: TimelineInputs = { seed: decoded.seed!, startedAt: decoded.startedAt!, startWorld, steps, tlsLayer };

      const replayed = await replayTo(inputs, decoded.step);
      expect(original.runner.network.sessions.length).toBeGreaterThan(0);
      expect(wire(replayed.network.sessions)).toEqual(wire(original.runner.network.sessions));
      expect(worldToJson(replayed.network.world)).toEqual(worldToJson(original.runner.network.world));
    });
  }

  it('a different seed gives different TLS bytes (the comparison sees the randomness)', async () => {
    const typed = [{ terminal: 0, line: '/connect --tls mail.example.com 993', pause: 10 }, { terminal: 0, line: 'a1 NOOP', pause: 10 }];
    const startWorld = worldToJson(defaultWorld(T0));
    const a = await runAsTheLab(seededRandom(utf8Bytes('a')).bytes(32), startWorld, 'records', typed);
    const b = await runAsTheLab(seededRandom(utf8Bytes('b')).bytes(32), startWorld, 'records', typed);
    const again = await runAsTheLab(seededRandom(utf8Bytes('a')).bytes(32), startWorld, 'records', typed);
    expect(a.runner.network.sessions[0]!.entries.some((e) => e.tls)).toBe(true);
    expect(wire(b.runner.network.sessions)).not.toEqual(wire(a.runner.network.sessions));
    expect(wire(again.runner.network.sessions)).toEqual(wire(a.runner.network.sessions));
  });

  it('step N is the world after N lines: a POP3 DELE is undone by QUIT only from its step on', async () => {
    const typed = ['/connect --tls mail.example.com 995', 'USER alice@example.com', 'PASS wonderland', 'DELE 1', 'QUIT'].map((line) => ({ terminal: 0, line, pause: 100 }));
    const seed = seededRandom(utf8Bytes('pop3')).bytes(32);
    const startWorld = worldToJson(defaultWorld(T0));
    const { recorded } = await runAsTheLab(seed, startWorld, 'stand-in', typed);
    const inputs: TimelineInputs = { seed, startedAt: T0, startWorld, steps: recorded };
    const count = async (n: number) => (await replayTo(inputs, n)).network.world.store.mailbox('alice@example.com', 'INBOX')!.messages.length;
    const before = await count(0);
    expect(await count(4)).toBe(before);
    expect(await count(5)).toBe(before - 1);
  });

  it('a fork at step N, with lines typed in the fork, replays byte for byte to each of the fork\'s steps', async () => {
    const inbox = (world: { store: { mailbox(a: string, m: string): { messages: unknown[] } | undefined } }) => world.store.mailbox('alice@example.com', 'INBOX')!.messages.length;
    const original = ['/connect --tls mail.example.com 995', 'USER alice@example.com', 'PASS wonderland', 'DELE 1', 'QUIT'];
    const seed = seededRandom(utf8Bytes('fork')).bytes(32);
    const startWorld = worldToJson(defaultWorld(T0));
    const { recorded } = await runAsTheLab(seed, startWorld, 'stand-in', original.map((line) => ({ terminal: 0, line, pause: 150 })));
    const inputs: TimelineInputs = { seed, startedAt: T0, startWorld, steps: recorded };
    const fresh = inbox(defaultWorld(T0));

    // Fork at step 3 (logged in, nothing deleted) and type in the fork as its terminal does:
    // the fork's clock goes on from the step's time; each entered line is recorded at it.
    const N = 3;
    const fork = await replayTo(inputs, N);
    const typed: TimelineStep[] = [];
    const after: Array<{ wire: string[]; world: string; screen: string }> = [];
    for (const { line, pause } of [{ line: 'DELE 2', pause: 40_000 }, { line: 'STAT', pause: 900 }, { line: 'QUIT', pause: 2_000 }]) {
      fork.scheduler.advanceTo(fork.scheduler.now + pause);
      await fork.settle();
      const session = fork.terminal(0);
      feedWithLines(`${line}\r`, (d) => session.input(d), () => session.editor.text, (entered) => typed.push({ terminal: 0, line: entered, at: fork.scheduler.now }));
      await fork.settle();
      after.push({ wire: wire(fork.network.sessions), world: worldToJson(fork.network.world), screen: fork.screens[0]! });
    }
    expect(typed.map((t) => t.line)).toEqual(['DELE 2', 'STAT', 'QUIT']);
    expect(inbox(fork.network.world)).toBe(fresh - 1);

    // The fork's timeline: the original's first N lines, then the fork's, each step the fork as it was.
    const steps = forkInputs(inputs, N, typed);
    expect(steps.steps.map((s) => s.line)).toEqual([...original.slice(0, N), 'DELE 2', 'STAT', 'QUIT']);
    for (let k = 0; k <= N; k++) {
      const a = await replayTo(steps, k);
      const b = await replayTo(inputs, k);
      expect(wire(a.network.sessions)).toEqual(wire(b.network.sessions));
      expect(worldToJson(a.network.world)).toEqual(worldToJson(b.network.world));
    }
    for (let j = 0; j < typed.length; j++) {
      const replayed = await replayTo(steps, N + j + 1);
      expect(wire(replayed.network.sessions)).toEqual(after[j]!.wire);
      expect(worldToJson(replayed.network.world)).toEqual(after[j]!.world);
      expect(replayed.screens[0]).toBe(after[j]!.screen);
    }
    // Before the fork's QUIT the message is there; after it, gone. The original lost message 1 instead.
    expect(inbox((await replayTo(steps, N + 2)).network.world)).toBe(fresh);
    expect(inbox((await replayTo(steps, N + 3)).network.world)).toBe(fresh - 1);
    const originalEnd = await replayTo(inputs);
    expect(worldToJson(originalEnd.network.world)).not.toEqual(after[2]!.world);
  });

  it('a link from a changed start world (mail delivered by an earlier SMTP session) carries it and replays the POP3 session the same', async () => {
    const inbox = (world: { store: { mailbox(a: string, m: string): { messages: unknown[] } | undefined } }) => world.store.mailbox('alice@example.com', 'INBOX')!.messages.length;
    // The earlier session: bob's server hands alice's server a message on port 25.
    const smtp = ['/connect mail.example.com 25', 'EHLO mail.example.org', 'MAIL FROM:<bob@example.org>', 'RCPT TO:<alice@example.com>', 'DATA', 'Subject: from before', '', 'Delivered earlier.', '.', 'QUIT'];
    const earlier = await runAsTheLab(seededRandom(utf8Bytes('earlier')).bytes(32), worldToJson(defaultWorld(T0)), 'stand-in', smtp.map((line) => ({ terminal: 0, line, pause: 200 })));
    earlier.runner.scheduler.advanceTo(earlier.runner.scheduler.now + 600_000);
    await earlier.runner.settle();
    const fresh = inbox(defaultWorld(T0));
    expect(inbox(earlier.runner.network.world)).toBe(fresh + 1);

    // This session starts on that world, an hour later.
    const startWorld = worldToJson(earlier.runner.network.world);
    const startedAt = T0 + 3_600_000;
    const seed = seededRandom(utf8Bytes('later')).bytes(32);
    const pop3 = ['/connect --tls mail.example.com 995', 'USER alice@example.com', 'PASS wonderland', 'LIST', `RETR ${fresh + 1}`, 'DELE 1', 'QUIT'];
    const runner = new TimelineRunner({ seed, startedAt, startWorld, tlsLayer: 'stand-in' });
    const recorded: TimelineStep[] = [];
    for (const line of pop3) {
      runner.scheduler.advanceTo(runner.scheduler.now + 300);
      await runner.settle();
      const session = runner.terminal(0);
      feedWithLines(`${line}\r`, (d) => session.input(d), () => session.editor.text, (entered) => recorded.push({ terminal: 0, line: entered, at: runner.scheduler.now }));
      await runner.settle();
    }
    expect(runner.screens[0]).toContain('Delivered earlier.');

    const made = await replayLink({ ...scriptFromLog(recorded), seed, startedAt, times: recorded.map((r) => r.at), step: 5 }, startWorld, startedAt);
    if (!made.ok) throw new Error('no link');
    const decoded = decodeReplay(made.hash)!;
    expect(decoded.world).toBeInstanceOf(Uint8Array);
    const carried = await unpackWorld(decoded.world!);
    if (!carried.ok) throw new Error(carried.error);
    expect(carried.value.json).toBe(startWorld);
    const next = decoded.terminals.map(() => 0);
    const steps = decoded.order!.map((terminal, k) => ({ terminal, line: decoded.terminals[terminal]![next[terminal]!++]!, at: decoded.times![k]! }));
    const inputs: TimelineInputs = { seed: decoded.seed!, startedAt: decoded.startedAt!, startWorld: carried.value.json, steps, tlsLayer: 'stand-in' };
    const all = await replayTo(inputs);
    expect(wire(all.network.sessions)).toEqual(wire(runner.network.sessions));
    expect(worldToJson(all.network.world)).toEqual(worldToJson(runner.network.world));
    // At the linked step (after RETR) the delivered message is there, as it was in the session.
    const atStep = await replayTo(inputs, decoded.step);
    expect(inbox(atStep.network.world)).toBe(fresh + 1);
    expect(atStep.screens[0]).toContain('Delivered earlier.');
    // The same lines replayed on a fresh default world would not be the session: the world matters.
    const wrong = await replayTo({ ...inputs, startWorld: worldToJson(defaultWorld(startedAt)) }, decoded.step);
    expect(wire(wrong.network.sessions)).not.toEqual(wire(atStep.network.sessions));
  });
});
