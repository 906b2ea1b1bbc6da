/**
 * The connection's TLS 1.3 key schedule (RFC 8446 §7.1), read from its client's key log: each
 * traffic secret under its RFC name, how it is derived, what it protects, and the secret itself
 * (this is the learner's own session: the page's client holds these keys; an observer and the
 * relay never do). The same lines are what "Download capture" puts in the pcapng for Wireshark.
 */
import { keySchedule, TRAFFIC_KEYS } from '../../../simulator/tls/key-schedule-text.ts';

export default function KeySchedule({ keyLog }: { keyLog: readonly string[] }) {
  const secrets = keySchedule(keyLog);
  if (secrets.length === 0) return null;
  return (
    <section className="mw-keys" aria-label="Key schedule" data-testid="key-schedule">
      <p className="mw-wire__learns-title">Key schedule (RFC 8446 §7.1): the secrets your client derived</p>
      <p className="mw-wire__note">
        Both ends derive these from the key exchange and the transcript; they never cross the wire. Your client holds them, so it reads the records an observer
        sees only as application_data. With them (the SSLKEYLOGFILE lines, for the ClientHello random {secrets[0]!.clientRandom.slice(0, 16)}…) Wireshark
        can too.
      </p>
      <dl className="mw-keys__list">
        {secrets.map((s) => (
          <div key={s.label} className="mw-keys__item" data-testid="key-schedule-secret" data-label={s.label}>
            <dt>
              <code>{s.name}</code> <small>({s.label} in the key log)</small>
            </dt>
            <dd>
              <p>Protects {s.protects}</p>
              <p className="mw-keys__derivation">{s.derivation}</p>
              <code className="mw-keys__secret">{s.secret}</code>
            </dd>
          </div>
        ))}
      </dl>
      <p className="mw-wire__note">{TRAFFIC_KEYS}</p>
    </section>
  );
}
