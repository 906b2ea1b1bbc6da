import { describe, expect, it } from 'vitest';
import { Scenario } from './compare-scenario.ts';
import { fixture } from '../clients/test-fixture.test-helper.ts';
import { COMPARE_WALKTHROUGH, runWalkthrough } from './compare-walkthrough.ts';

describe('the /compare/ walk-through, replayed headless', () => {
  it('after the laptop checks, the POP3 phone is empty and the IMAP phone has everything', async () => {
    const f = fixture();
    const s = new Scenario({ world: f.world, network: f.network });
    await runWalkthrough(s, 3);
    const v = s.verdict();
    expect(v.pop3.onDevice.phone.value).toBe(0);
    expect(v.pop3.onDevice.laptop.value).toBe(4);
    expect(v.imap.onDevice.phone.value).toBe(4);
    expect(s.line(v.pop3.onDevice.phone.ref!)).toBeDefined();
  });

  it('runs every step, and the verdict matches what the walk-through claims', async () => {
    const f = fixture();
    const s = new Scenario({ world: f.world, network: f.network });
    const steps = await runWalkthrough(s);
    expect(steps.map((x) => x.step.id)).toEqual(COMPARE_WALKTHROUGH.map((x) => x.id));
    const byId = Object.fromEntries(steps.map((x) => [x.step.id, x.results]));
    expect(byId['read-on-phone']?.pop3.ok).toBe(false);
    expect(byId['read-on-phone']?.imap.ok).toBe(true);
    expect(byId['move-to-folder']?.pop3.text).toMatch(/POP3 has no folders on the server/);
    expect(s.line(byId['both-at-once']!.pop3.ref!)?.text).toMatch(/^-ERR \[IN-USE\]/);
    expect(byId['time-passes']?.pop3.text).toBe('0 downloaded, 1 deleted from the server');
    const v = s.verdict();
    expect(v.pop3.onServer.value).toBe(0);
    expect(s.pop3.phone.messages().map((m) => m.subject)).toEqual(['Photos from the weekend']);
    expect(s.pop3.laptop.find('Photos from the weekend')).toBeUndefined();
    expect(v.pop3.survivesLosingLaptop.value.lost).toBe(3);
    expect(v.imap.readStateAgrees.value).toBe(true);
    expect(v.imap.foldersAgree.value).toBe(true);
    expect(v.imap.onServer.value).toBe(5);
    expect(v.imap.survivesLosingLaptop.value.lost).toBe(0);
    for (const d of [s.imap.laptop, s.imap.phone]) {
      expect(d.find('Site plans for Monday')?.folder).toBe('Archive');
      expect(d.find('Café on Friday?')?.flags.has('\\Seen')).toBe(true);
    }
    expect(byId['offline-read']?.imap.text).toMatch(/offline, queued/);
  });
});
