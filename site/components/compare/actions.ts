/**
 * The page's buttons: each runs the same user action on both columns (POP3, then IMAP) through
 * the Scenario, and reports what each device said, with the transcript line that shows it.
 * Which message an action picks is decided here from what each device holds, because the two
 * columns hold different things by then (that is the point of the page).
 */
import type { Device } from '../../../simulator/clients/device.ts';
import type { LocalMessage } from '../../../simulator/clients/local-message.ts';
import type { DeviceName, Scenario, Side } from '../../../simulator/scenarios/compare-scenario.ts';

export interface Outcome {
  side: Side | null;
  /** Who acted: a device name, or 'carol' for the sender, or 'server'. */
  actor: string;
  ok: boolean;
  text: string;
  ref: string | null;
}

export type ActionId =
  | 'new-mail'
  | 'laptop-check'
  | 'phone-check'
  | 'phone-read'
  | 'laptop-delete'
  | 'laptop-move'
  | 'laptop-offline-read'
  | 'laptop-online'
  | 'both-at-once'
  | 'storage'
  | 'days';

export interface ActionParams {
  /** For 'days'. */
  days: number;
  /** Devices the learner drives by hand (`pop3-laptop` …): actions skip them. */
  takenOver?: ReadonlySet<string>;
}

/** A device the learner has taken over: its automatic actions are off until handed back. */
function skipped(params: ActionParams, side: Side, name: DeviceName): boolean {
  return params.takenOver?.has(`${side}-${name}`) ?? false;
}

const BY_HAND = 'skipped: this device is taken over by hand (hand it back to use the buttons)';

export interface ActionSpec {
  id: ActionId;
  label: string;
  /** One line for the button's description. */
  hint: string;
}

export const ACTIONS: readonly ActionSpec[] = [
  { id: 'new-mail', label: 'New mail arrives', hint: 'Carol submits one message over SMTP (port 587) to both accounts.' },
  { id: 'laptop-check', label: 'Laptop checks mail', hint: 'The laptop connects and does what its protocol and settings say.' },
  { id: 'phone-check', label: 'Phone checks mail', hint: 'The phone connects and does what its protocol and settings say.' },
  { id: 'phone-read', label: 'Read on the phone', hint: 'Open the newest unread message on the phone.' },
  { id: 'laptop-delete', label: 'Delete on the laptop', hint: 'Delete the newest message on the laptop.' },
  { id: 'laptop-move', label: 'Move to Archive', hint: 'File the oldest inbox message on the laptop in Archive.' },
  { id: 'laptop-offline-read', label: 'Go offline and read', hint: 'The laptop loses its network, then opens an unread message.' },
  { id: 'laptop-online', label: 'Laptop back online', hint: 'The laptop gets its network back and checks mail.' },
  { id: 'both-at-once', label: 'Both devices at once', hint: 'Laptop and phone check mail at the same moment.' },
  { id: 'storage', label: 'Server storage used', hint: 'What each account keeps on the server.' },
  { id: 'days', label: 'Time passes', hint: 'Days go by for the devices (POP3 "remove from server after N days").' },
];

const SIDES: readonly Side[] = ['pop3', 'imap'];

function outcome(side: Side, actor: string, r: { ok: boolean; text: string; ref: string | null }): Outcome {
  return { side, actor, ok: r.ok, text: r.text, ref: r.ref };
}

function inbox(d: Device): LocalMessage[] {
  return d.messages().filter((m) => m.folder.toUpperCase() === 'INBOX');
}

const unread = (m: LocalMessage): boolean => !m.flags.has('\\Seen');

/** Runs `act` on one device of each column, POP3 first, and collects what they said. */
async function onEach(s: Scenario, name: DeviceName, act: (side: Side, d: Device) => Promise<{ ok: boolean; text: string; ref: string | null }>, params: ActionParams): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const side of SIDES) {
    if (skipped(params, side, name)) out.push({ side, actor: name, ok: false, text: BY_HAND, ref: null });
    else out.push(outcome(side, name, await act(side, s.device(side, name))));
  }
  return out;
}

/** Acts on the message `pick` chooses, or says on the device that there is none. */
function withMessage(s: Scenario, name: DeviceName, pick: (d: Device) => LocalMessage | undefined, none: string, act: (side: Side, key: string) => Promise<{ ok: boolean; text: string; ref: string | null }>, params: ActionParams): Promise<Outcome[]> {
  return onEach(s, name, async (side, d) => {
    const m = pick(d);
    return m ? act(side, m.key) : d.note(`${none} on the ${name}`, false);
  }, params);
}

/** POP3's pair meets the maildrop lock; IMAP's pair both connect, then hear new mail pushed. */
async function bothAtOnce(s: Scenario, params: ActionParams): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const side of SIDES) {
    if (skipped(params, side, 'laptop') || skipped(params, side, 'phone')) {
      out.push({ side, actor: 'laptop and phone', ok: false, text: BY_HAND, ref: null });
      continue;
    }
    const r = await s.bothAtOnce(side);
    out.push(outcome(side, 'laptop', r.laptop), outcome(side, 'phone', r.phone));
  }
  return out;
}

function storage(s: Scenario): Outcome[] {
  const used = s.serverStorage();
  return SIDES.map((side) => ({ side, actor: 'server', ok: true, text: `${used[side].messages} messages, ${used[side].octets} octets kept on the server`, ref: used[side].ref }));
}

export async function runAction(s: Scenario, id: ActionId, params: ActionParams): Promise<Outcome[]> {
  switch (id) {
    case 'new-mail':
      return [{ side: null, actor: 'carol', ...(await s.newMail()) }];
    case 'laptop-check':
    case 'phone-check': {
      const name: DeviceName = id === 'laptop-check' ? 'laptop' : 'phone';
      return onEach(s, name, (side) => s.check(side, name), params);
    }
    case 'phone-read':
      return withMessage(s, 'phone', (d) => inbox(d).filter(unread).at(-1) ?? inbox(d).at(-1), 'no message to read', (side, key) => s.read(side, 'phone', key), params);
    case 'laptop-delete':
      return withMessage(s, 'laptop', (d) => inbox(d).at(-1), 'no message to delete', (side, key) => s.delete(side, 'laptop', key), params);
    case 'laptop-move':
      return withMessage(s, 'laptop', (d) => inbox(d)[0], 'no message to move', (side, key) => s.move(side, 'laptop', key, 'Archive'), params);
    case 'laptop-offline-read':
      return onEach(s, 'laptop', async (side, d) => {
        await s.goOffline(side, 'laptop');
        const m = d.messages().find(unread) ?? d.messages()[0];
        return m ? s.read(side, 'laptop', m.key) : d.note('offline, and no message on the laptop to read', false);
      }, params);
    case 'laptop-online':
      return onEach(s, 'laptop', (side) => {
        s.goOnline(side, 'laptop');
        return s.check(side, 'laptop');
      }, params);
    case 'both-at-once':
      return bothAtOnce(s, params);
    case 'storage':
      return storage(s);
    case 'days':
      return [{ side: 'pop3', actor: 'clock', ...s.advanceDays(params.days) }];
  }
}
