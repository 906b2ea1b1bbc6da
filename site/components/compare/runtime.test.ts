/**
 * The /compare/ page's runtime and buttons, headless against the real engines: what a button
 * promises in its label is what the devices and the verdict then show.
 */
import { describe, expect, it } from 'vitest';
import { COMPARE_WALKTHROUGH } from '../../../simulator/scenarios/compare-walkthrough.ts';
import { runAction, type ActionId, type Outcome } from './actions.ts';
import { CompareRuntime } from './runtime.ts';

const T0 = Date.UTC(2026, 10, 26, 9);

async function press(rt: CompareRuntime, id: ActionId, days = 1): Promise<Outcome[]> {
  return rt.run((s) => runAction(s, id, { days }));
}

function of(out: Outcome[], side: 'pop3' | 'imap'): Outcome {
  const o = out.find((x) => x.side === side);
  if (!o) throw new Error(`no ${side} outcome in ${JSON.stringify(out)}`);
  return o;
}

async function walked(): Promise<CompareRuntime> {
  const rt = new CompareRuntime(() => T0);
  for (const step of COMPARE_WALKTHROUGH) await rt.run((s) => step.run(s));
  return rt;
}

describe('the compare runtime', () => {
  it('is deterministic, so Back can replay the walk-through', async () => {
    const [a, b] = [await walked(), await walked()];
    expect(JSON.stringify(b.snapshot().verdict)).toBe(JSON.stringify(a.snapshot().verdict));
    expect(b.snapshot().transcripts).toEqual(a.snapshot().transcripts);
  });

  it('every verdict cell links to a line that exists in a transcript', async () => {
    const rt = await walked();
    const facts = Object.values(rt.snapshot().verdict).flatMap((v) => [v.onServer, v.onDevice.laptop, v.onDevice.phone, v.readStateAgrees, v.foldersAgree, v.bytes.laptop, v.bytes.phone, v.survivesLosingLaptop]);
    const refs = facts.map((f) => f.ref).filter((r): r is string => r !== null);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(rt.scenario.line(ref), ref).toBeDefined();
  });

  it('reset starts again from the seed mailbox with new devices', async () => {
    const rt = new CompareRuntime(() => T0);
    await press(rt, 'new-mail');
    await press(rt, 'laptop-check');
    expect(rt.snapshot().verdict.pop3.onDevice.laptop.value).toBe(4);
    rt.reset();
    const snap = rt.snapshot();
    expect(snap.verdict.pop3.onDevice.laptop.value).toBe(0);
    expect(snap.server.pop3.messages).toBe(3);
    expect(snap.transcripts['pop3-laptop']).toEqual([]);
  });

  it('POP3 settings changed in the form reach the device before its next check', async () => {
    const rt = new CompareRuntime(() => T0);
    rt.setPop3Settings('laptop', { leaveOnServer: true });
    expect(rt.snapshot().devices.pop3.laptop.pop3?.leaveOnServer).toBe(true);
    await press(rt, 'laptop-check');
    expect(rt.snapshot().verdict.pop3.onServer.value).toBe(3);
    expect(rt.snapshot().verdict.pop3.onDevice.laptop.value).toBe(3);
  });

  it('runs actions one at a time, in the order they were asked for', async () => {
    const rt = new CompareRuntime(() => T0);
    const order: string[] = [];
    const a = rt.run(async (s) => {
      order.push('a:start');
      await s.newMail();
      order.push('a:end');
    });
    const b = rt.run(async () => {
      order.push('b');
    });
    expect(rt.snapshot().busy).toBe(false);
    await Promise.all([a, b]);
    expect(order).toEqual(['a:start', 'a:end', 'b']);
  });

  it('a run that throws leaves its message in the snapshot, not busy, until the next run finishes or a reset', async () => {
    const rt = new CompareRuntime(() => T0);
    await expect(rt.run(async () => Promise.reject(new Error('the server hung up')))).rejects.toThrow('the server hung up');
    expect(rt.snapshot()).toMatchObject({ busy: false, failure: 'the server hung up' });
    await press(rt, 'laptop-check');
    expect(rt.snapshot().failure).toBeNull();
    await expect(rt.run(async () => Promise.reject(new Error('again')))).rejects.toThrow('again');
    rt.reset();
    expect(rt.snapshot().failure).toBeNull();
  });
});

