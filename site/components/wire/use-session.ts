/**
 * A React hook that follows one recorded session of a VirtualNetwork: it re-renders when the
 * session gets bytes, TLS or closes (at most once a frame), and returns the live record.
 */
import { useEffect, useState } from 'react';
import type { SessionRecord, VirtualNetwork } from '../../../simulator/net/virtual-network.ts';

export function useSession(network: VirtualNetwork | null, sessionId: string | null): { session: SessionRecord | null; version: number } {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!network || !sessionId) return;
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
  }, [network, sessionId]);
  const session = network && sessionId ? (network.sessions.find((s) => s.id === sessionId) ?? null) : null;
  return { session, version };
}
