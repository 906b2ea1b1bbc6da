/**
 * The ports explorer's "Live" switch: a live host (and, for servers not on the standard numbers,
 * a port) that each row's Open connects to through the bridge relay.
 */
import type { RefObject } from 'react';
import type { LiveSettings } from './live-target.ts';

export function LiveSwitch({ settings, onChange, hostRef }: { settings: LiveSettings; onChange: (s: LiveSettings) => void; hostRef: RefObject<HTMLInputElement | null> }) {
  return (
    <div role="group" aria-label="Live servers" className="mw-ports__live" data-testid="live-switch">
      <label className="mw-ports__switch">
        <input type="checkbox" role="switch" checked={settings.on} onChange={(e) => onChange({ ...settings, on: e.target.checked })} />
        Live
      </label>
      <label>
        Host{' '}
        <input
          ref={hostRef}
          value={settings.host}
          onChange={(e) => onChange({ ...settings, host: e.target.value })}
          disabled={!settings.on}
          placeholder="mail.example.net"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          size={18}
        />
      </label>
      <label>
        Port{' '}
        <input
          value={settings.port}
          onChange={(e) => onChange({ ...settings, port: e.target.value })}
          disabled={!settings.on}
          placeholder="the row's"
          inputMode="numeric"
          size={8}
        />
      </label>
      <small className="mw-ports__live-note">
        Open goes through the bridge relay to the live host; Try all stays on the virtual servers.
      </small>
    </div>
  );
}
