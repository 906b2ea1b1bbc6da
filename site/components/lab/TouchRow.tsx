/** On touch screens: an input row and chips for what the server takes now, under a lab terminal (as in the island). */
import { useStore } from 'zustand';
import { portSpec } from '../../../simulator/world/ports.ts';
import { appStore } from '../../store/app-store.ts';
import { touchChips } from '../../terminal/chips.ts';
import TouchInput from '../islands/TouchInput.tsx';

export default function TouchRow({ terminalId, run }: { terminalId: string; run: (line: string) => void }) {
  const port = useStore(appStore, (s) => {
    const id = s.terminals[terminalId]?.sessionId;
    return id ? (s.sessions[id]?.port ?? null) : null;
  });
  const serverState = useStore(appStore, (s) => s.terminals[terminalId]?.serverState ?? null);
  const protocol = port === null ? null : (portSpec(port)?.protocol ?? null);
  const chips = touchChips(protocol, serverState);
  return <TouchInput chips={chips} run={run} />;
}
