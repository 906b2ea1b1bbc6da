/**
 * "Download capture (pcapng)": the followed session as the network log recorded it, written as a
 * pcapng file Wireshark opens (simulator/capture/), with the session's TLS key log so it decrypts.
 * The writer is loaded on the first click, so pages that never download carry none of it.
 */
import type { PageWorld } from '../../world/page-network.ts';
import { downloadBlob } from './download.ts';

export default function CaptureDownload({ world, sessionId }: { world: PageWorld; sessionId: string }) {
  const save = async (): Promise<void> => {
    const session = world.network.sessions.find((s) => s.id === sessionId);
    if (!session) return;
    const { capturePcapng, captureFileName, sessionCapture } = await import('../../../simulator/capture/index.ts');
    downloadBlob(captureFileName(session), capturePcapng(sessionCapture(session)), 'application/x-pcapng');
  };
  // A block of its own, so the button never runs on from the line before it on a narrow screen.
  return (
    <div className="lab-capture">
      <button type="button" onClick={() => void save()} title="The session's packets as Wireshark reads them (IPv4 and TCP synthesized around the bytes each end sent)">
        Download capture (pcapng)
      </button>
    </div>
  );
}
