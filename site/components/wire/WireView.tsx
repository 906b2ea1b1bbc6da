/**
 * The wire view: what an on-path observer between client and server sees of one session, as a
 * packet list (direction, time, length) with each packet's hex and ASCII and what the observer
 * learns from it. Give it the page's VirtualNetwork and a session id (`VirtualTransport.sessionId`,
 * `VirtualConnection.session.id`, or any `network.sessions[i].id`); it follows the session live.
 */
import { lazy, Suspense, useMemo } from 'react';
import type { SessionRecord, VirtualNetwork } from '../../../simulator/net/virtual-network.ts';
import AttackReportView from './AttackReportView.tsx';
import { hexDump } from './hex-dump.ts';
import { directionLabel, formatOffset, wireRows, type PacketRow, type WireRows } from './wire-packets.ts';
import { useSession } from './use-session.ts';
import './wire.css';

/** Loaded once a session has a key log (TLS began): pages that show no TLS never load its text. */
const KeySchedule = lazy(() => import('./KeySchedule.tsx'));

export interface WireViewProps {
  network: VirtualNetwork | null;
  sessionId: string | null;
  /** Heading text; the view is a labelled region either way. */
  heading?: string;
  /** The heading level that fits where the view is mounted (default 3). */
  headingLevel?: 2 | 3 | 4;
}

export default function WireView({ network, sessionId, heading = 'On the wire', headingLevel = 3 }: WireViewProps) {
  const { session, version } = useSession(network, sessionId);
  return <WireSessionView session={session} version={version} heading={heading} headingLevel={headingLevel} />;
}

export interface WireSessionViewProps {
  session: SessionRecord | null;
  /** Changes whenever the session got more (its record is mutated in place). */
  version: number;
  heading?: string;
  headingLevel?: 2 | 3 | 4;
  /** What the view shows before there is a session. */
  empty?: string;
}

/** The same view for a session record however it was made (a live session's: live-session.ts). */
export function WireSessionView({ session, version, heading = 'On the wire', headingLevel = 3, empty }: WireSessionViewProps) {
  const wire = useMemo(() => (session ? wireRows(session) : null), [session, version]);
  const H = `h${headingLevel}` as const;
  return (
    <section className="mw-wire" aria-label={heading} data-testid="wire-view" data-session={session?.id ?? ''}>
      <H className="mw-wire__heading">{heading}</H>
      {!session || !wire ? (
        <p className="mw-wire__empty">{empty ?? 'Nothing on the wire yet: connect to see every packet between the client and the server.'}</p>
      ) : (
        <>
          <SessionHeader session={session} wire={wire} />
          {session.attack && <AttackReportView report={session.attack} />}
          <ol className="mw-wire__packets" aria-label="Packets, oldest first">
            {wire.rows.map((row) => (
              <PacketItem key={row.number} row={row} />
            ))}
          </ol>
          {session.droppedBytes > 0 && <p className="mw-wire__note">{session.droppedBytes} more octets were not kept.</p>}
          {session.keyLog && session.keyLog.length > 0 && (
            <Suspense fallback={null}>
              <KeySchedule keyLog={session.keyLog} />
            </Suspense>
          )}
        </>
      )}
    </section>
  );
}

function SessionHeader({ session, wire }: { session: SessionRecord; wire: WireRows }) {
  const o = wire.observation;
  const clear = wire.rows.filter((r) => r.phase === 'plaintext').length;
  const state = session.closedAt === null ? 'open' : `closed by the ${session.closedBy ?? 'network'}`;
  return (
    <div className="mw-wire__session">
      <p>
        <strong>{session.client.name ?? session.client.address}</strong> ({session.client.address}) →{' '}
        <strong>{session.server.host}</strong> ({session.server.address}) port {session.port}, {session.protocol.toUpperCase()}; {state}.
      </p>
      <p data-testid="wire-summary">
        {wire.rows.length} packets: {clear} readable ({o.plaintextOctets} octets), {wire.rows.length - clear} inside TLS ({o.encryptedOctets} octets)
        {o.serverName ? `; the ClientHello names ${o.serverName} (SNI)` : ''}.
        {o.credentials.length > 0 && (
          <>
            {' '}
            <strong data-testid="wire-leaked">Readable on the wire: the password of {o.credentials.map((c) => c.user).join(', ')}.</strong>
          </>
        )}
        {session.tlsLayer === 'stand-in' && session.tls && ' This connection used the stand-in TLS layer, so its bytes are not real records.'}
      </p>
    </div>
  );
}

