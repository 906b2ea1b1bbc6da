/**
 * The lab once its code has loaded: the terminal tabs (and split) on the page's world, and the
 * panels that show why each reply came back: state, wire, mailboxes, delivery, world settings.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { appStore } from '../../store/app-store.ts';
import { closeTab, MAX_TABS, openTab, showTab, toggleSplit } from '../../store/lab-actions.ts';
import { pageWorld, reloadWithoutHash } from '../../world/page-network.ts';
import ConnectPicker from './ConnectPicker.tsx';
import DeliveryView from './DeliveryView.tsx';
import LabTerminal from './LabTerminal.tsx';
import { useFocusedSessionId, useMediaQuery, useTrackerVersion, WIDE_LAYOUT } from './hooks.ts';
import MailboxInspector from './MailboxInspector.tsx';
import MissionPanel from './MissionPanel.tsx';
import PanelDock, { type LabPanel } from './PanelDock.tsx';
import RecoveryNotice from './RecoveryNotice.tsx';
import { runReplay } from './replay-runner.ts';
import RuleCallout from './RuleCallout.tsx';
import StatePanel from './StatePanel.tsx';
import WirePanel from './WirePanel.tsx';
import WorldPanel from './WorldPanel.tsx';
import WireView from '../wire/WireView.tsx';
import ForkTerminals, { forkTerminalId } from './ForkTerminals.tsx';
import { ViewSessionsContext, type ViewSessions } from './hooks.ts';
import Timeline from './Timeline.tsx';
import { showStep, terminalIndex, timelineStore } from './timeline-state.ts';
import type { ReplayedWorld } from './timeline-replay.ts';

function tabLabel(id: string): string {
  const n = /-(\d+)$/.exec(id)?.[1];
  return `Terminal ${n ?? '1'}`;
}

/** The wire view (issue #7) of the terminal last used: what an on-path observer would capture. */
function FocusedWire({ world }: { world: ReturnType<typeof pageWorld> }) {
  useTrackerVersion(world);
  const sessionId = useFocusedSessionId();
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

/** `callout`: shown in the active terminal, under its screen (a narrow screen's refusal rule, issue 13). */
function Terminals({ callout }: { callout?: ReactNode }) {
  const { tabs, active, split } = useStore(appStore, (s) => s.lab);
  return (
    <div className={`lab-terminals${split ? ' is-split' : ''}`}>
      {tabs.map((id) => {
        const visible = id === active || id === split;
        return (
          <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={!visible} className="lab-terminals__pane" style={{ order: id === active ? 0 : 1 }}>
            <LabTerminal terminalId={id} label={`Protocol terminal: ${tabLabel(id)}`} underScreen={id === active ? callout : undefined} />
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
  if (world.replayProblem) {
    return (
      <div className="lab-banner" role="alert" data-testid="replay-refused">
        {world.replayProblem} This is your own lab.
      </div>
    );
  }
  if (!script) return null;
  const total = script.terminals.reduce((n, t) => n + t.length, 0);
  const finished = progress?.done === total;
  const on = script.world ? 'the world the link carries' : 'a fresh default world';
  return (
    <div className="lab-banner" role="status" data-testid="replay-status" data-done={finished ? 'true' : 'false'}>
      {finished ? `Replay finished: ${total} lines rerun on ${on}.` : `Replaying a shared session: ${progress?.done ?? 0} of ${total} lines…`}{' '}
      Your own saved lab is untouched. <button type="button" onClick={() => reloadWithoutHash()}>Back to my lab</button>
    </div>
  );
}

/** The page's world with another world's network in it: what the panels show at a step or in a fork. */
function viewOf(world: ReturnType<typeof pageWorld>, shown: ReplayedWorld): ReturnType<typeof pageWorld> {
  return { ...world, network: shown.network, tracker: shown.tracker, persistent: false, save: () => {} };
}

/** Which session each terminal was on in the world shown: by first use at a step, by index in a fork (and at a fork's step). */
function viewSessions(world: ReturnType<typeof pageWorld>, shown: ReplayedWorld, fork: boolean): ViewSessions {
  const index = terminalIndex(world);
  return {
    sessions: shown.networkSessions,
    index: fork ? (id) => Array.from({ length: shown.terminals.length }, (_, i) => forkTerminalId(i)).indexOf(id) : index,
  };
}

/** The panels, in order: the first is the one shown first on a narrow screen. Add a panel here. */
function labPanels(world: ReturnType<typeof pageWorld>, live = world): LabPanel[] {
  return [
    { id: 'wire', title: 'The lines, explained', short: 'Lines', content: <WirePanel world={world} /> },
    { id: 'state', title: 'Server state', short: 'State', content: <StatePanel world={world} /> },
    { id: 'mailboxes', title: 'Mailboxes', content: <MailboxInspector world={world} /> },
    { id: 'delivery', title: 'Delivery', content: <DeliveryView world={world} /> },
    { id: 'observer', title: 'What an eavesdropper sees', short: 'Eavesdropper', content: <FocusedWire world={world} />, open: false },
    { id: 'world', title: 'World and server settings', short: 'World', content: <WorldPanel world={live} />, open: false },
  ];
}

/**
 * On a wide screen: the terminals on the left, and on the right a sticky column with the rule
 * callout and the panels. On a narrow one: the callout and the panel tabs right under the terminal.
 */
export default function Workspace() {
  const world = pageWorld();
  const wide = useMediaQuery(WIDE_LAYOUT);
  const split = useStore(appStore, (s) => s.lab.split !== null);
  const { view, fork, showing } = useStore(timelineStore);
  const inFork = fork !== null && showing === 'fork';
  // A step shown is of the world shown: the fork's own timeline when the fork is showing.
  const shown = view ?? (inFork ? fork.world : null);
  const panelWorld = useMemo(() => (shown ? viewOf(world, shown) : world), [shown, world]);
  const sessions = useMemo(() => (shown ? viewSessions(world, shown, inFork) : null), [shown, inFork, world]);
  useEffect(() => {
    // A link to a step (`&step=N`) opens on that step.
    if (world.replay?.step !== undefined) void showStep(world, world.replay.step);
  }, [world]);
  return (
    <div className={`lab-workspace${wide ? ' is-wide' : ''}${split ? ' is-split' : ''}`} data-world={world.origin}>
      <RecoveryNotice world={world} />
      <ReplayBanner />
      <div className="lab-main">
        {/* The mission's checklist stays in view while typing: above the terminal on a narrow
            screen, at the top of the sticky column beside it on a wide one. */}
        {!wide && <MissionPanel world={world} />}
        <Tabs />
        <ConnectPicker world={world} />
        {/* The live terminals stay mounted (their sessions go on) while a fork is shown. */}
        <div style={{ display: inFork ? 'none' : 'contents' }}>
          {/* Narrow: a refusal's rule goes right under the terminal's screen, above a phone's input
              row and chips, where the learner is looking; wide: at the top of the column beside it. */}
          <Terminals callout={wide ? undefined : <RuleCallout world={panelWorld} compact />} />
        </div>
        {fork && (
          <div style={{ display: inFork ? 'contents' : 'none' }}>
            <ForkTerminals world={fork.world} />
          </div>
        )}
        {/* Wide: the timeline under the terminals. Narrow: after the panels, so the rule
            callout and the panel tabs stay right under the terminal (issue 13). */}
        {wide && <Timeline world={world} />}
      </div>
      <ViewSessionsContext.Provider value={sessions}>
        <aside className="lab-side" aria-label="What the session did" data-showing={view ? `${inFork ? 'fork-' : ''}step-${view.step}` : inFork ? 'fork' : 'live'}>
          {wide && <RuleCallout world={panelWorld} />}
          {wide && <MissionPanel world={world} />}
          <PanelDock panels={labPanels(panelWorld, world)} wide={wide} />
        </aside>
      </ViewSessionsContext.Provider>
      {!wide && <Timeline world={world} />}
    </div>
  );
}
