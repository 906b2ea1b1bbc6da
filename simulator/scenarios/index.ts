/**
 * Lesson scenarios run on the virtual network: the attacks of /wire/, the ports probe of /ports/,
 * and the /compare/ experiment (compare-config.ts, data only, is read directly by pages). The
 * site's entry point.
 */
export type { ClientTlsPolicy, LoginOutcome } from './attack-clients.ts';
export { starttlsInjection } from './attack-injection.ts';
export { type ObservedPacket, observeSession, type SessionObservation } from './attack-observer.ts';
export { runAttackScenario } from './attack-scenarios.ts';
export { type ActionResult, type DeviceName, Scenario, type Side } from './compare-scenario.ts';
export type { Fact, SideVerdict } from './compare-verdict.ts';
export { COMPARE_WALKTHROUGH, type WalkStep } from './compare-walkthrough.ts';
export { PROBE_PORTS, probePort, type ProbeRow } from './ports-probe.ts';
