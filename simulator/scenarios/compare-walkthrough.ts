/**
 * The guided walk-through of /compare/: the same user actions on both columns, in order, each
 * with a short explanation. The page runs it step by step; tests replay it headless and check
 * the verdict it leads to.
 */
import type { ActionResult, Scenario, Side } from './compare-scenario.ts';

export interface WalkStep {
  id: string;
  title: string;
  /** What to watch for, in a sentence or two. */
  explain: string;
  run(s: Scenario): Promise<Record<Side, ActionResult>>;
}

const SITE_PLANS = 'Site plans for Monday';
const NEW_MAIL = 'Message 1 from Carol';
const CAFE = 'Café on Friday?';

const both = async (act: (side: Side) => Promise<ActionResult> | ActionResult): Promise<Record<Side, ActionResult>> => ({
  pop3: await act('pop3'),
  imap: await act('imap'),
});

export const COMPARE_WALKTHROUGH: readonly WalkStep[] = [
  {
    id: 'new-mail',
    title: 'New mail arrives',
    explain: 'Carol submits a message over SMTP (port 587, STARTTLS, AUTH). The server puts it in both mailboxes: nothing has reached a device yet.',
    run: async (s) => {
      const sent = await s.newMail();
      return { pop3: sent, imap: sent };
    },
  },
  {
    id: 'laptop-checks',
    title: 'The laptop checks mail',
    explain: 'POP3 downloads every new message (UIDL tells it which are new) and, without "leave a copy on the server", deletes them. IMAP fetches copies by UID and leaves the mail where it is.',
    run: (s) => both((side) => s.check(side, 'laptop')),
  },
  {
    id: 'phone-checks',
    title: 'The phone checks mail',
    explain: 'The POP3 phone finds an empty maildrop: the laptop took everything. The IMAP phone sees the same mailbox the laptop sees.',
    run: (s) => both((side) => s.check(side, 'phone')),
  },
  {
    id: 'read-on-phone',
    title: 'Read on the phone',
    explain: 'IMAP stores \\Seen on the server (UID STORE) and the laptop, idling, hears about it at once. POP3 has no read state on the server.',
    run: (s) => both((side) => s.read(side, 'phone', NEW_MAIL)),
  },
  {
    id: 'delete-on-laptop',
    title: 'Delete on the laptop',
    explain: 'IMAP marks the message \\Deleted and expunges it; the phone sees it go. On POP3 the delete stays on the laptop.',
    run: (s) => both((side) => s.delete(side, 'laptop', 'Welcome to Mailwire')),
  },
  {
    id: 'move-to-folder',
    title: 'File a message in a folder',
    explain: 'IMAP moves it on the server (UID MOVE). POP3 has no folders on the server: the folder exists on one device only.',
    run: (s) => both((side) => s.move(side, 'laptop', SITE_PLANS, 'Archive')),
  },
  {
    id: 'offline-read',
    title: 'Go offline and read',
    explain: 'Each device can only show what it stored: the POP3 phone has nothing. The IMAP phone reads from its cache, queues the change and sends it when it is back online.',
    run: (s) =>
      both(async (side) => {
        await s.goOffline(side, 'phone');
        const read = await s.read(side, 'phone', CAFE);
        s.goOnline(side, 'phone');
        await s.check(side, 'phone');
        return read;
      }),
  },
  {
    id: 'both-at-once',
    title: 'Both devices at once',
    explain: 'A POP3 maildrop is locked while one session uses it, so the second device gets -ERR [IN-USE]. IMAP serves both at once, and IDLE pushes new mail to both.',
    run: (s) => both((side) => s.bothAtOnce(side)),
  },
  {
    id: 'time-passes',
    title: 'Time passes',
    explain: 'The POP3 phone keeps a copy on the server, but only for 14 days: a month later its check deletes the copy, and the laptop never sees that message. IMAP keeps mail until someone deletes it.',
    run: async (s) => {
      await s.newMail({ subject: 'Photos from the weekend' });
      await s.check('pop3', 'phone');
      await s.check('imap', 'phone');
      s.advanceDays(30);
      const pop3 = await s.check('pop3', 'phone');
      await s.check('pop3', 'laptop');
      return { pop3, imap: await s.check('imap', 'laptop') };
    },
  },
];

/** Runs the steps in order (all of them, or the first `count`); returns each step's results. */
export async function runWalkthrough(s: Scenario, count = COMPARE_WALKTHROUGH.length): Promise<Array<{ step: WalkStep; results: Record<Side, ActionResult> }>> {
  const out: Array<{ step: WalkStep; results: Record<Side, ActionResult> }> = [];
  for (const step of COMPARE_WALKTHROUGH.slice(0, count)) out.push({ step, results: await step.run(s) });
  return out;
}
