/**
 * The world's controls: reset in one click, export and import as JSON, the replay link, and each
 * host's server settings (plaintext auth, advertised extensions) as an admin would set them.
 */
import { useState, type ChangeEvent } from 'react';
import { useStore } from 'zustand';
import type { HostConfig } from '../../../simulator/world/host.ts';
import { worldFromJson, worldToJson } from '../../../simulator/world/serialize.ts';
import { appStore } from '../../store/app-store.ts';
import { replaceWorld, resetWorld, type PageWorld } from '../../world/page-network.ts';
import { MAX_REPLAY_LINES, scriptFromLog } from '../../world/replay.ts';
import { replayLink } from '../../world/replay-world.ts';
import { downloadBlob } from './download.ts';
import { typedLog } from './terminal-handles.ts';

/** Extensions a learner can switch off, by protocol, with what a client must do without them. */
const EXTENSIONS: Array<{ name: string; what: string }> = [
  { name: 'STARTTLS', what: 'SMTP/IMAP STARTTLS (RFC 3207, RFC 9051 §6.2.1)' },
  { name: 'STLS', what: 'POP3 STLS (RFC 2595)' },
  { name: 'PIPELINING', what: 'SMTP/POP3 pipelining (RFC 2920, RFC 2449)' },
  { name: 'CHUNKING', what: 'SMTP BDAT (RFC 3030)' },
  { name: 'SMTPUTF8', what: 'UTF-8 addresses (RFC 6531)' },
  { name: '8BITMIME', what: '8-bit message bodies (RFC 6152)' },
  { name: 'SIZE', what: 'SMTP message size declaration (RFC 1870)' },
  { name: 'IDLE', what: 'IMAP IDLE push (RFC 2177)' },
  { name: 'MOVE', what: 'IMAP MOVE (RFC 6851)' },
  { name: 'UIDPLUS', what: 'IMAP UIDPLUS (RFC 4315)' },
];

function HostSettingsForm({ host, world, onChange }: { host: HostConfig; world: PageWorld; onChange: () => void }) {
  const update = (change: () => void): void => {
    change();
    world.save();
    onChange();
  };
  const toggle = (name: string, on: boolean): void =>
    update(() => {
      const rest = host.settings.disabled.filter((d) => d !== name);
      host.settings.disabled = on ? rest : [...rest, name];
    });
  return (
    <fieldset className="lab-host">
      <legend>{host.name}</legend>
      <label className="lab-toggle">
        <input type="checkbox" checked={host.settings.plaintextAuth} onChange={(e) => update(() => (host.settings.plaintextAuth = e.target.checked))} />
        Allow logins without TLS (plaintext auth; RFC 8314 §4 says no)
      </label>
      <label className="lab-toggle">
        <input type="checkbox" checked={host.settings.starttlsRequired ?? false} onChange={(e) => update(() => (host.settings.starttlsRequired = e.target.checked))} />
        Require STARTTLS before MAIL on every SMTP port (RFC 3207 §4: an MX that does this loses mail from servers without TLS)
      </label>
      <p className="lab-note">Advertised extensions (untick to switch one off; new connections see the change):</p>
      <ul className="lab-ext">
        {EXTENSIONS.map((x) => (
          <li key={x.name}>
            <label className="lab-toggle" title={x.what}>
              <input type="checkbox" checked={!host.settings.disabled.includes(x.name)} onChange={(e) => toggle(x.name, e.target.checked)} />
              <code>{x.name}</code>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export default function WorldPanel({ world }: { world: PageWorld }) {
  const tabs = useStore(appStore, (s) => s.lab.tabs);
  const [, setTick] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const onImport = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    const result = worldFromJson(text);
    if (!result.ok) setMessage(`That file is not a world this lab can read: ${result.error}`);
    else {
      const saved = await replaceWorld(result.value);
      if (!saved.ok) setMessage(`The world could not be saved (${saved.error}); the lab keeps the one it had.`);
    }
  };
  const share = async (): Promise<void> => {
    // Terminals are numbered by tab order; a closed tab's lines go with it.
    const log = typedLog().filter((e) => tabs.includes(e.terminalId)).map((e) => ({ terminal: tabs.indexOf(e.terminalId), line: e.line, at: e.at }));
    const script = scriptFromLog(log);
    // The seed and the times let the other browser's timeline step through the same session.
    const timed = { ...script, seed: world.origins.seed, startedAt: world.origins.startedAt, times: log.slice(-MAX_REPLAY_LINES).map((e) => e.at) };
    const made = await replayLink(timed, world.origins.startWorld, world.origins.startedAt);
    if (!made.ok) {
      setLink(null);
      setMessage(`The world this session started from is too large to put in a link (${Math.ceil(made.chars / 1024)} KiB), so there is no link: use Export JSON instead.`);
      return;
    }
    const url = `${location.origin}${location.pathname}${made.hash}`;
    setLink(url);
    void navigator.clipboard?.writeText(url).catch(() => {});
  };
  return (
    <div className="lab-world">
      <div className="lab-row">
        <button type="button" onClick={() => void resetWorld()} data-testid="reset-world">Reset the world</button>
        <button type="button" onClick={() => downloadBlob('mailwire-world.json', worldToJson(world.network.world), 'application/json')}>Export JSON</button>
        <label className="lab-file">
          Import JSON <input type="file" accept="application/json,.json" onChange={(e) => void onImport(e)} />
        </label>
        <button type="button" onClick={() => void share()}>Share a replay link</button>
      </div>
      {!world.persistent && world.origin === 'replay' && <p className="lab-note">This replay runs on the world the link carries (a fresh default world if none) and is not saved; your own lab is untouched.</p>}
      {message && <p role="alert">{message}</p>}
      {link && (
        <p>
          <label>
            Replay link (copied):{' '}
            <input className="lab-link-field" readOnly value={link} onFocus={(e) => e.target.select()} data-testid="replay-link" />
          </label>
        </p>
      )}
      <h4>Server settings</h4>
      {world.network.world.hosts.map((h) => (
        <HostSettingsForm key={h.name} host={h} world={world} onChange={() => setTick((n) => n + 1)} />
      ))}
    </div>
  );
}
