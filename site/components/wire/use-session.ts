/**
 * A React hook that follows one recorded session of a VirtualNetwork: it re-renders when the
 * session gets bytes, TLS or closes (at most once a frame), and returns the live record. In a lab
 * panel that is not shown it does not follow (../lab/panel-shown.ts) and catches up when shown.
 */
import { useContext, useEffect, useState } from 'react';
import type { SessionRecord, VirtualNetwork } from '../../../simulator/net/virtual-network.ts';
import { PanelShownContext } from '../lab/panel-shown.ts';

export function useSession(network: VirtualNetwork | null, sessionId: string | null): { session: SessionRecord | null; version: number } {
  const [version, setVersion] = useState(0);
  const shown = useContext(PanelShownContext);
  useEffect(() => {
    if (!network || !sessionId || !shown) return;
    let frame = 0;
    const bump = (): void => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    bump();
    const unsubscribe = network.subscribe((event) => {
      if (event.type !== 'refused' && event.session.id === sessionId) bump();
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [network, sessionId, shown]);
  const session = network && sessionId ? (network.sessions.find((s) => s.id === sessionId) ?? null) : null;
  return { session, version };
}
