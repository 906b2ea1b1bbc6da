/** What the last action or step did, device by device, each linked to its transcript line. */
import type { Outcome } from './actions.ts';
import { RefLink } from './RefLink.tsx';

const SIDE = { pop3: 'POP3', imap: 'IMAP' } as const;

export function OutcomeList({ outcomes }: { outcomes: readonly Outcome[] }) {
  if (outcomes.length === 0) return null;
  return (
    <ul className="mw-cmp-outcomes">
      {outcomes.map((o, i) => (
        <li key={i} data-ok={String(o.ok)} data-side={o.side ?? 'both'}>
          <span className="mw-cmp-who">
            {o.side ? `${SIDE[o.side]} ${o.actor}`.trim() : o.actor === 'carol' ? 'Carol (SMTP)' : o.actor}:
          </span>{' '}
          <RefLink refId={o.ref}>{o.text}</RefLink>
        </li>
      ))}
    </ul>
  );
}
