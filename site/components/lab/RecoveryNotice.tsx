/**
 * Shown when the saved world cannot be read: what went wrong, and the two ways on: download the
 * raw data (nothing is lost) or reset to the default world. Until then nothing is saved over it.
 */
import { resetWorld, type PageWorld } from '../../world/page-network.ts';
import { downloadBlob } from './download.ts';
import StorageNotice from './StorageNotice.tsx';

export default function RecoveryNotice({ world }: { world: PageWorld }) {
  const problem = world.problem;
  if (!problem) return <StorageNotice world={world} />;
  return (
    <div className="lab-recovery" role="alert" data-testid="world-recovery">
      <h2>Your saved lab could not be read</h2>
      <p>
        The world stored in this browser is damaged or comes from another version of Mailwire ({problem.error}). It has
        not been changed or deleted. The lab below runs on a fresh default world, which is not saved until you choose.
      </p>
      <div className="lab-row">
        <button type="button" onClick={() => downloadBlob('mailwire-world-unreadable.json', problem.raw, 'application/json')}>
          Download the saved data
        </button>
        <button type="button" onClick={() => void resetWorld()}>
          Reset to the default world
        </button>
      </div>
    </div>
  );
}
