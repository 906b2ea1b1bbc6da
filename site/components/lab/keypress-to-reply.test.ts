/**
 * The lab's path from a typed line to its reply, wired as mount-terminal.ts wires it: the page's
 * world (its network on the page scheduler, the session tracker, saving), a TerminalSession, and
 * the batched screen in front of xterm.js. Timers and frames are fake and never advanced: every
 * reply must be on the screen once the microtasks of the keypress have run. A setTimeout, a frame
 * or a debounce anywhere between the Enter and the reply makes these tests fail.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMailwireStore } from '../../store/store.ts';
import { batchedScreen } from '../../terminal/batched-screen.ts';
import { MemoryStorage } from '../../browser/page-storage.ts';
import { TerminalSession } from '../../terminal/session.ts';
import { ScreenModel } from '../../terminal/testing/screen-model.ts';
import { createPageWorld, type PageWorld } from '../../world/page-network.ts';
import { keyValueWorldDb } from '../../world/persist.ts';
import { ReportingConnector } from '../../world/reporting-connector.ts';
import { soleTab } from '../../world/tab-guard.ts';

/** Lets the microtasks queued so far (and those they queue) run; no timer, no frame. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

interface Lab {
  page: PageWorld;
  /** The screen's rows, and each write that reached xterm.js. */
  lines(): string[];
  writes: string[];
  enter(line: string): Promise<void>;
}

function lab(): Lab {
  const page = createPageWorld({ stored: { kind: 'none' }, hash: '', db: keyValueWorldDb(new MemoryStorage()), tab: soleTab() });
  const model = new ScreenModel(200);
  const writes: string[] = [];
  const session = new TerminalSession({
    terminalId: 'lab-1',
    screen: batchedScreen((data) => {
      writes.push(data);
      model.write(data);
    }),
    connector: new ReportingConnector(page.connector, () => undefined),
    store: createMailwireStore(),
    storage: new MemoryStorage(),
    cols: 200,
  });
  session.start();
  return {
    page,
    lines: () => model.lines(),
    writes,
    enter: async (line) => {
      session.input(line);
      writes.length = 0;
      session.input('\r');
      await microtasks();
    },
  };
}

/** One line, its reply on the screen under it, and both in the one write xterm.js gets for the Enter. */
async function expectReply(l: Lab, command: string, reply: RegExp | null): Promise<void> {
  await l.enter(command);
  expect(l.writes, `${command}: one write`).toHaveLength(1);
  expect(l.writes[0]).toContain(command);
  if (!reply) return;
  const rows = l.lines();
  const echoed = rows.findLastIndex((row) => row.endsWith(`> ${command}`));
  expect(rows.slice(echoed + 1).some((row) => reply.test(row)), `${command} → ${reply}:\n${rows.join('\n')}`).toBe(true);
}

/** Each case: where to connect, the greeting, then lines and the reply each must get (null: none, as inside DATA). */
const cases: Array<{ name: string; connect: string; greeting: RegExp; steps: Array<[string, RegExp | null]> }> = [
  { name: 'IMAP, port 143', connect: '/connect mail.example.com 143', greeting: /^\* OK/, steps: [['a1 NOOP', /^a1 OK/], ['a2 LOGIN alice wonderland', /^a2 NO \[PRIVACYREQUIRED\]/], ['a3 CAPABILITY', /^a3 OK/]] },
  { name: 'IMAP, STARTTLS on 143', connect: '/connect mail.example.com 143', greeting: /^\* OK/, steps: [['a1 STARTTLS', /^TLS is on/], ['a2 LOGIN alice wonderland', /^a2 OK/], ['a3 SELECT INBOX', /^a3 OK/]] },
  { name: 'IMAP over TLS, port 993', connect: '/connect mail.example.com 993', greeting: /^\* OK/, steps: [['a1 NOOP', /^a1 OK/], ['a2 LOGIN alice wonderland', /^a2 OK/], ['a3 SELECT INBOX', /^a3 OK/], ['a4 FETCH 1 (FLAGS)', /^a4 OK/]] },
  {
    name: 'SMTP, port 25, a message through DATA', connect: '/connect mail.example.com 25', greeting: /^220 /,
    steps: [['EHLO laptop', /^250 /], ['MAIL FROM:<bob@example.org>', /^250 /], ['RCPT TO:<alice@example.com>', /^250 /], ['DATA', /^354 /], ['Subject: hi', null], ['', null], ['hello', null], ['.', /^250 /], ['NOOP', /^250 /]],
  },
  { name: 'SMTP, STARTTLS on 587', connect: '/connect mail.example.com 587', greeting: /^220 /, steps: [['EHLO laptop', /^250 /], ['STARTTLS', /^TLS is on/], ['EHLO laptop', /^250 /]] },
  { name: 'SMTP over TLS, port 465', connect: '/connect mail.example.com 465', greeting: /^220 /, steps: [['EHLO laptop', /^250 /], ['NOOP', /^250 /]] },
  { name: 'POP3, port 110', connect: '/connect mail.example.com 110', greeting: /^\+OK/, steps: [['CAPA', /^\+OK/], ['USER alice', /^-ERR \[AUTH\]/]] },
  { name: 'POP3, STLS on 110', connect: '/connect mail.example.com 110', greeting: /^\+OK/, steps: [['STLS', /^TLS is on/], ['USER alice', /^\+OK/], ['PASS wonderland', /^\+OK/], ['STAT', /^\+OK \d+ \d+/]] },
  { name: 'POP3 over TLS, port 995', connect: '/connect mail.example.com 995', greeting: /^\+OK/, steps: [['USER alice', /^\+OK/], ['PASS wonderland', /^\+OK/], ['LIST', /^\.$/]] },
];

describe('the lab terminal, from Enter to the reply, without a timer or a frame', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'] });
    // Node has no frames or idle periods: here they never come, as if the page were still busy.
    vi.stubGlobal('requestAnimationFrame', () => 0);
    vi.stubGlobal('requestIdleCallback', () => 0);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  for (const c of cases) {
    it(c.name, async () => {
      const l = lab();
      // The page loads its TLS code once, on the first handshake (a module load, not a timer): done
      // beforehand, so what is timed is the keypress alone.
      await l.page.network.recordTls.load();
      await l.enter(c.connect);
      expect(l.lines().some((row) => c.greeting.test(row)), l.lines().join('\n')).toBe(true);
      for (const [command, reply] of c.steps) await expectReply(l, command, reply);
      l.page.stop();
    });
  }

  it('the panels still hear of every line: the tracker has it once the microtasks ran', async () => {
    const l = lab();
    let heard = 0;
    l.page.tracker.subscribe(() => heard++);
    await l.enter('/connect mail.example.com 143');
    await l.enter('a1 NOOP');
    const session = l.page.tracker.sessions().at(-1);
    expect(session?.lines.map((line) => line.text)).toContain('a1 NOOP');
    expect(heard).toBeGreaterThan(0);
    l.page.stop();
  });
});
