/**
 * The verdict: facts read off what actually happened (Scenario.verdict()), POP3 beside IMAP,
 * each cell a link to the transcript line that decided it.
 */
import type { Fact, SideVerdict } from '../../../simulator/scenarios/compare-verdict.ts';
import type { Side } from '../../../simulator/scenarios/compare-scenario.ts';
import { RefLink } from './RefLink.tsx';

interface Row {
  id: string;
  label: string;
  fact: (v: SideVerdict) => Fact<unknown>;
}

const ROWS: readonly Row[] = [
  { id: 'server', label: 'Messages on the server', fact: (v) => v.onServer },
  { id: 'laptop', label: 'Messages on the laptop', fact: (v) => v.onDevice.laptop },
  { id: 'phone', label: 'Messages on the phone', fact: (v) => v.onDevice.phone },
  { id: 'read-state', label: 'Read state agrees across devices', fact: (v) => v.readStateAgrees },
  { id: 'folders', label: 'Folders agree across devices', fact: (v) => v.foldersAgree },
  { id: 'bytes-laptop', label: 'Bytes transferred by the laptop', fact: (v) => v.bytes.laptop },
  { id: 'bytes-phone', label: 'Bytes transferred by the phone', fact: (v) => v.bytes.phone },
  { id: 'lose-laptop', label: 'Losing the laptop', fact: (v) => v.survivesLosingLaptop },
];

/** The cell's tone: agreement and survival are good or bad, counts are neutral. */
function tone(row: Row, value: unknown): 'good' | 'bad' | undefined {
  if (typeof value === 'boolean') return value ? 'good' : 'bad';
  if (row.id === 'lose-laptop' && typeof value === 'object' && value !== null && 'lost' in value) return (value as { lost: number }).lost > 0 ? 'bad' : 'good';
  return undefined;
}

function plain(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function Cell({ row, side, verdict }: { row: Row; side: Side; verdict: SideVerdict }) {
  const fact = row.fact(verdict);
  return (
    <td data-fact={row.id} data-side={side} data-label={side.toUpperCase()} data-value={plain(fact.value)} data-tone={tone(row, fact.value)}>
      <RefLink refId={fact.ref}>{fact.text}</RefLink>
    </td>
  );
}

export function VerdictTable({ verdict }: { verdict: Record<Side, SideVerdict> }) {
  return (
    <div className="mw-cmp-verdict-wrap" role="region" aria-label="Verdict table" tabIndex={0}>
      <table className="mw-cmp-verdict" aria-describedby="mw-cmp-verdict-note">
        <caption>The verdict so far</caption>
        <thead>
          <tr>
            <th scope="col">Fact</th>
            <th scope="col">POP3</th>
            <th scope="col">IMAP</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              <Cell row={row} side="pop3" verdict={verdict.pop3} />
              <Cell row={row} side="imap" verdict={verdict.imap} />
            </tr>
          ))}
        </tbody>
      </table>
      <p id="mw-cmp-verdict-note" className="mw-cmp-note">
        Read off the store and the devices after every action. Each cell links to the transcript line that caused it.
      </p>
    </div>
  );
}
