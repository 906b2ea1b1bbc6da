/** The wire lab's switches: server, attacker, client. */
import type { ReactNode } from 'react';
import { LAB_PORTS, type Scenario } from './scenario.ts';

interface Props {
  scenario: Scenario;
  onChange: (next: Scenario) => void;
}

function Check({ checked, onChange, children, hint, testId }: { checked: boolean; onChange: (v: boolean) => void; children: ReactNode; hint?: string; testId: string }) {
  return (
    <label>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>
        {children}
        {hint && <small>{hint}</small>}
      </span>
    </label>
  );
}

function Radio<T extends string>({ name, value, current, onChange, children }: { name: string; value: T; current: T; onChange: (v: T) => void; children: ReactNode }) {
  return (
    <label>
      <input type="radio" name={name} value={value} checked={current === value} onChange={() => onChange(value)} />
      <span>{children}</span>
    </label>
  );
}

export default function ScenarioControls({ scenario: s, onChange }: Props) {
  const set = <K extends keyof Scenario>(key: K, value: Scenario[K]): void => onChange({ ...s, [key]: value });
  return (
    <div className="mw-lab__controls">
      <fieldset>
        <legend>Server</legend>
        <label className="mw-lab__select">
          <span>Port</span>
          <select value={s.port} onChange={(e) => set('port', Number(e.target.value))} data-testid="lab-port">
            {LAB_PORTS.map((p) => (
              <option key={p.port} value={p.port}>{p.label}</option>
            ))}
          </select>
        </label>
        <Check checked={s.legacyServer} onChange={(v) => set('legacyServer', v)} testId="lab-legacy"
          hint="Off: the server refuses AUTH, USER and LOGIN until TLS is on (RFC 8314 §4.1), though the client may already have sent the password.">
          Legacy server: accepts passwords before TLS
        </Check>
      </fieldset>
      <fieldset>
        <legend>Attacker on the path</legend>
        <Check checked={s.eavesdrop} onChange={(v) => set('eavesdrop', v)} testId="lab-eavesdrop" hint="Copies every packet and reads passwords sent in plaintext.">
          Passive eavesdropper
        </Check>
        <Check checked={s.strip} onChange={(v) => set('strip', v)} testId="lab-strip" hint="Rewrites STARTTLS/STLS out of the capability reply (RFC 3207 §6).">
          STARTTLS stripping
        </Check>
        <label className="mw-lab__select">
          <span>Certificate the server end presents</span>
          <select value={s.impostor} onChange={(e) => set('impostor', e.target.value as Scenario['impostor'])} data-testid="lab-impostor">
            <option value="none">the server's own</option>
            <option value="untrusted-ca">impostor: signed by Eve Interception CA</option>
            <option value="wrong-name">impostor: trusted CA, another name</option>
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Client</legend>
        <p className="mw-lab__group" id="mw-tls-policy">When STARTTLS is missing or refused</p>
        <div role="radiogroup" aria-labelledby="mw-tls-policy">
          <Radio name="tls-policy" value="opportunistic" current={s.tlsPolicy} onChange={(v) => set('tlsPolicy', v)}>
            Opportunistic: goes on in plaintext
          </Radio>
          <Radio name="tls-policy" value="strict" current={s.tlsPolicy} onChange={(v) => set('tlsPolicy', v)}>
            Strict: requires TLS (RFC 8314 §5.2)
          </Radio>
        </div>
        <p className="mw-lab__group" id="mw-cert-policy">When the certificate cannot be verified</p>
        <div role="radiogroup" aria-labelledby="mw-cert-policy">
          <Radio name="cert-policy" value="strict" current={s.certificatePolicy} onChange={(v) => set('certificatePolicy', v)}>
            Refuses a bad certificate
          </Radio>
          <Radio name="cert-policy" value="warn" current={s.certificatePolicy} onChange={(v) => set('certificatePolicy', v)}>
            Warns and goes on
          </Radio>
        </div>
      </fieldset>
    </div>
  );
}
