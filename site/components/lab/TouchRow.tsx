/** On touch screens: an input row and chips for what the server takes now, under a lab terminal (as in the island). */
import { useStore } from 'zustand';
import { appStore } from '../../store/app-store.ts';
import TouchInput from '../islands/TouchInput.tsx';

const NO_CHIPS: readonly string[] = [];

export default function TouchRow({ terminalId, run }: { terminalId: string; run: (line: string) => void }) {
  // The terminal session works the chips out from the server's state (site/terminal/touch-chips.ts).
  const chips = useStore(appStore, (s) => s.terminals[terminalId]?.chips ?? NO_CHIPS);
  return <TouchInput chips={chips} run={run} />;
}
