/**
 * Pick a host and a port from lists (what each port is for) and connect the terminal in use. The
 * lists start at the open mission's first connection, and move there when another mission opens.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { MAIL_PORTS } from '../../../simulator/world/ports.ts';
import { missionById, MISSIONS } from '../../missions/registry.ts';
import { appStore } from '../../store/app-store.ts';
import type { PageWorld } from '../../world/page-network.ts';
import { useFocusedTerminal } from './hooks.ts';
import { terminalHandle } from './terminal-handles.ts';

const ROLE: Record<string, string> = { relay: 'server to server', submission: 'submission', access: 'mailbox access' };

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
          {hosts.map((h) => <option key={h.name} value={h.name}>{h.name} ({h.domains.join(', ')})</option>)}
        </select>
      </label>
      <label>
        Port{' '}
        <select value={port} onChange={(e) => setPort(Number(e.target.value))}>
          {ports.map((p) => (
            <option key={p.port} value={p.port}>
              {p.port}: {p.protocol.toUpperCase()} {ROLE[p.role] ?? p.role}{p.tls === 'implicit' ? ', TLS from the start' : p.tls === 'starttls' ? ', STARTTLS' : ''}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Connect</button>
    </form>
  );
}
