/** The protocol's state machine as an accessible SVG, drawn from the engine's transition table. */
import type { MailProtocol } from '../../../simulator/world/ports.ts';
import { layout, stateGraph, type Placed } from './state-graph.ts';

const W = 118;
const H = 30;
const GAP_X = 40;
const GAP_Y = 22;
/** Room above the first row for self-loops. */
const TOP = 26;

function centre(p: Placed): { x: number; y: number } {
  return { x: 8 + p.column * (W + GAP_X) + W / 2, y: TOP + p.row * (H + GAP_Y) + H / 2 };
}

export default function StateDiagram({ protocol, current }: { protocol: MailProtocol; current: string }) {
  const graph = stateGraph(protocol);
  const placed = layout(graph);
  const at = new Map(placed.map((p) => [p.state, p]));
  const width = 16 + (Math.max(...placed.map((p) => p.column)) + 1) * (W + GAP_X) - GAP_X;
  const height = TOP + 8 + (Math.max(...placed.map((p) => p.row)) + 1) * (H + GAP_Y) - GAP_Y;
  const describe = graph.edges.map((e) => `${e.from} to ${e.to} on ${e.label}`).join('; ');
  return (
    <figure className="lab-diagram" tabIndex={0} aria-label="State diagram (scrolls sideways when narrow)">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`sd-${protocol}-t sd-${protocol}-d`} className="lab-diagram__svg">
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
          const p = centre(a);
          const q = centre(b);
          const active = e.from === current;
          if (e.from === e.to) {
            const d = `M${p.x - 12} ${p.y - H / 2} C ${p.x - 20} ${p.y - H / 2 - 18}, ${p.x + 20} ${p.y - H / 2 - 18}, ${p.x + 12} ${p.y - H / 2}`;
            return <path key={`${e.from}>${e.to}`} d={d} className={`lab-diagram__edge${active ? ' is-active' : ''}`} markerEnd={`url(#sd-arrow-${protocol})`}><title>{`${e.label} (${e.rfc})`}</title></path>;
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
          const c = centre(p);
          const here = p.state === current;
          return (
            <g key={p.state} className={`lab-diagram__state${here ? ' is-current' : ''}`} data-state={p.state} aria-current={here ? 'step' : undefined}>
              <rect x={c.x - W / 2} y={c.y - H / 2} width={W} height={H} rx={6} />
              <text x={c.x} y={c.y + 4} textAnchor="middle">{p.state}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="lab-note">{graph.implicit}</figcaption>
    </figure>
  );
}
