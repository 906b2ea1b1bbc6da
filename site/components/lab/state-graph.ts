/**
 * The state diagram's data, read from the engines' own transition tables (nothing restated here):
 * states, edges merged per pair of states, a layered layout, and the commands each state allows.
 */
import { citeRfc } from '../../../simulator/fsm.ts';
import { allowedCommands as imapAllowed } from '../../../simulator/imap/registry.ts';
import { IMAP_STATES, IMAP_TRANSITIONS, type ImapState } from '../../../simulator/imap/state.ts';
import type { MailProtocol } from '../../../simulator/world/ports.ts';
import { allowedCommands as pop3Allowed } from '../../../simulator/pop3/registry.ts';
import { POP3_STATES, POP3_TRANSITIONS, type Pop3State } from '../../../simulator/pop3/state.ts';
import { allowedCommands as smtpAllowed } from '../../../simulator/smtp/registry.ts';
import { SMTP_STATES, SMTP_TRANSITIONS, type SmtpState } from '../../../simulator/smtp/state.ts';
import { exampleLine } from '../../terminal/chips.ts';

export interface StateEdge {
  from: string;
  to: string;
  /** What moves the session along this edge (several triggers joined). */
  label: string;
  rfc: string;
}

export interface StateGraph {
  protocol: MailProtocol;
  initial: string;
  states: string[];
  edges: StateEdge[];
  /** Triggers drawn as a note, not as edges: every state goes there (a dropped connection). */
  implicit: string;
}

interface Row {
  from: string;
  to: string;
  on: string;
  rfc: string;
}

/** Triggers any state may take to the end; drawn once as a note so the diagram stays readable. */
const EVERYWHERE = new Set(['connection lost', '421', 'dropped', 'autologout', 'too-many-errors', 'bye']);

function merge(rows: readonly Row[]): StateEdge[] {
  const edges = new Map<string, StateEdge>();
  for (const r of rows) {
    if (EVERYWHERE.has(r.on)) continue;
    const key = `${r.from}>${r.to}`;
    const e = edges.get(key);
    if (e) {
      if (!e.label.split(', ').includes(r.on)) e.label += `, ${r.on}`;
    } else {
      edges.set(key, { from: r.from, to: r.to, label: r.on, rfc: r.rfc });
    }
  }
  return [...edges.values()];
}

export function stateGraph(protocol: MailProtocol): StateGraph {
  if (protocol === 'smtp') {
    return { protocol, initial: 'connected', states: [...SMTP_STATES], edges: merge(SMTP_TRANSITIONS.map((t) => ({ ...t, rfc: citeRfc(t.rfc) }))), implicit: 'A 421 reply or a lost connection ends the session in any state (RFC 5321 §3.8).' };
  }
  if (protocol === 'pop3') {
    return { protocol, initial: 'AUTHORIZATION', states: [...POP3_STATES], edges: merge(POP3_TRANSITIONS.map((t) => ({ ...t, rfc: citeRfc(t.rfc) }))), implicit: 'Too many errors, the autologout timer or a lost connection close the session without UPDATE (RFC 1939 §3, §6).' };
  }
  return { protocol, initial: 'not-authenticated', states: [...IMAP_STATES], edges: merge(IMAP_TRANSITIONS.map((t) => ({ ...t, rfc: citeRfc(t.rfc) }))), implicit: 'The server may send BYE and close, or the connection may drop, in any state (RFC 9051 §3, §7.1.5).' };
}

export interface Placed {
  state: string;
  column: number;
  row: number;
}

/**
 * The state `state` is a sub-state of: entered from that one state only, left back to it or to
 * where that state goes itself (a SASL exchange, IDLE, a literal, a TLS handshake), or null.
 */
function homeOf(graph: StateGraph, state: string): string | null {
  if (state === graph.initial) return null;
  const from = new Set(graph.edges.filter((e) => e.to === state && e.from !== state).map((e) => e.from));
  if (from.size !== 1) return null;
  const [home] = [...from];
  const out = graph.edges.filter((e) => e.from === state && e.to !== state);
  // It goes back home, and nowhere home could not go itself (SASL's success goes where LOGIN goes).
  const back = out.some((e) => e.to === home);
  return back && out.every((e) => e.to === home || graph.edges.some((h) => h.from === home && h.to === e.to)) ? home! : null;
}

/**
 * Columns by distance from the initial state (breadth first, over the main states); a sub-state
 * goes under the state it returns to. In a column: the main states in table order, each followed
 * by its sub-states.
 */
export function layout(graph: StateGraph): Placed[] {
  const home = new Map(graph.states.map((s) => [s, homeOf(graph, s)]));
  const depth = new Map<string, number>([[graph.initial, 0]]);
  const queue = [graph.initial];
  while (queue.length) {
    const s = queue.shift()!;
    for (const e of graph.edges) {
      if (e.from === s && !depth.has(e.to) && !home.get(e.to)) {
        depth.set(e.to, depth.get(s)! + 1);
        queue.push(e.to);
      }
    }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const columnOf = (state: string): number => {
    const h = home.get(state);
    return h ? columnOf(h) : (depth.get(state) ?? last);
  };
  const order: string[] = [];
  for (const state of graph.states) {
    if (home.get(state)) continue;
    order.push(state, ...graph.states.filter((s) => home.get(s) === state));
  }
  const rows = new Map<number, number>();
  const placed = new Map<string, Placed>();
  for (const state of order) {
    const column = columnOf(state);
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    placed.set(state, { state, column, row });
  }
  return graph.states.map((s) => placed.get(s)!);
}

export interface AllowedCommand {
  verb: string;
  /** What to put on the prompt (the verb with the start of its arguments). */
  template: string;
  syntax?: string;
}

/** Verbs that take no argument, or whose argument is optional: put on the prompt bare. */
const BARE = /^(QUIT|STAT|NOOP|RSET|CAPA|STLS|LIST|UIDL|DATA|HELP|STARTTLS|CAPABILITY|LOGOUT|NAMESPACE|CLOSE|UNSELECT|EXPUNGE|CHECK|IDLE)$/;

/** The whole example line when the verb needs an argument (site/terminal/chips.ts), else the verb and a space to type one. */
function template(protocol: MailProtocol, verb: string): string {
  const line = exampleLine(protocol, verb);
  return line !== verb || BARE.test(verb) ? line : `${verb} `;
}

/** The commands the engine's registry allows in `state` (IMAP ones get a tag). */
export function allowedHere(protocol: MailProtocol, state: string): AllowedCommand[] {
  if (protocol === 'smtp') {
    return smtpAllowed(state as SmtpState).map((c) => ({ verb: c.verb, template: template('smtp', c.verb), syntax: c.syntax }));
  }
  if (protocol === 'pop3') return pop3Allowed(state as Pop3State).map((verb) => ({ verb, template: template('pop3', verb) }));
  return imapAllowed(state as ImapState).map((verb) => ({ verb, template: `a1 ${template('imap', verb)}` }));
}
