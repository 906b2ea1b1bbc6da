/** A laptop or a phone: its connection state, what it holds, its settings and its transcript. */
import type { Pop3Settings } from '../../../simulator/clients/pop3-types.ts';
import type { TranscriptLine } from '../../../simulator/clients/transcript.ts';
import { MessageList } from './MessageList.tsx';
import { Pop3SettingsForm } from './Pop3SettingsForm.tsx';
import { TakeOver } from './TakeOver.tsx';
import { TranscriptPane } from './TranscriptPane.tsx';
import type { VirtualNetwork } from '../../../simulator/net/virtual-network.ts';
import type { DeviceName } from '../../../simulator/scenarios/compare-scenario.ts';
import type { DeviceSnapshot } from './views.ts';
import { changed, type Change } from './changes.ts';
import { ChangeMark } from './ChangeMark.tsx';

interface Props {
  device: DeviceSnapshot;
  /** What the last step or button changed here. */
  change: Change;
  stamp: number;
  lines: readonly TranscriptLine[];
  busy: boolean;
  onSettings: (patch: Partial<Pop3Settings>) => void;
  /** The network view while taken over by hand, or null. */
  hand: VirtualNetwork | null;
  onTakeOver: (on: boolean) => void;
}

function title(device: DeviceSnapshot): string {
  return `${device.side.toUpperCase()} ${device.name}`;
}

function Status({ device }: { device: DeviceSnapshot }) {
  return (
    <p className="mw-cmp-status">
      <span className="mw-cmp-badge" data-tone={device.online ? 'ok' : 'off'}>
        {device.online ? 'online' : 'offline'}
      </span>
      {device.connected && (
        <span className="mw-cmp-badge" data-tone="info">
          {device.idling ? 'connected, IDLE' : 'connected'}
        </span>
      )}
      {device.pending > 0 && (
        <span className="mw-cmp-badge" data-tone="warn">
          {device.pending} change{device.pending === 1 ? '' : 's'} queued
        </span>
      )}
    </p>
  );
}

export function DeviceCard({ device, change, stamp, lines, busy, onSettings, hand, onTakeOver }: Props) {
  const name = device.name[0]!.toUpperCase() + device.name.slice(1);
  const headingId = `h-${device.side}-${device.name}`;
  return (
    <article className="mw-cmp-card mw-cmp-device" aria-labelledby={headingId} data-device={`${device.side}-${device.name}`} data-messages={device.messages} data-changed={changed(change)}>
      <h3 id={headingId}>
        {name}
        <span className="sr-only"> ({device.side.toUpperCase()})</span>
      </h3>
      <ChangeMark change={change} stamp={stamp} />
      <Status device={device} />
      {hand && <p className="mw-cmp-badge" data-tone="warn">taken over by hand: the buttons skip this device</p>}
      <p className="mw-cmp-meta">
        {device.messages} message{device.messages === 1 ? '' : 's'} here · {device.received} octets in, {device.sent} out
      </p>
      <MessageList folders={device.folders} showRead={true} empty="No mail on this device." changed={change} />
      {device.pop3 && <Pop3SettingsForm device={name} settings={device.pop3} disabled={busy} onChange={onSettings} />}
      <TranscriptPane name={device.transcript} title={`${title(device)} transcript`} lines={lines} />
      <TakeOver side={device.side} name={device.name as DeviceName} network={hand} onToggle={onTakeOver} />
    </article>
  );
}
