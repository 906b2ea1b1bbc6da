/**
 * The one state-machine module every engine and virtual client uses (python-hyper/h11 `_state.py`):
 * a table of named states and typed triggers, each edge with the RFC section that defines it,
 * and a machine that moves only along the table and reports each move as a state event.
 * A trigger missing from the table is our bug, not the peer's, so `fire` throws.
 */

/**
 * An RFC reference, written one way everywhere: `{ rfc: 1939, section: '7' }`, shown "RFC 1939 §7";
 * without a section it means the whole RFC (an extension's defining document: `RFC 2920`).
 */
export interface RfcSection {
  readonly rfc: number;
  readonly section?: string;
}

export function rfc(number: number, section?: string): RfcSection {
  return section === undefined ? { rfc: number } : { rfc: number, section };
}

/** "RFC 1939 §7": how the code, the site and the diagram cite a section. */
export function citeRfc(r: RfcSection): string {
  return r.section === undefined ? `RFC ${r.rfc}` : `RFC ${r.rfc} §${r.section}`;
}

/** One edge of a state table. */
export interface Transition<S extends string, T extends string> {
  readonly from: S;
  readonly on: T;
  readonly to: S;
  readonly rfc: RfcSection;
  /** One line for the diagram's edge label, when the trigger's name is not enough. */
  readonly note?: string;
}

/** A protocol's states and every transition between them. */
export interface StateTable<S extends string, T extends string> {
  /** For error messages: "POP3 server". */
  readonly name: string;
  readonly states: readonly S[];
  readonly initial: S;
  readonly transitions: readonly Transition<S, T>[];
}

/** Builds a table, checking that every edge joins declared states and no (from, on) pair repeats. */
export function stateTable<S extends string, T extends string>(table: StateTable<S, T>): StateTable<S, T> {
  const seen = new Set<string>();
  for (const t of table.transitions) {
    if (!table.states.includes(t.from) || !table.states.includes(t.to)) throw new Error(`${table.name}: edge ${t.from} -${t.on}-> ${t.to} names an undeclared state`);
    const key = `${t.from}\u0000${t.on}`;
    if (seen.has(key)) throw new Error(`${table.name}: two edges from ${t.from} on ${t.on}`);
    seen.add(key);
  }
  return table;
}

/** Edges `from` each of `states` on `on` to `to`: for triggers many states share (a lost connection). */
export function edges<S extends string, T extends string>(states: readonly S[], on: T, to: S, rfcSection: RfcSection, note?: string): Transition<S, T>[] {
  return states.map((from) => (note === undefined ? { from, on, to, rfc: rfcSection } : { from, on, to, rfc: rfcSection, note }));
}

/**
 * A virtual client's table. Its states are named for the command it sent and whose reply it
 * awaits, so entering a state is the trigger: `moves` lists where each state may go, `rfcOf` the
 * section that defines each state's command.
 */
export function clientTable<S extends string>(name: string, initial: S, moves: Readonly<Record<S, readonly S[]>>, rfcOf: Readonly<Record<S, RfcSection>>): StateTable<S, S> {
  const states = Object.keys(moves) as S[];
  const transitions = states.flatMap((from) => moves[from].map((to): Transition<S, S> => ({ from, on: to, to, rfc: rfcOf[to] })));
  return stateTable<S, S>({ name, states, initial, transitions });
}

/** The edge `on` takes from `from`, if the table has one. */
export function findTransition<S extends string, T extends string>(table: StateTable<S, T>, from: S, on: T): Transition<S, T> | undefined {
  return table.transitions.find((t) => t.from === from && t.on === on);
}

/** The state `on` leads to from `from`; throws on an edge the table lacks (our bug, not the peer's). */
export function nextState<S extends string, T extends string>(table: StateTable<S, T>, from: S, on: T): S {
  const t = findTransition(table, from, on);
  if (!t) throw new Error(`${table.name}: no transition from ${from} on ${on}`);
  return t.to;
}

/** The state event every engine and client emits (engine.ts `EngineEvent`). */
export interface StateChange<S extends string> {
  kind: 'state';
  from: S;
  to: S;
}

/** One running machine over a table: the current state and the moves it has made. */
export class StateMachine<S extends string, T extends string> {
  private current: S;

  constructor(readonly table: StateTable<S, T>, initial: S = table.initial) {
    this.current = initial;
  }

  get state(): S {
    return this.current;
  }

  /** True when the table has an edge from the current state on `on`. */
  can(on: T): boolean {
    return findTransition(this.table, this.current, on) !== undefined;
  }

  /** Moves along the edge for `on` and returns the change to report. */
  fire(on: T): StateChange<S> {
    const from = this.current;
    this.current = nextState(this.table, from, on);
    return { kind: 'state', from, to: this.current };
  }
}
