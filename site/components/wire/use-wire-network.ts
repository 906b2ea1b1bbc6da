/** Loads the page's virtual network (and the engines and scenarios with it) after the first paint. */
import { useEffect, useState } from 'react';
import type { VirtualNetwork } from '../../../simulator/net/virtual-network.ts';

export type WireRuntime = typeof import('./wire-runtime.ts');

let runtime: Promise<WireRuntime> | null = null;
let shared: Promise<VirtualNetwork> | null = null;

export function loadWireRuntime(): Promise<WireRuntime> {
  runtime ??= import('./wire-runtime.ts');
  return runtime;
}

/** One network per page, so every console and wire view on it sees the same servers. */
export function loadWireNetwork(): Promise<VirtualNetwork> {
  shared ??= loadWireRuntime().then((m) => m.createWireNetwork());
  return shared;
}

export function useWireNetwork(): { network: VirtualNetwork | null; runtime: WireRuntime | null; failed: boolean } {
  const [state, setState] = useState<{ network: VirtualNetwork; runtime: WireRuntime } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    Promise.all([loadWireNetwork(), loadWireRuntime()]).then(
      ([network, rt]) => live && setState({ network, runtime: rt }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return { network: state?.network ?? null, runtime: state?.runtime ?? null, failed };
}
