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
import { isChunkState, SMTP_STATES, SMTP_TRANSITIONS, type SmtpState } from '../../../simulator/smtp/state.ts';

/** The tutorial draws RFC 5321 §3.3's transaction; BDAT (RFC 3030) and its chunk states are in the lab. */
const isSmtpMainState = (s: SmtpState): boolean => s !== 'bdat' && !isChunkState(s);

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
      return build('SMTP server states', SMTP_STATES.filter(isSmtpMainState), SMTP_TRANSITIONS.filter((t) => isSmtpMainState(t.from) && isSmtpMainState(t.to) && !t.on.startsWith('BDAT')).map((t) => ({ ...t, rfc: citeRfc(t.rfc) })), omitNoise);
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
      return mergeFroms(SMTP_TRANSITIONS.map((t) => ({ from: t.from, to: t.to, on: t.on, rfc: citeRfc(t.rfc) })));
    case 'pop3':
      return mergeFroms(POP3_TRANSITIONS.map((t) => ({ from: t.from, to: t.to, on: t.on, rfc: citeRfc(t.rfc) })));
    case 'imap':
      return mergeFroms(IMAP_TRANSITIONS.map((t) => ({ from: t.from, to: t.to, on: t.on, rfc: citeRfc(t.rfc) })));
  }
}

/**
 * One row per trigger, target and rule: IMAP's "bye" leads to logout from each of its eleven open
 * states, which as eleven rows buried the table's other lines. The states it is taken from are
 * listed in one cell, or "every other state" when that is all of them.
 */
function mergeFroms(rows: Row[]): Row[] {
  const states = new Set(rows.flatMap((r) => [r.from, r.to]));
  const merged = new Map<string, { row: Row; froms: string[] }>();
  for (const r of rows) {
    const key = `${r.on}\u0000${r.to}\u0000${r.rfc}`;
    const group = merged.get(key);
    if (group) group.froms.push(r.from);
    else merged.set(key, { row: r, froms: [r.from] });
  }
  return [...merged.values()].map(({ row, froms }) => {
    if (froms.length === 1) return row;
    const others = [...states].filter((s) => s !== row.to);
    const every = others.length === froms.length && others.every((s) => froms.includes(s));
    return { ...row, from: every ? `every other state` : froms.join(', ') };
  });
}
