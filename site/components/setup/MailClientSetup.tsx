/**
 * The account dialog of a mail program, for "Setting up a mail client": the learner fills in
 * server, port, security, user name and password, presses "Test account", and a virtual mail
 * program (./mail-client.ts, loaded on the first press) connects through the virtual network
 * with the real engines. The transcript shows every line; the page's setup exercises are checked
 * against what that test did, and solved ones are remembered like the terminal exercises.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { setupExercises as exercises } from '../../exercises/pages/mail-client-setup.ts';
import { loadProgress, markDone } from '../../exercises/progress.ts';
import { pageStorage } from '../../browser/page-storage.ts';
import type { AccountProtocol, AccountSettings, Security } from './account-settings.ts';
import type { AccountTest } from './mail-client.ts';
import '../mdx/mdx.css';
import './setup.css';
import ExerciseCards from './ExerciseCards.tsx';

const PROTOCOLS: Array<{ value: AccountProtocol; label: string; port: number }> = [
  { value: 'smtp', label: 'Outgoing (SMTP)', port: 587 },
  { value: 'imap', label: 'Incoming (IMAP)', port: 143 },
  { value: 'pop3', label: 'Incoming (POP3)', port: 110 },
];

const SECURITY: Array<{ value: Security; label: string }> = [
  { value: 'none', label: 'None' },
  { value: 'starttls', label: 'STARTTLS' },
  { value: 'tls', label: 'SSL/TLS' },
];

const START: AccountSettings = { protocol: 'smtp', server: 'mail.example.com', port: 587, security: 'none', user: 'alice@example.com', password: 'wonderland' };

const SECURITY_TEXT: Record<Security, string> = { none: 'None', starttls: 'STARTTLS', tls: 'SSL/TLS' };

/** The exercises are the page's data module's, imported here: functions cannot cross the island's props. */
export default function MailClientSetup() {
  const id = useId();
  const [settings, setSettings] = useState<AccountSettings>(START);
  const [portText, setPortText] = useState(String(START.port));
  const [test, setTest] = useState<AccountTest | null>(null);
  // Disabled until hydrated: a click (or Enter, the form's implicit submission) before then would reload the page.
  const [busy, setBusy] = useState(true);
  const [solved, setSolved] = useState<ReadonlySet<string>>(new Set());
  const [fresh, setFresh] = useState<readonly string[]>([]);
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const done = loadProgress(pageStorage()).done;
    setSolved(new Set(exercises.filter((e) => e.id in done).map((e) => e.id)));
    setBusy(false);
  }, []);

  const set = (patch: Partial<AccountSettings>): void => setSettings((s) => ({ ...s, ...patch }));

  async function run(): Promise<void> {
    setBusy(true);
    try {
      const { testAccount } = await import('./mail-client.ts');
      const port = /^\d{1,5}$/.test(portText.trim()) ? Number(portText.trim()) : NaN;
      const t = await testAccount({ ...settings, port: Number.isNaN(port) ? -1 : port });
      setTest(t);
      const now = exercises.filter((e) => e.check(t.run).ok).map((e) => e.id);
      for (const e of now) markDone(pageStorage(), e, new Date());
      if (now.length) window.dispatchEvent(new Event('mailwire:progress'));
      setFresh(now);
      setSolved((old) => new Set([...old, ...now]));
      requestAnimationFrame(() => result.current?.scrollIntoView({ block: 'nearest' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mw-setup">
      <form
        className="mw-setup__form"
        aria-label="Mail account settings"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label htmlFor={`${id}-protocol`}>Account</label>
        <select
          id={`${id}-protocol`}
          value={settings.protocol}
          onChange={(e) => {
            const p = PROTOCOLS.find((x) => x.value === e.target.value) ?? PROTOCOLS[0]!;
            set({ protocol: p.value });
          }}
        >
          {PROTOCOLS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-server`}>Server</label>
        <input id={`${id}-server`} value={settings.server} spellCheck={false} autoCapitalize="off" onChange={(e) => set({ server: e.target.value.trim() })} />
        <label htmlFor={`${id}-port`}>Port</label>
        <input id={`${id}-port`} inputMode="numeric" value={portText} onChange={(e) => setPortText(e.target.value)} />
        <label htmlFor={`${id}-security`}>Connection security</label>
        <select id={`${id}-security`} value={settings.security} onChange={(e) => set({ security: e.target.value as Security })}>
          {SECURITY.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-user`}>User name</label>
        <input id={`${id}-user`} value={settings.user} spellCheck={false} autoCapitalize="off" onChange={(e) => set({ user: e.target.value.trim() })} />
        <label htmlFor={`${id}-password`}>Password</label>
        <input id={`${id}-password`} type="text" value={settings.password} spellCheck={false} autoCapitalize="off" onChange={(e) => set({ password: e.target.value })} />
        <div className="mw-setup__actions">
          <button type="submit" className="mw-button" disabled={busy}>
            {test === null && busy ? 'Test account' : busy ? 'Testing…' : 'Test account'}
          </button>
        </div>
      </form>

      <div className="mw-setup__result" ref={result} data-testid="setup-result">
        <p role="status" aria-live="polite" className="mw-setup__outcome" data-ok={test ? String(test.outcome.ok) : undefined}>
          {test
            ? `${test.outcome.ok ? 'Works' : `Failed at ${test.outcome.stage}`}: ${test.outcome.text}.${fresh.length ? ` Solved: ${fresh.map((f) => exercises.find((e) => e.id === f)?.title).join('; ')}.` : ''}`
            : 'Fill in the settings and press "Test account": the program connects through the virtual network and shows every line here.'}
        </p>
        {test && (
          <pre className="mw-setup__transcript" tabIndex={0} aria-label="What the mail program and the server said">
            {test.run.sessions.flatMap((s) => [
              `-- ${s.host} port ${s.port}${test.settings.security === 'tls' ? ' (TLS from the first byte)' : ''}`,
              ...s.lines.map((l) => `${l.from}: ${l.text}`),
              ...s.errors.map((e) => `-- ${e}`),
            ]).join('\n') || `-- ${test.outcome.text}`}
          </pre>
        )}
      </div>

      <ExerciseCards
        exercises={exercises}
        solved={solved}
        label="Exercises for this account dialog"
        solution={(e) => (
          <p>
            {PROTOCOLS.find((p) => p.value === e.solution.protocol)?.label}: server <code>{e.solution.server}</code>, port <code>{e.solution.port}</code>, security{' '}
            <code>{SECURITY_TEXT[e.solution.security]}</code>, user <code>{e.solution.user}</code>.
          </p>
        )}
      />
    </div>
  );
}
