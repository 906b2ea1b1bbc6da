/**
 * The hops of a submitted message as a sequence diagram: the learner's submission, the MX lookup,
 * the server-to-server SMTP the MTA spoke (nobody typed it), and the store. Drawn unscaled (its
 * panel scrolls sideways), the message travelling hop by hop unless reduced motion is asked for.
 * Exportable as SVG.
 */
import { useState } from 'react';
import type { PageWorld } from '../../world/page-network.ts';
import { deliveryDiagram } from '../../world/delivery.ts';
import { sequenceSvg } from '../../world/sequence-svg.ts';
import type { SubmittedMessage, TrackedSession } from '../../world/session-tracker.ts';
import { downloadBlob } from './download.ts';
import { useTrackerVersion } from './hooks.ts';

export default function DeliveryView({ world }: { world: PageWorld }) {
  useTrackerVersion(world);
  const submitted: Array<{ message: SubmittedMessage; session: TrackedSession }> = [];
  for (const s of world.tracker.sessions()) {
    if (s.origin === 'terminal') for (const message of s.messages) submitted.push({ message, session: s });
  }
  const [chosen, setChosen] = useState<string | null>(null);
  if (submitted.length === 0) {
    return <p className="lab-note">Submit a message (for example on port 587) and its hops appear here: submission, MX lookup, relay, mailbox.</p>;
  }
  const pick = submitted.find((x) => x.message.id === chosen) ?? submitted[submitted.length - 1]!;
  const dns = world.network.world.dns;
  const diagram = deliveryDiagram(pick.message, pick.session, {
    session: (id) => world.tracker.session(id),
    mtaEvents: (id) => world.tracker.mtaEvents(id),
    mx: (domain) => dns.mx(domain),
  });
  const svg = sequenceSvg(diagram);
  const shown = sequenceSvg(diagram, { animate: true });
  return (
    <div className="lab-delivery" data-testid="delivery-view">
      <div className="lab-row">
        <label>
          Message{' '}
          <select value={pick.message.id} onChange={(e) => setChosen(e.target.value)}>
            {submitted.map((x) => (
              <option key={x.message.id} value={x.message.id}>
                {x.message.id} → {x.message.recipients.join(', ')}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => downloadBlob(`delivery-${pick.message.id}.svg`, svg, 'image/svg+xml')}>
          Download SVG
        </button>
      </div>
      <div className="lab-delivery__svg" tabIndex={0} aria-label="Sequence diagram (scrolls sideways)" dangerouslySetInnerHTML={{ __html: shown }} />
      <details>
        <summary>The hops as text</summary>
        <ol className="lab-delivery__hops">
          {diagram.hops.map((h, i) => (
            <li key={i}>
              {h.from === h.to ? `${h.from}: ` : `${h.from} → ${h.to}: `}
              <code>{h.label}</code>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
