/**
 * The lab island. It stays small on first load: the workspace (engines, panels) and xterm.js
 * arrive in lazily loaded chunks, with a placeholder until they do.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import Guard from './Guard.tsx';

// The saved world is read (IndexedDB, asynchronously) while the workspace's code loads.
const Workspace = lazy(() =>
  Promise.all([import('./Workspace.tsx'), import('../../world/page-network.ts').then((m) => m.loadPageWorld())]).then(([m]) => m),
);

const placeholder = (
  <section className="mw-terminal mw-terminal--full" aria-label="Protocol terminal" data-status="loading">
    <div className="mw-terminal__screen">
      <p className="mw-terminal__message" role="status">Loading the lab…</p>
    </div>
  </section>
);

export default function Lab() {
  // The server renders the placeholder only: the workspace needs the browser (storage, the
  // page's world), and a lazy component on the server would make React retry on the client.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return placeholder;
  return (
    <Guard message="The lab could not load. Reload the page to try again.">
      <Suspense fallback={placeholder}>
        <Workspace />
      </Suspense>
    </Guard>
  );
}
