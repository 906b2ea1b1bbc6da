/** The protocol's state machine as an accessible SVG, drawn from the engine's transition table. */
import type { MailProtocol } from '../../../simulator/world/ports.ts';
import { layout, stateGraph, type Placed } from './state-graph.ts';

const MIN_W = 118;
const LINE_H = 30;
const GAP_X = 40;
const GAP_Y = 22;
/** How far a curve between two states of one column swings out to the right. */
const SIDE_ROOM = 26;
/** Room above the first row for self-loops. */
const TOP = 26;

/** Width of one character of the 12 px monospace label (lab.css), with room either side. */
const CHAR_W = 7.4;
const PAD = 14;
/** Longer names break after their first hyphen: `literal-` / `not-authenticated`. */
const ONE_LINE = 17;
/**
 * The smallest scale the diagram is drawn at: its 12 px labels stay 6 px high. A panel too narrow
 * for that (SMTP's on a phone) scrolls the figure sideways; a wider one (the desktop dock, POP3's
 * and IMAP's on a phone) shows the whole diagram.
 */
const MIN_SCALE = 0.5;

function labelLines(state: string): string[] {
  const cut = state.indexOf('-');
  return state.length <= ONE_LINE || cut < 0 ? [state] : [state.slice(0, cut + 1), state.slice(cut + 1)];
}

function centre(p: Placed, W: number, H: number): { x: number; y: number } {
  return { x: 8 + p.column * (W + GAP_X) + W / 2, y: TOP + p.row * (H + GAP_Y) + H / 2 };
}

export default function StateDiagram({ protocol, current }: { protocol: MailProtocol; current: string }) {
  const graph = stateGraph(protocol);
  const placed = layout(graph);
  const at = new Map(placed.map((p) => [p.state, p]));
  const labels = new Map(graph.states.map((s) => [s, labelLines(s)]));
  const W = Math.max(MIN_W, PAD + CHAR_W * Math.max(...[...labels.values()].flat().map((l) => l.length)));
  const H = LINE_H + 14 * (Math.max(...[...labels.values()].map((l) => l.length)) - 1);
  // Room on the right of the last column for the curves of a column's own edges.
  const width = 16 + SIDE_ROOM + (Math.max(...placed.map((p) => p.column)) + 1) * (W + GAP_X) - GAP_X;
  const height = TOP + 8 + (Math.max(...placed.map((p) => p.row)) + 1) * (H + GAP_Y) - GAP_Y;
  const describe = graph.edges.map((e) => `${e.from} to ${e.to} on ${e.label}`).join('; ');
  return (
    <figure className="lab-diagram" tabIndex={0} aria-label="State diagram (scrolls sideways when narrow)">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`sd-${protocol}-t sd-${protocol}-d`} className="lab-diagram__svg" style={{ minWidth: `${Math.ceil(width * MIN_SCALE)}px` }}>
        <title id={`sd-${protocol}-t`}>{`${protocol.toUpperCase()} server states; current state: ${current}`}</title>
        <desc id={`sd-${protocol}-d`}>{describe}</desc>
        <defs>
          <marker id={`sd-arrow-${protocol}`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" className="lab-diagram__head" />
          </marker>
        </defs>
        {graph.edges.map((e) => {
          const a = at.get(e.from);
          const b = at.get(e.to);
          if (!a || !b) return null;
          const p = centre(a, W, H);
          const q = centre(b, W, H);
          const active = e.from === current;
          if (e.from === e.to) {
            const d = `M${p.x - 12} ${p.y - H / 2} C ${p.x - 20} ${p.y - H / 2 - 18}, ${p.x + 20} ${p.y - H / 2 - 18}, ${p.x + 12} ${p.y - H / 2}`;
            return <path key={`${e.from}>${e.to}`} d={d} className={`lab-diagram__edge${active ? ' is-active' : ''}`} markerEnd={`url(#sd-arrow-${protocol})`}><title>{`${e.label} (${e.rfc})`}</title></path>;
          }
          if (a.column === b.column && Math.abs(a.row - b.row) > 1) {
            // Past the boxes between them: a curve on the right, wider going up than going down.
            const x = p.x + W / 2;
            const k = a.row < b.row ? SIDE_ROOM / 2 : SIDE_ROOM;
            const d = `M${x} ${p.y} C ${x + k} ${p.y}, ${x + k} ${q.y}, ${x + 1} ${q.y}`;
            return <path key={`${e.from}>${e.to}`} d={d} className={`lab-diagram__edge${active ? ' is-active' : ''}`} markerEnd={`url(#sd-arrow-${protocol})`}><title>{`${e.from} → ${e.to}: ${e.label} (${e.rfc})`}</title></path>;
          }
          const dx = q.x - p.x;
          const dy = q.y - p.y;
          const len = Math.hypot(dx, dy) || 1;
          // Stop at the box's edge: shrink the line by half a box along its direction.
          const cut = Math.min(Math.abs((W / 2) * (len / (dx || 1e-9))), Math.abs((H / 2) * (len / (dy || 1e-9))));
          const [x1, y1, x2, y2] = [p.x + (dx / len) * cut, p.y + (dy / len) * cut, q.x - (dx / len) * cut, q.y - (dy / len) * cut];
          return (
            <line key={`${e.from}>${e.to}`} x1={x1} y1={y1} x2={x2} y2={y2} className={`lab-diagram__edge${active ? ' is-active' : ''}`} markerEnd={`url(#sd-arrow-${protocol})`}>
              <title>{`${e.from} → ${e.to}: ${e.label} (${e.rfc})`}</title>
            </line>
          );
        })}
        {placed.map((p) => {
          const c = centre(p, W, H);
          const lines = labels.get(p.state) ?? [p.state];
          const here = p.state === current;
          return (
            <g key={p.state} className={`lab-diagram__state${here ? ' is-current' : ''}`} data-state={p.state} aria-current={here ? 'step' : undefined}>
              <rect x={c.x - W / 2} y={c.y - H / 2} width={W} height={H} rx={6} />
              <text x={c.x} y={c.y + 4 - 7 * (lines.length - 1)} textAnchor="middle">
                {lines.map((line, i) => (
                  <tspan key={line} x={c.x} dy={i === 0 ? 0 : 14}>{line}</tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="lab-note">{graph.implicit}</figcaption>
    </figure>
  );
}
