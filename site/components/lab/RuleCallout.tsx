/**
 * After a refusal (`503`, `530`, `-ERR`, `BAD` …), the rule the command broke with the RFC's own
 * sentence (simulator/explain/rule-break.ts), shown beside the terminal until the next command
 * (under it, compact, on a narrow screen).
 */
import type { PageWorld } from '../../world/page-network.ts';
import type { Refusal } from '../../world/session-tracker.ts';
import { useFocusedSession } from './hooks.ts';
import RfcLink from '../rfc/RfcLink.tsx';

/** When no rule is known for the refusal. */
const NO_RULE = 'The server refused this command; the reply text says why.';

/** The refused exchange: what was sent, what came back, in which state. */
function Exchange({ refusal }: { refusal: Refusal }) {
  return (
    <>
      <code>{refusal.command}</code> → <code>{refusal.reply}</code> (sent in state <code>{refusal.state}</code>)
    </>
  );
}

/**
 * Under a narrow screen's terminal, above its input row: the rule and its section on one or two
 * lines, the rest one tap away, so the screen's last lines and the input stay in view with it.
 */
function RuleBrokenCompact({ refusal }: { refusal: Refusal }) {
  const rule = refusal.rule;
  return (
    <div className="lab-rule lab-rule--compact" role="alert" data-testid="rule-broken">
      <p className="lab-rule__rule">
        <strong>Refused:</strong> {rule ? rule.rule : NO_RULE} {rule && <RfcLink r={rule.rfc} />}
      </p>
      <details>
        <summary>Why, and what is allowed here</summary>
        <p>
          <Exchange refusal={refusal} />
        </p>
        {rule?.quote && <blockquote>“{rule.quote}”</blockquote>}
        {rule?.allowed && rule.allowed.length > 0 && <p>Allowed in this state: {rule.allowed.join(', ')}</p>}
      </details>
    </div>
  );
}

function RuleBroken({ refusal }: { refusal: Refusal }) {
  const rule = refusal.rule;
  return (
    <div className="lab-rule" role="alert" data-testid="rule-broken">
      <p>
        <strong>Refused:</strong> <Exchange refusal={refusal} />
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
        <p className="lab-rule__rule">{NO_RULE}</p>
      )}
    </div>
  );
}

export default function RuleCallout({ world, compact = false }: { world: PageWorld; compact?: boolean }) {
  const session = useFocusedSession(world);
  const refusal = session?.refusal;
  if (!refusal?.reply) return null;
  return compact ? <RuleBrokenCompact refusal={refusal} /> : <RuleBroken refusal={refusal} />;
}
