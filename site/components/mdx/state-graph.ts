/**
 * The engines' state tables as graphs for the diagrams: states in the engine's order, and one
 * edge per (from, to) pair with every trigger on it. Built at build time from the same tables the
 * engines run on (simulator/<protocol>/state.ts), so the drawing cannot disagree with them.
 */
import { citeRfc } from '../../../simulator/fsm.ts';
import { commandState, IMAP_STATES, IMAP_TRANSITIONS, type ImapState } from '../../../simulator/imap/state.ts';

/** RFC 9051 §3's four states: the three a command is read in, and logout. */
const isMainState = (s: ImapState): boolean => s === 'logout' || commandState(s) === s;
import { POP3_STATES, POP3_TRANSITIONS } from '../../../simulator/pop3/state.ts';
import { SMTP_STATES, SMTP_TRANSITIONS } from '../../../simulator/smtp/state.ts';

export type Machine = 'smtp' | 'pop3' | 'imap';

export interface GraphEdge {
  from: string;
  to: string;
  triggers: string[];
  rfcs: string[];
}

export interface StateGraph {
  title: string;
  states: string[];
  edges: GraphEdge[];
}

interface Row {
  from: string;
  to: string;
  on: string;
  rfc: string;
}

/** Triggers left out of the drawing (they go to 'closed' from everywhere); the table lists them all. */
const NOISE = new Set(['connection lost', '421', 'dropped', 'autologout', 'too-many-errors', 'bye', 'HELO']);

function build(title: string, states: readonly string[], rows: readonly Row[], omitNoise: boolean): StateGraph {
  const edges = new Map<string, GraphEdge>();
  for (const r of rows) {
    if (omitNoise && NOISE.has(r.on)) continue;
    const key = `${r.from}→${r.to}`;
    const edge = edges.get(key) ?? { from: r.from, to: r.to, triggers: [], rfcs: [] };
    if (!edge.triggers.includes(r.on)) edge.triggers.push(r.on);
    if (!edge.rfcs.includes(r.rfc)) edge.rfcs.push(r.rfc);
    edges.set(key, edge);
  }
  return { title, states: [...states], edges: [...edges.values()] };
}

export function stateGraph(machine: Machine, omitNoise = true): StateGraph {
  switch (machine) {
    case 'smtp':
      return build('SMTP server states', SMTP_STATES.filter((s) => s !== 'bdat'), SMTP_TRANSITIONS.filter((t) => t.from !== 'bdat' && t.to !== 'bdat' && !t.on.startsWith('BDAT')).map((t) => ({ ...t, rfc: citeRfc(t.rfc) })), omitNoise);
    case 'pop3':
      return build('POP3 session states', POP3_STATES, POP3_TRANSITIONS.map((t) => ({ ...t, rfc: citeRfc(t.rfc) })), omitNoise);
    case 'imap':
      // The tutorial draws RFC 9051 §3's four states; the sub-states (SASL, IDLE, literals …) are in the table and the lab.
      return build('IMAP connection states', IMAP_STATES.filter(isMainState), IMAP_TRANSITIONS.filter((t) => isMainState(t.from) && isMainState(t.to)).map((t) => ({ ...t, rfc: citeRfc(t.rfc) })), omitNoise);
  }
}

/** Every transition of the machine, as rows for the table beside the drawing. */
export function transitionRows(machine: Machine): Row[] {
  switch (machine) {
    case 'smtp':
      return SMTP_TRANSITIONS.map((t) => ({ from: t.from, to: t.to, on: t.on, rfc: citeRfc(t.rfc) }));
    case 'pop3':
      return POP3_TRANSITIONS.map((t) => ({ from: t.from, to: t.to, on: t.on, rfc: citeRfc(t.rfc) }));
    case 'imap':
      return IMAP_TRANSITIONS.map((t) => ({ from: t.from, to: t.to, on: t.on, rfc: citeRfc(t.rfc) }));
  }
}
