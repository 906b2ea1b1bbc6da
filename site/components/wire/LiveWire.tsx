/**
 * The wire of a live session (issue 18, "See it"): what crossed the relay, as the page recorded
 * it, in the wire view: the plaintext before STARTTLS, then each TLS record as an observer (and
 * the relay) sees it, beside the handshake message the page's own client sent or decrypted there,
 * and the key schedule from its key log. "Download capture" saves it as pcapng with that key log
 * (SSLKEYLOGFILE lines in a Decryption Secrets Block), so Wireshark decrypts it. Loaded lazily
 * with the live console: it brings the X.509 parser (for the Certificate in words) and the writer.
 */
import { useMemo } from 'react';
import { capturePcapng, liveCapture, liveCaptureFileName } from '../../../simulator/capture/index.ts';
import { describeHandshake } from '../../../simulator/tls/handshake-text.ts';
import type { LiveSessionSnapshot } from '../../../simulator/transports/bridge.ts';
import type { MailProtocol } from '../../../simulator/world/ports.ts';
import { downloadBlob } from '../lab/download.ts';
import { liveSessionRecord } from './live-session.ts';
import { WireSessionView } from './WireView.tsx';

export interface LiveWireProps {
  recording: () => LiveSessionSnapshot;
  protocol: MailProtocol;
  /** Changes whenever the live session did something. */
  version: number;
}

export default function LiveWire({ recording, protocol, version }: LiveWireProps) {
  const snapshot = useMemo(recording, [recording, version]);
  const session = useMemo(() => (snapshot.writes.length ? liveSessionRecord(snapshot, protocol, describeHandshake) : null), [snapshot, protocol]);
  const save = (): void => {
    const now = recording();
    downloadBlob(liveCaptureFileName(now), capturePcapng(liveCapture(now)), 'application/x-pcapng');
  };
  return (
    <div className="mw-live-wire" data-testid="live-wire">
      <WireSessionView
        session={session}
        version={version}
        heading="Your live session on the wire"
        empty="Nothing has crossed the relay yet."
      />
      <div className="mw-live-wire__actions">
        <button type="button" className="mw-button" onClick={save} disabled={!session} title="What crossed the relay, as Wireshark reads it (IPv4 and TCP synthesized around the bytes), with your client's TLS key log">
          Download capture (pcapng)
        </button>
        {snapshot.keyLog.length > 0 && <small>With the key log inside: Wireshark decrypts it.</small>}
      </div>
      {snapshot.stoppedBecause && <p className="mw-wire__note">The recording stopped: {snapshot.stoppedBecause}.</p>}
    </div>
  );
}
