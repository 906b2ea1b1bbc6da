/**
 * The lab once its code has loaded: the terminal tabs (and split) on the page's world, and the
 * panels that show why each reply came back: state, wire, mailboxes, delivery, world settings.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { appStore } from '../../store/app-store.ts';
import { closeTab, MAX_TABS, openTab, showTab, toggleSplit } from '../../store/lab-actions.ts';
import { pageWorld, reloadWithoutHash } from '../../world/page-network.ts';
import Guard from './Guard.tsx';
import ConnectPicker from './ConnectPicker.tsx';
import DeliveryView from './DeliveryView.tsx';
import LabTerminal from './LabTerminal.tsx';
import MailboxInspector from './MailboxInspector.tsx';
import MissionPanel from './MissionPanel.tsx';
import RecoveryNotice from './RecoveryNotice.tsx';
import { runReplay } from './replay-runner.ts';
import StatePanel from './StatePanel.tsx';
import WirePanel from './WirePanel.tsx';
import WorldPanel from './WorldPanel.tsx';
import WireView from '../wire/WireView.tsx';

function tabLabel(id: string): string {
  const n = /-(\d+)$/.exec(id)?.[1];
  return `Terminal ${n ?? '1'}`;
}

function Panel({ id, title, children, open = true }: { id: string; title: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="lab-panel" open={open} data-panel={id}>
      <summary><h3 id={`lab-${id}`}>{title}</h3></summary>
      <section aria-labelledby={`lab-${id}`}>
        <Guard message={`The ${title.toLowerCase()} panel failed. The terminals still work; reload to try again.`}>{children}</Guard>
      </section>
    </details>
  );
}

/** The wire view (issue #7) of the terminal last used: what an on-path observer would capture. */
function FocusedWire({ world }: { world: ReturnType<typeof pageWorld> }) {
  const sessionId = useStore(appStore, (s) => s.lab.networkSessions[s.lab.focus] ?? null);
  return <WireView network={world.network} sessionId={sessionId} heading="Packets of this session" headingLevel={4} />;
}

function Tabs() {
  const { tabs, active, split } = useStore(appStore, (s) => s.lab);
  return (
    <div className="lab-tabs">
      <div role="tablist" aria-label="Terminals" className="lab-tabs__list">
        {tabs.map((id) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={id === active || id === split} aria-controls={`panel-${id}`} onClick={() => showTab(appStore, id)}>
            {tabLabel(id)}
          </button>
        ))}
      </div>
      <button type="button" onClick={() => openTab(appStore)} disabled={tabs.length >= MAX_TABS}>New terminal</button>
      <button type="button" onClick={() => toggleSplit(appStore)} aria-pressed={split !== null}>Side by side</button>
      {tabs.length > 1 && (
        <button type="button" onClick={() => closeTab(appStore, active)}>
          Close {tabLabel(active)}
        </button>
      )}
    </div>
  );
}

function Terminals() {
  const { tabs, active, split } = useStore(appStore, (s) => s.lab);
  return (
    <div className={`lab-terminals${split ? ' is-split' : ''}`}>
      {tabs.map((id) => {
        const visible = id === active || id === split;
        return (
          <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={!visible} className="lab-terminals__pane" style={{ order: id === active ? 0 : 1 }}>
            <LabTerminal terminalId={id} label={`Protocol terminal: ${tabLabel(id)}`} />
          </div>
        );
      })}
    </div>
  );
}

function ReplayBanner() {
  const world = pageWorld();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const script = world.replay;
  useEffect(() => {
    if (!script) return;
    void runReplay(world, script, (done, total) => setProgress({ done, total }));
  }, [script, world]);
  if (!script) return null;
  const total = script.terminals.reduce((n, t) => n + t.length, 0);
  const finished = progress?.done === total;
  return (
    <div className="lab-banner" role="status" data-testid="replay-status" data-done={finished ? 'true' : 'false'}>
      {finished ? `Replay finished: ${total} lines rerun on a fresh default world.` : `Replaying a shared session: ${progress?.done ?? 0} of ${total} lines…`}{' '}
      Your own saved lab is untouched. <button type="button" onClick={() => reloadWithoutHash()}>Back to my lab</button>
    </div>
  );
}

export default function Workspace() {
  const world = pageWorld();
  return (
    <div className="lab-workspace" data-world={world.origin}>
      <RecoveryNotice world={world} />
      <ReplayBanner />
      <MissionPanel world={world} />
      <Tabs />
      <ConnectPicker world={world} />
      <Terminals />
      <div className="lab-panels">
        <Panel id="state" title="Server state"><StatePanel world={world} /></Panel>
        <Panel id="wire" title="The lines, explained"><WirePanel world={world} /></Panel>
        <Panel id="mailboxes" title="Mailboxes"><MailboxInspector world={world} /></Panel>
        <Panel id="delivery" title="Delivery"><DeliveryView world={world} /></Panel>
        <Panel id="observer" title="What an eavesdropper sees" open={false}><FocusedWire world={world} /></Panel>
        <Panel id="world" title="World and server settings" open={false}><WorldPanel world={world} /></Panel>
      </div>
    </div>
  );
}
