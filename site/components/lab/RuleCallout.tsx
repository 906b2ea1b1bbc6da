/**
 * After a refusal (`503`, `530`, `-ERR`, `BAD` …), the rule the command broke with the RFC's own
 * sentence (simulator/explain/rule-break.ts), shown beside the terminal until the next command.
 */
import type { PageWorld } from '../../world/page-network.ts';
import type { Refusal } from '../../world/session-tracker.ts';
import { useFocusedSession } from './hooks.ts';
import RfcLink from '../rfc/RfcLink.tsx';

function RuleBroken({ refusal }: { refusal: Refusal }) {
  const rule = refusal.rule;
  return (
    <div className="lab-rule" role="alert" data-testid="rule-broken">
      <p>
        <strong>Refused:</strong> <code>{refusal.command}</code> → <code>{refusal.reply}</code> (sent in state <code>{refusal.state}</code>)
      </p>
      {rule ? (
        <>
          <p className="lab-rule__rule">{rule.rule}</p>
          {rule.quote && <blockquote>“{rule.quote}”</blockquote>}
          <p>
            <RfcLink r={rule.rfc} />
            {rule.allowed && rule.allowed.length > 0 && <> · allowed in this state: {rule.allowed.join(', ')}</>}
          </p>
        </>
      ) : (
        <p className="lab-rule__rule">The server refused this command; the reply text says why.</p>
      )}
    </div>
  );
}

export default function RuleCallout({ world }: { world: PageWorld }) {
  const session = useFocusedSession(world);
  const refusal = session?.refusal;
  if (!refusal?.reply) return null;
  return <RuleBroken refusal={refusal} />;
}
