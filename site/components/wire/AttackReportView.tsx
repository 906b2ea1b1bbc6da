/** What the attacker on a session's path did and learnt: credentials, rewrites, and what failed. */
import type { AttackReport } from '../../../simulator/net/virtual-network.ts';

function formatTime(time: number): string {
  return new Date(time).toISOString().slice(11, 23);
}

export default function AttackReportView({ report }: { report: AttackReport }) {
  const o = report.options;
  const roles = [
    o.eavesdrop && 'passive eavesdropper',
    o.stripStarttls && 'STARTTLS stripper',
    o.impostor && 'impostor certificate',
    o.tamper && 'record tamperer',
  ].filter(Boolean);
  return (
    <div className="mw-attack" data-testid="attack-report">
      <p className="mw-attack__title">
        <strong>Attacker on the path:</strong> {roles.join(', ') || 'none'}
      </p>
      {o.eavesdrop || report.readThroughTls ? (
        report.credentials.length ? (
          <div data-testid="eavesdropper-credentials" data-count={report.credentials.length}>
            <p>
              <strong>The eavesdropper collected {report.credentials.length === 1 ? 'a password' : `${report.credentials.length} passwords`}:</strong>
              {report.readThroughTls && ' (read inside the TLS session it terminated with its own certificate)'}
            </p>
            <ul>
              {report.credentials.map((c, i) => (
                <li key={i}>
                  <code>{c.user}</code> / <code className="mw-attack__secret">{c.password}</code> via {c.mechanism} at {formatTime(c.time)}
                  <br />
                  <small>evidence: {c.evidence}</small>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p data-testid="eavesdropper-credentials" data-count={0}>The eavesdropper has collected no credentials.</p>
        )
      ) : null}
      {report.altered.length > 0 && (
        <div>
          <p>The middlebox changed the bytes in transit:</p>
          <ul data-testid="attack-altered">
            {report.altered.map((a, i) => (
              <li key={i}>
                {a.direction === 'to-server' ? 'client → server' : 'server → client'}: <code>{a.what}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.nothingToDo.map((n, i) => (
        <p key={i} data-testid="attack-nothing">
          {n}
        </p>
      ))}
    </div>
  );
}
