/** "Take over by hand": typed lines reach the device's transcript, and the buttons skip the device. */
import { describe, expect, it } from 'vitest';
import { Dialog } from '../wire/dialog.ts';
import { runAction } from './actions.ts';
import { CompareRuntime } from './runtime.ts';

const T0 = Date.UTC(2026, 10, 26, 9);

function dial(rt: CompareRuntime, side: 'pop3' | 'imap', port: number): Dialog {
  const view = rt.takeOver(side, 'laptop', true);
  if (!view) throw new Error('no hand network');
  const result = view.connect('mail.example.com', port);
  if (!result.ok) throw new Error(result.message);
  return new Dialog(result.connection, 'mail.example.com');
}

describe('take over by hand', () => {
  it('records the typed POP3 lines and replies in the device transcript, from the device address', async () => {
    const rt = new CompareRuntime(() => T0);
    const d = dial(rt, 'pop3', 110);
    await d.settle();
    expect(await d.say('CAPA')).toMatch(/^\+OK/);
    const lines = rt.scenario.pop3.laptop.transcript.lines;
    expect(lines.some((l) => l.direction === 'C' && l.text === 'CAPA   (typed by hand)')).toBe(true);
    expect(lines.filter((l) => l.direction === 'S' && l.text.startsWith('+OK')).length).toBe(2);
    const session = rt.scenario.options.network.sessions.at(-1);
    expect(session?.client.address).toBe('203.0.113.21');
    expect(rt.snapshot().takenOver).toEqual(['pop3-laptop']);
  });

  it('a taken-over device is skipped by the buttons; the other column still acts', async () => {
    const rt = new CompareRuntime(() => T0);
    rt.takeOver('pop3', 'laptop', true);
    const out = await rt.run((s) => runAction(s, 'laptop-check', { days: 1, takenOver: rt.takenOver }));
    expect(out.find((o) => o.side === 'pop3')?.text).toMatch(/taken over by hand/);
    expect(out.find((o) => o.side === 'imap')?.ok).toBe(true);
    expect(rt.scenario.pop3.laptop.messages()).toHaveLength(0);
    rt.takeOver('pop3', 'laptop', false);
    expect(rt.takenOver.size).toBe(0);
    const again = await rt.run((s) => runAction(s, 'laptop-check', { days: 1, takenOver: rt.takenOver }));
    expect(again.find((o) => o.side === 'pop3')?.ok).toBe(true);
  });
});
