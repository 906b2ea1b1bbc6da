/**
 * "Take over by hand": a typed-line console (the wire page's ClientConsole) for one device, on
 * the page's own network, so the learner types the protocol the device would have typed and
 * the server card, the transcript and the verdict follow what they did.
 */
import { lazy, Suspense, useId } from 'react';
import type { DeviceName, Side } from '../../../simulator/scenarios/compare-scenario.ts';
import { SCENARIO } from '../../../simulator/scenarios/compare-config.ts';
import type { VirtualNetwork } from '../../../simulator/net/virtual-network.ts';

const ClientConsole = lazy(() => import('../wire/ClientConsole.tsx'));

interface Props {
  side: Side;
  name: DeviceName;
  /** The network view the console connects through while taken over, or null. */
  network: VirtualNetwork | null;
  onToggle: (on: boolean) => void;
}

/** What to type, as the device itself would (plaintext login needs TLS first on this host). */
function Hint({ side }: { side: Side }) {
  const user = SCENARIO.users[side];
  const pass = SCENARIO.password;
  if (side === 'pop3') {
    return (
      <p className="mw-cmp-note">
        Try <code>STLS</code>, <code>USER {user}</code>, <code>PASS {pass}</code>, <code>STAT</code>, <code>LIST</code>, <code>DELE 1</code>, <code>QUIT</code>. While you hold the
        session, the buttons skip this device; POP3 would refuse them anyway: your session holds the maildrop lock (RFC 1939 §8,{' '}
        <code>-ERR [IN-USE]</code>). The walk-through waits until you hand the device back.
      </p>
    );
  }
  return (
    <p className="mw-cmp-note">
      Try <code>a0 STARTTLS</code>, <code>a1 LOGIN {user} {pass}</code>, <code>a2 SELECT INBOX</code>, <code>{'a3 STORE 1 +FLAGS (\\Seen)'}</code>, <code>a4 LOGOUT</code>. IMAP
      lets several sessions share the mailbox (RFC 9051 §5.2), but while you drive this device the buttons leave it alone and the walk-through waits.
    </p>
  );
}

export function TakeOver({ side, name, network, onToggle }: Props) {
  const id = useId();
  const on = network !== null;
  const port = side === 'pop3' ? 110 : 143;
  return (
    <div className="mw-cmp-takeover" data-takeover={`${side}-${name}`} data-on={on}>
      <button type="button" aria-expanded={on} aria-controls={id} onClick={() => onToggle(!on)}>
        {on ? `Hand the ${name} back` : 'Take over by hand'}
      </button>
      {on && (
        <div id={id}>
          <Hint side={side} />
          <Suspense fallback={<p className="mw-cmp-note">Loading the console…</p>}>
            <ClientConsole network={network} host={SCENARIO.host} port={port} autoConnect label={`${side.toUpperCase()} ${name}, by hand`} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
