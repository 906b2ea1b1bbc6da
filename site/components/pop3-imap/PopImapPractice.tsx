/**
 * "POP3 or IMAP?" practice: the /compare/ page's scenario in a few buttons. A laptop and a phone
 * read one mailbox over POP3, another pair over IMAP, each a real protocol client on the virtual
 * network (loaded on the first press). After every action the page's exercises are checked
 * against the scenario's state, and solved ones are remembered like the terminal exercises.
 */
import { useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../../simulator/scenarios/compare-scenario.ts';
import { practiceExercises as exercises } from '../../exercises/pages/pop3-vs-imap.ts';
import { loadProgress, markDone } from '../../exercises/progress.ts';
import { pageStorage } from '../../browser/page-storage.ts';
import type { DeviceName, PracticeStep, Side } from './steps.ts';
import '../mdx/mdx.css';
import './practice.css';
import ExerciseCards from '../setup/ExerciseCards.tsx';

const SIDES: Side[] = ['pop3', 'imap'];
const DEVICES: DeviceName[] = ['laptop', 'phone'];

interface DeviceState {
  messages: number;
  unread: number;
}

interface SideState {
  server: number;
  devices: Record<DeviceName, DeviceState>;
  readAgrees: string;
  lostWithLaptop: number;
}

function sideState(s: Scenario, side: Side): SideState {
  const v = s.verdict()[side];
  const device = (d: DeviceName): DeviceState => {
    const all = s[side][d].messages();
    return { messages: all.length, unread: all.filter((m) => !m.flags.has('\\Seen')).length };
  };
  return { server: v.onServer.value, devices: { laptop: device('laptop'), phone: device('phone') }, readAgrees: v.readStateAgrees.text, lostWithLaptop: v.survivesLosingLaptop.value.lost };
}

/** Labels without the engines: the same words as steps.ts's stepText, which loads with them. */
function label(step: PracticeStep): string {
  if (step.do === 'check') return `${step.device}: check mail`;
  if (step.do === 'read') return `${step.device}: read a message`;
  if (step.do === 'both') return 'both devices at once';
  return 'Carol sends a new message';
}

export default function PopImapPractice() {
  const scenario = useRef<Scenario | null>(null);
  const [state, setState] = useState<Record<Side, SideState> | null>(null);
  const [last, setLast] = useState<{ ok: boolean; text: string } | null>(null);
  // Disabled until hydrated, so a press is never lost before the island runs.
  const [busy, setBusy] = useState(true);
  const [solved, setSolved] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const done = loadProgress(pageStorage()).done;
    setSolved(new Set(exercises.filter((e) => e.id in done).map((e) => e.id)));
    setBusy(false);
  }, []);

  async function act(step: PracticeStep | 'reset'): Promise<void> {
    setBusy(true);
    try {
      const { practiceScenario, runStep, stepText } = await import('./steps.ts');
      if (step === 'reset' || !scenario.current) scenario.current = practiceScenario();
      const s = scenario.current;
      if (step === 'reset') {
        setLast({ ok: true, text: 'Started again: both sides have the same three messages on the server, and empty devices.' });
      } else {
        const result = await runStep(s, step);
        setLast({ ok: result.ok, text: `${stepText(step)}: ${result.text}` });
      }
      setState({ pop3: sideState(s, 'pop3'), imap: sideState(s, 'imap') });
      const now = exercises.filter((e) => !solved.has(e.id) && e.check(s).ok).map((e) => e.id);
      for (const id of now) markDone(pageStorage(), id, new Date());
      if (now.length) {
        window.dispatchEvent(new Event('mailwire:progress'));
        setSolved((old) => new Set([...old, ...now]));
        setLast((l) => l && { ...l, text: `${l.text.replace(/\.?$/, '.')} Solved: ${now.map((id) => exercises.find((e) => e.id === id)?.title).join('; ')}.` });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mw-practice">
      <div className="mw-practice__sides">
        {SIDES.map((side) => {
          const st = state?.[side];
          const steps: PracticeStep[] = [
            ...DEVICES.map((device): PracticeStep => ({ do: 'check', side, device })),
            ...DEVICES.map((device): PracticeStep => ({ do: 'read', side, device })),
            { do: 'both', side },
          ];
          return (
            <section key={side} className="mw-practice__side" aria-label={side.toUpperCase()} data-side={side}>
              <h3>{side === 'pop3' ? 'POP3 (port 110)' : 'IMAP (port 143)'}</h3>
              <div className="mw-practice__buttons">
                {steps.map((step) => (
                  <button key={label(step)} type="button" className="mw-button mw-button--quiet" disabled={busy} onClick={() => void act(step)}>
                    {label(step)}
                  </button>
                ))}
              </div>
              <dl className="mw-practice__facts">
                <dt>Server</dt>
                <dd>{st ? `${st.server} messages` : '3 messages'}</dd>
                {DEVICES.map((d) => (
                  <div key={d}>
                    <dt>{d}</dt>
                    <dd>{st ? `${st.devices[d].messages} messages, ${st.devices[d].unread} unread` : 'nothing yet'}</dd>
                  </div>
                ))}
                <dt>Read state</dt>
                <dd>{st?.readAgrees ?? '—'}</dd>
                <dt>Lost with the laptop</dt>
                <dd>{st ? `${st.lostWithLaptop} messages` : '—'}</dd>
              </dl>
            </section>
          );
        })}
      </div>
      <div className="mw-practice__actions">
        <button type="button" className="mw-button" disabled={busy} onClick={() => void act({ do: 'new-mail' })}>
          Carol sends a new message
        </button>
        <button type="button" className="mw-button mw-button--quiet" disabled={busy} onClick={() => void act('reset')}>
          Start again
        </button>
      </div>
      <p role="status" aria-live="polite" className="mw-practice__last" data-ok={last ? String(last.ok) : undefined}>
        {busy && last ? 'Working…' : (last?.text ?? 'Press a button: each one runs the real protocol between a device and the server.')}
      </p>
      <ExerciseCards
        exercises={exercises}
        solved={solved}
        label="Exercises for this practice"
        solution={(e) => (
          <ol>
            {e.solution.map((step, i) => (
              <li key={i}>
                {'side' in step ? `${step.side.toUpperCase()} ` : ''}
                {label(step)}
              </li>
            ))}
          </ol>
        )}
      />
    </div>
  );
}
