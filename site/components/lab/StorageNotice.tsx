/**
 * What the learner must know about saving, shown as soon as it happens: a save the browser
 * refused (and that nothing saved before was lost), a world moved from an older build's storage,
 * and another lab tab that owns the saved world (this one is then read-only).
 */
import { useSyncExternalStore } from 'react';
import { worldToJson } from '../../../simulator/world/serialize.ts';
import { reloadWithoutHash, type PageWorld } from '../../world/page-network.ts';
import { downloadBlob } from './download.ts';

const TAB_TEXT = {
  'other-open': 'The lab is open in another tab, which saves the world. This tab is read-only: what you do here is not saved.',
  'other-changed': 'The lab in another tab has changed the saved world. This tab is read-only and shows the world as it was when it opened.',
  'other-closed': 'The other lab tab has closed. Reload to continue here on the saved world.',
} as const;

export default function StorageNotice({ world }: { world: PageWorld }) {
  const notice = useSyncExternalStore(world.subscribeNotice, world.notice, world.notice);
  const exportWorld = (): void => downloadBlob('mailwire-world.json', worldToJson(world.network.world), 'application/json');
  return (
    <>
      {notice.save && !notice.save.ok && (
        <div className="lab-recovery" role="alert" data-testid="save-failed">
          <h2>Your lab could not be saved</h2>
          <p>
            The browser refused to store the world ({notice.save.error}). What was saved before is kept as it was; the
            changes since then live only in this tab. Export the world to keep them, or free space: reset the world, or
            delete large messages over IMAP or POP3, then it saves again.
          </p>
          <div className="lab-row">
            <button type="button" onClick={exportWorld}>Export the world</button>
          </div>
        </div>
      )}
      {notice.save?.ok && (
        <p className="lab-banner" role="status" data-testid="save-recovered">
          Saving works again: the world is saved.
        </p>
      )}
      {notice.tab !== 'alone' && (
        <div className="lab-banner" role="status" data-testid="tab-notice" data-tab={notice.tab}>
          {TAB_TEXT[notice.tab]}{' '}
          {notice.tab !== 'other-open' && (
            <button type="button" onClick={() => reloadWithoutHash()}>Reload</button>
          )}
        </div>
      )}
      {notice.migrated && (
        <p className="lab-banner" role="status" data-testid="world-migrated">
          Your saved lab was moved to this browser's IndexedDB, where it has more room.
        </p>
      )}
    </>
  );
}
