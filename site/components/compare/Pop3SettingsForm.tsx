/** The POP3 account settings every client has (Thunderbird, Outlook, Apple Mail), per device. */
import { useId } from 'react';
import type { Pop3Settings } from '../../../simulator/clients/pop3-types.ts';

interface Props {
  device: string;
  settings: Pop3Settings;
  onChange: (patch: Partial<Pop3Settings>) => void;
  disabled: boolean;
}

export function Pop3SettingsForm({ device, settings, onChange, disabled }: Props) {
  const id = useId();
  const keep = settings.leaveOnServer;
  const days = settings.removeAfterDays;
  return (
    <fieldset className="mw-cmp-settings" disabled={disabled}>
      <legend>{device}’s POP3 settings</legend>
      <label>
        <input type="checkbox" checked={keep} onChange={(e) => onChange({ leaveOnServer: e.target.checked })} /> Leave a copy of
        messages on the server
      </label>
      <div className="mw-cmp-setting-row">
        <label>
          <input type="checkbox" checked={days !== null} disabled={!keep} onChange={(e) => onChange({ removeAfterDays: e.target.checked ? 7 : null })} />{' '}
          Remove from server after
        </label>{' '}
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={365}
          value={days ?? 7}
          disabled={!keep || days === null}
          aria-label={`${device}: remove from server after how many days`}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (Number.isFinite(n) && n >= 1) onChange({ removeAfterDays: Math.min(n, 365) });
          }}
        />{' '}
        <span>days</span>
      </div>
      <label>
        <input type="checkbox" checked={settings.removeWhenDeleted} disabled={!keep} onChange={(e) => onChange({ removeWhenDeleted: e.target.checked })} />{' '}
        Remove from server when I delete it here
      </label>
    </fieldset>
  );
}