function PacketItem({ row: p }: { row: PacketRow }) {
  const direction = p.packet.direction;
  const arrow = direction === 'to-server' ? '→' : '←';
  return (
    <li className={`mw-wire__packet mw-wire__packet--${p.phase} mw-wire__packet--${direction}`} data-testid="wire-packet" data-phase={p.phase} data-direction={direction}>
      <details>
        <summary>
          <span className="mw-wire__no">#{p.number}</span>
          <span className="mw-wire__time">{formatOffset(p.packet.offset)}</span>
          <span className="mw-wire__dir">
            <span className="mw-wire__dir-long">
              <span aria-hidden="true">{arrow} </span>
              {directionLabel(direction)}
            </span>
            <span className="mw-wire__dir-short">{direction === 'to-server' ? 'C → S' : 'S → C'}</span>
          </span>
          <span className="mw-wire__len">{p.packet.length} B</span>
          <span className={`mw-wire__badge mw-wire__badge--${p.phase}`}>{p.packet.kind === 'stand-in' ? 'TLS*' : p.phase === 'tls' ? 'TLS' : 'clear'}</span>
          <code className="mw-wire__what">{p.summary}</code>
        </summary>
        <div className="mw-wire__detail">
          <p className="mw-wire__learns-title">What the observer learns</p>
          <ul className="mw-wire__learns">
            {p.learns.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
          <HexBlock bytes={p.bytes} label={`Packet ${p.number} as hex and ASCII`} />
          {p.decrypted && <Decrypted row={p} />}
          {p.received && <HexBlock bytes={p.received} label={`Packet ${p.number} as the other end received it`} />}
        </div>
      </details>
    </li>
  );
}

/** What the learner's own client reads in the record: it holds the keys (RFC 8446 §7), the observer does not. */
function Decrypted({ row: p }: { row: PacketRow }) {
  const m = p.decrypted!;
  return (
    <div className="mw-wire__decrypted" data-testid="wire-decrypted" data-message={m.name}>
      <p className="mw-wire__learns-title">What your client reads: {m.name}</p>
      <p className="mw-wire__note">
        {m.hidden
          ? `Your TLS client holds the handshake keys, so it decrypts this record: a ${m.name} message of ${m.bytes.length} octets. The observer sees only an application_data record of ${p.packet.length} octets.`
          : `A ${m.name} message of ${m.bytes.length} octets, sent in the clear: the observer reads it as well as your client does.`}
      </p>
      {m.fields.length > 0 && (
        <ul className="mw-wire__learns" data-testid="wire-decrypted-fields">
          {m.fields.map((f, i) => (
            <li key={i}>{f}</li>
          ))}
        </ul>
      )}
      <HexBlock bytes={m.bytes} label={`The ${m.name} message${m.hidden ? ', decrypted' : ''}`} />
    </div>
  );
}

function HexBlock({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const { rows, omitted } = hexDump(bytes, 2048);
  return (
    <figure className="mw-wire__hex">
      <figcaption>{label}</figcaption>
      <pre tabIndex={0}>
        {rows.map((r) => `${r.offset}  ${r.hex}  ${r.ascii}`).join('\n')}
        {omitted > 0 ? `\n… ${omitted} more octets` : ''}
      </pre>
    </figure>
  );
}
