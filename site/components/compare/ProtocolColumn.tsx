/** One column: POP3 or IMAP, laptop above the server mailbox, phone below. */
import type { Pop3Settings } from '../../../simulator/clients/pop3-types.ts';
import type { DeviceName, Side } from '../../../simulator/scenarios/compare-scenario.ts';
import type { CompareSnapshot } from './runtime.ts';
import { NO_CHANGE, type Changes } from './changes.ts';
import { DeviceCard } from './DeviceCard.tsx';
import { ServerCard } from './ServerCard.tsx';
import type { VirtualNetwork } from '../../../simulator/net/virtual-network.ts';

const ABOUT: Record<Side, { title: string; text: string }> = {
  pop3: { title: 'POP3', text: 'Port 110 (STLS). Download, then usually delete: the device keeps the mail.' },
  imap: { title: 'IMAP', text: 'Port 143 (STARTTLS). The server keeps the mail; devices keep copies in sync.' },
};

interface Props {
  side: Side;
  snap: CompareSnapshot;
  /** What the last step or button changed (null: nothing to mark). */
  changes: Changes | null;
  /** Counts steps, so a card changed twice in a row flashes again. */
  stamp: number;
  onSettings: (name: DeviceName, patch: Partial<Pop3Settings>) => void;
  hand: (side: Side, name: DeviceName) => VirtualNetwork | null;
  onTakeOver: (side: Side, name: DeviceName, on: boolean) => void;
}

export function ProtocolColumn({ side, snap, changes, stamp, onSettings, hand, onTakeOver }: Props) {
  const about = ABOUT[side];
  const device = (name: DeviceName) => {
    const d = snap.devices[side][name];
    return <DeviceCard device={d} stamp={stamp} change={changes?.devices[side][name] ?? NO_CHANGE} lines={snap.transcripts[d.transcript] ?? []} busy={snap.busy} onSettings={(patch) => onSettings(name, patch)} hand={hand(side, name)} onTakeOver={(on) => onTakeOver(side, name, on)} />;
  };
  return (
    <section className="mw-cmp-column" data-side={side} aria-labelledby={`h-${side}`}>
      <header className="mw-cmp-column-head">
        <h2 id={`h-${side}`}>{about.title}</h2>
        <p>{about.text}</p>
      </header>
      {device('laptop')}
      <ServerCard side={side} stamp={stamp} server={snap.server[side]} change={changes?.server[side] ?? NO_CHANGE} />
      {device('phone')}
    </section>
  );
}
