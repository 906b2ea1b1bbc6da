/**
 * Pick a host and a port from lists (what each port is for) and connect the terminal in use. The
 * lists start at the open mission's first connection, and move there when another mission opens.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { HostConfig } from '../../../simulator/world/host.ts';
import { MAIL_PORTS, portLabel } from '../../../simulator/world/ports.ts';
import { missionById, MISSIONS } from '../../missions/registry.ts';
import { appStore } from '../../store/app-store.ts';
import type { PageWorld } from '../../world/page-network.ts';
import { useFocusedTerminal } from './hooks.ts';
import { terminalHandle } from './terminal-handles.ts';

export default function ConnectPicker({ world }: { world: PageWorld }) {
  const terminalId = useFocusedTerminal();
  const missionId = useStore(appStore, (s) => s.lab.mission);
  const hosts = world.network.world.hosts;
  const wanted = (missionById(missionId ?? '') ?? MISSIONS[0]!).start;
  // A world imported without the mission's host keeps the picker on a host it has.
  const start = hosts.some((h) => h.name === wanted.host) ? wanted : { host: hosts[0]?.name ?? '', port: wanted.port };
  const [host, setHost] = useState(start.host);
  const [port, setPort] = useState(start.port);
  useEffect(() => {
    setHost(start.host);
    setPort(start.port);
  }, [start.host, start.port]);
  const ports = hosts.find((h) => h.name === host)?.ports ?? MAIL_PORTS;
  return (
    <form
      className="lab-row lab-connect"
      aria-label="Connect the terminal in use"
      onSubmit={(e) => {
        e.preventDefault();
        terminalHandle(terminalId)?.run(`/connect ${host} ${port}`);
      }}
    >
      <label>
        Host{' '}
        <select value={host} onChange={(e) => setHost(e.target.value)}>
          {hosts.map((h) => <option key={h.name} value={h.name}>{hostLabel(h)}</option>)}
        </select>
      </label>
      {/* Port and Connect share a line below the host, so the port's label, the longest, is never cut. */}
      <div className="lab-row lab-connect__go">
        <label>
          Port{' '}
          <select value={port} onChange={(e) => setPort(Number(e.target.value))}>
            {ports.map((p) => <option key={p.port} value={p.port}>{portLabel(p)}</option>)}
          </select>
        </label>
        <button type="submit">Connect</button>
      </div>
    </form>
  );
}

/** A host by its name, and the mail domains it serves unless the name already says it (mail.example.org serves example.org). */
function hostLabel(h: HostConfig): string {
  return h.domains.length === 1 && h.name.endsWith(`.${h.domains[0]}`) ? h.name : `${h.name} (${h.domains.join(', ')})`;
}
