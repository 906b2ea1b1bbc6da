import { describe, expect, it } from 'vitest';
import { Scenario, SCENARIO, type Side } from './compare-scenario.ts';
import { fixture } from '../clients/test-fixture.test-helper.ts';
import type { Fact, SideVerdict } from './compare-verdict.ts';

function scenario(options: Partial<ConstructorParameters<typeof Scenario>[0]> = {}) {
  const f = fixture();
  return { f, s: new Scenario({ world: f.world, network: f.network, ...options }) };
}

/** Every fact of a verdict that has a ref, with the line it points at. */
function linked(s: Scenario, v: SideVerdict): Array<[string, string | undefined]> {
  const facts: Array<Fact<unknown>> = [v.onServer, v.onDevice.laptop, v.onDevice.phone, v.readStateAgrees, v.foldersAgree, v.bytes.laptop, v.bytes.phone, v.survivesLosingLaptop];
  return facts.filter((x) => x.ref !== null).map((x) => [x.ref!, s.line(x.ref!)?.text]);
}

describe('Scenario: POP3 and IMAP side by side', () => {
  it('starts both columns from a copy of the same mailbox, for separate users', () => {
    const { s } = scenario();
    const storage = s.serverStorage();
    expect(storage.pop3.messages).toBe(3);
    expect(storage.imap).toMatchObject({ messages: 3, octets: storage.pop3.octets });
  });

  it('delivers new mail with a real SMTP submission to both columns', async () => {
    const { s } = scenario();
    const heard: string[] = [];
    const off = s.subscribe((line, t) => heard.push(`${t.name} ${line.id}`));
    const sent = await s.newMail({ subject: 'Lunch?' });
    expect(sent.ok).toBe(true);
    expect(s.line(sent.ref!)?.text).toMatch(/^250 2\.0\.0/);
    expect(s.sender.transcript.lines.map((l) => l.text)).toEqual(expect.arrayContaining(['STARTTLS', `RCPT TO:<${SCENARIO.users.pop3}>`, `RCPT TO:<${SCENARIO.users.imap}>`]));
    expect(s.serverStorage().pop3.messages).toBe(4);
    expect(s.serverStorage().imap.messages).toBe(4);
    expect(heard).toHaveLength(s.sender.transcript.lines.length);
    off();
  });

  it('verdict: POP3 without "leave a copy" leaves the phone empty after the laptop checked', async () => {
    const { s } = scenario();
    await s.newMail();
    await s.check('pop3', 'laptop');
    await s.check('pop3', 'phone');
    const v = s.verdict().pop3;
    expect(v.onServer.value).toBe(0);
    expect(v.onDevice.laptop.value).toBe(4);
    expect(v.onDevice.phone.value).toBe(0);
    expect(v.readStateAgrees.value).toBeNull();
    expect(v.survivesLosingLaptop.value).toEqual({ safe: 0, lost: 4 });
    expect(s.line(v.onServer.ref!)?.text).toMatch(/signing off \(maildrop empty\)/);
    expect(linked(s, v).every(([, text]) => text !== undefined)).toBe(true);
  });

  it('verdict: IMAP shows the same read state on both devices after a read on the phone', async () => {
    const { s } = scenario();
    await s.newMail({ subject: 'Read me' });
    await s.check('imap', 'laptop');
    await s.check('imap', 'phone');
    const read = await s.read('imap', 'phone', 'Read me');
    expect(read.ok).toBe(true);
    expect(s.imap.laptop.find('Read me')?.flags.has('\\Seen')).toBe(true);
    const v = s.verdict().imap;
    expect(v.onServer.value).toBe(4);
    expect(v.onDevice.laptop.value).toBe(4);
    expect(v.onDevice.phone.value).toBe(4);
    expect(v.readStateAgrees.value).toBe(true);
    expect(v.foldersAgree.value).toBe(true);
    expect(v.survivesLosingLaptop.value).toEqual({ safe: 4, lost: 0 });
    expect(linked(s, v).every(([, text]) => text !== undefined)).toBe(true);
  });

  it('POP3 read state stays on the device that read it; the verdict points at that line', async () => {
    const { s } = scenario({ pop3: { laptop: { leaveOnServer: true } } });
    await s.check('pop3', 'laptop');
    await s.check('pop3', 'phone');
    const read = await s.read('pop3', 'phone', 'Welcome to Mailwire');
    await s.read('pop3', 'phone', s.pop3.phone.messages()[1]!.subject);
    const v = s.verdict().pop3;
    expect(v.readStateAgrees.value).toBe(false);
    expect(v.readStateAgrees.ref).not.toBeNull();
    expect(s.line(v.readStateAgrees.ref!)?.text).toMatch(/marked read on the phone only/);
    expect(read.text).toMatch(/POP3 keeps no read state on the server/);
  });

  it('move: POP3 says the server has no folders; IMAP moves on the server and the other device follows', async () => {
    const { s } = scenario();
    await s.check('pop3', 'laptop');
    const pop = await s.move('pop3', 'laptop', 'Welcome to Mailwire', 'Archive');
    expect(pop).toMatchObject({ ok: false, text: expect.stringContaining('POP3 has no folders on the server') });
    await s.check('imap', 'laptop');
    await s.check('imap', 'phone');
    await s.move('imap', 'laptop', 'Welcome to Mailwire', 'Archive');
    expect(s.imap.phone.find('Welcome to Mailwire')).toBeUndefined(); // gone from INBOX by IDLE push
    await s.check('imap', 'phone');
    expect(s.imap.phone.find('Welcome to Mailwire')?.folder).toBe('Archive');
    expect(s.verdict().imap.foldersAgree.value).toBe(true);
  });

  it('delete on the IMAP laptop removes it from the server and from the phone', async () => {
    const { s } = scenario();
    await s.check('imap', 'laptop');
    await s.check('imap', 'phone');
    await s.delete('imap', 'laptop', 'Welcome to Mailwire');
    expect(s.serverStorage().imap.messages).toBe(2);
    expect(s.imap.phone.messages()).toHaveLength(2);
    expect(s.verdict().imap.onServer.ref).toMatch(/^imap-laptop:/);
  });

  it('both at once: POP3 gives the second device [IN-USE]; IMAP serves both and pushes to both', async () => {
    const { s } = scenario();
    const pop = await s.bothAtOnce('pop3');
    expect(pop.laptop.ok).toBe(true);
    expect(pop.phone.ok).toBe(false);
    expect(s.line(pop.ref!)?.text).toMatch(/^-ERR \[IN-USE\]/);
    const imap = await s.bothAtOnce('imap');
    expect(imap.ok).toBe(true);
    for (const d of [s.imap.laptop, s.imap.phone]) expect(d.find('Pushed to both devices')).toBeDefined();
    expect(s.serverStorage().pop3.messages).toBe(0); // the IMAP-only mail did not reach the POP3 column
  });

  it('offline: the IMAP phone reads from its cache; the devices disagree until it syncs', async () => {
    const { s } = scenario();
    await s.check('imap', 'laptop');
    await s.check('imap', 'phone');
    await s.goOffline('imap', 'phone');
    const key = s.imap.phone.messages()[1]!.key;
    await s.read('imap', 'phone', key);
    expect(s.verdict().imap.readStateAgrees.value).toBe(false);
    expect((await s.check('imap', 'phone')).ok).toBe(false);
    s.goOnline('imap', 'phone');
    await s.check('imap', 'phone');
    expect(s.verdict().imap.readStateAgrees.value).toBe(true);
  });

  it('time passes: "remove from server after N days" empties the server only after N days', async () => {
    const { s } = scenario({ pop3: { laptop: { leaveOnServer: true, removeAfterDays: 14 } } });
    await s.check('pop3', 'laptop');
    s.advanceDays(7);
    await s.check('pop3', 'laptop');
    expect(s.serverStorage().pop3.messages).toBe(3);
    s.advanceDays(7);
    await s.check('pop3', 'laptop');
    expect(s.serverStorage().pop3.messages).toBe(0);
    expect(s.verdict().pop3.survivesLosingLaptop.value.lost).toBe(3);
  });

  it('counts bytes per device and keeps the columns apart', async () => {
    const { s } = scenario();
    for (const side of ['pop3', 'imap'] as Side[]) for (const d of ['laptop', 'phone'] as const) await s.check(side, d);
    const v = s.verdict();
    for (const side of ['pop3', 'imap'] as Side[]) {
      expect(v[side].bytes.laptop.value).toBeGreaterThan(1000);
      expect(v[side].user).toBe(SCENARIO.users[side]);
    }
    // The POP3 phone found nothing left: it moved far fewer bytes than the laptop.
    expect(v.pop3.bytes.phone.value).toBeLessThan(v.pop3.bytes.laptop.value / 2);
    const ids = s.transcripts().flatMap((t) => t.lines.map((l) => l.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