describe('the buttons', () => {
  it('move to Archive: POP3 cannot, IMAP moves it on the server', async () => {
    const rt = new CompareRuntime(() => T0);
    await press(rt, 'laptop-check');
    const out = await press(rt, 'laptop-move');
    expect(of(out, 'pop3')).toMatchObject({ ok: false });
    expect(of(out, 'pop3').text).toContain('POP3 has no folders on the server');
    expect(of(out, 'imap').ok).toBe(true);
    expect(rt.snapshot().server.imap.folders.find((f) => f.name === 'Archive')?.messages).toHaveLength(1);
  });

  it('read on the phone: the IMAP laptop, idling, shows it read too', async () => {
    const rt = new CompareRuntime(() => T0);
    await press(rt, 'new-mail');
    await press(rt, 'laptop-check');
    await press(rt, 'phone-check');
    const out = await press(rt, 'phone-read');
    expect(of(out, 'pop3').ok).toBe(false); // the POP3 laptop took everything
    const key = rt.scenario.imap.phone.messages().find((m) => m.flags.has('\\Seen') && m.subject.startsWith('Message 1'))?.key;
    expect(key).toBeDefined();
    expect(rt.scenario.imap.laptop.find(key!)?.flags.has('\\Seen')).toBe(true);
    expect(rt.snapshot().verdict.imap.readStateAgrees.value).toBe(true);
  });

  it('offline read queues the IMAP flag until the laptop is back online', async () => {
    const rt = new CompareRuntime(() => T0);
    await press(rt, 'laptop-check');
    await press(rt, 'laptop-offline-read');
    let laptop = rt.snapshot().devices.imap.laptop;
    expect(laptop.online).toBe(false);
    expect(laptop.pending).toBe(1);
    await press(rt, 'laptop-online');
    laptop = rt.snapshot().devices.imap.laptop;
    expect(laptop.pending).toBe(0);
    expect(laptop.online).toBe(true);
  });

  it('both devices at once: [IN-USE] for the second POP3 device, push to both IMAP devices', async () => {
    const rt = new CompareRuntime(() => T0);
    rt.setPop3Settings('laptop', { leaveOnServer: true });
    const out = await press(rt, 'both-at-once');
    expect(out.filter((o) => o.side === 'pop3').map((o) => o.text).join(' ')).toContain('[IN-USE]');
    for (const d of ['laptop', 'phone'] as const) expect(rt.scenario.imap[d].find('Pushed to both devices')).toBeDefined();
  });

  it('server storage and time passing report with a line to link to', async () => {
    const rt = new CompareRuntime(() => T0);
    await press(rt, 'new-mail');
    const used = await press(rt, 'storage');
    expect(of(used, 'pop3').text).toMatch(/^4 messages, \d+ octets kept on the server$/);
    expect(of(used, 'imap').ref).toMatch(/^smtp-carol:\d+$/);
    const later = await press(rt, 'days', 30);
    expect(later[0]?.text).toBe('30 days later');
    expect(later[0]?.ref).not.toBeNull();
  });

  it('a button with nothing to act on says so in the device transcript', async () => {
    const rt = new CompareRuntime(() => T0);
    const out = await press(rt, 'laptop-delete');
    for (const side of ['pop3', 'imap'] as const) {
      expect(of(out, side)).toMatchObject({ ok: false, text: 'no message to delete on the laptop' });
      expect(rt.scenario.line(of(out, side).ref!)?.direction).toBe('note');
    }
  });
});
