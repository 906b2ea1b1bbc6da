/** What a step changed, read off the snapshots before and after it, headless on the real engines. */
import { describe, expect, it } from 'vitest';
import { COMPARE_WALKTHROUGH } from '../../../simulator/scenarios/compare-walkthrough.ts';
import { changed, changesBetween, changeText, type Changes } from './changes.ts';
import { CompareRuntime } from './runtime.ts';

const T0 = Date.UTC(2026, 10, 26, 9);

/** Runs the walk-through up to the step `id`, returning what that step changed and what it said. */
async function step(id: string): Promise<{ changes: Changes; texts: Record<string, string> }> {
  const rt = new CompareRuntime(() => T0);
  for (const s of COMPARE_WALKTHROUGH) {
    const before = rt.snapshot();
    const results = await rt.run((sc) => s.run(sc));
    if (s.id === id) return { changes: changesBetween(before, rt.snapshot()), texts: { pop3: results.pop3.text, imap: results.imap.text } };
  }
  throw new Error(`no step ${id}`);
}

describe('what a walk-through step changed', () => {
  it('new mail: both server mailboxes gain the message, no device changes', async () => {
    const { changes } = await step('new-mail');
    for (const side of ['pop3', 'imap'] as const) {
      expect(changes.server[side].added.size).toBe(1);
      expect(changed(changes.devices[side].laptop)).toBe(false);
      expect(changed(changes.devices[side].phone)).toBe(false);
    }
    expect(changeText(changes.server.pop3)).toBe('1 new');
  });

  it('the laptop checks: POP3 empties the server onto the laptop, IMAP copies and leaves the server alone', async () => {
    const { changes } = await step('laptop-checks');
    expect(changes.devices.pop3.laptop.added.size).toBe(4);
    expect(changes.server.pop3.removed).toBe(4);
    expect(changes.devices.imap.laptop.added.size).toBe(4);
    expect(changed(changes.server.imap)).toBe(false);
    expect(changed(changes.devices.pop3.phone)).toBe(false);
  });

  it('read on the phone: IMAP marks one message on the phone, the server and the idling laptop', async () => {
    const { changes, texts } = await step('read-on-phone');
    expect(changes.devices.imap.phone.updated.size).toBe(1);
    expect(changes.server.imap.updated.size).toBe(1);
    expect(changes.devices.imap.laptop.updated.size).toBe(1);
    // POP3's phone holds nothing: the sentence quotes the subject so it reads as one.
    expect(texts['pop3']).toBe('the phone has no message “Message 1 from Carol”');
  });
});
