import { useEffect } from 'react';
import { useBoardStore } from '../state/boardStore.js';
import { useT } from '../i18n/useI18n.js';
import { useSettingsShortcut } from '../hooks/useSettingsShortcut.js';
import { CommentStream } from './comments/CommentStream.js';
import { ConnectionBanner } from './connection/ConnectionBanner.js';
import { ConnectionScreen } from './connection/ConnectionScreen.js';
import { MetricGrid } from './metrics/MetricGrid.js';
import { ProductTable } from './products/ProductTable.js';
import { SettingsDrawer } from './settings/SettingsDrawer.js';
import { StorageBanner } from './storage/StorageBanner.js';
import { TopBar } from './topbar/TopBar.js';

export function App() {
  const loaded = useBoardStore((s) => s.loaded);
  return loaded ? <Board /> : <ConnectionScreen />;
}

function Board() {
  const stale = useBoardStore((s) => s.connection.status !== 'connected');
  useDocumentTitle();
  useSettingsShortcut();
  return (
    <div className={`app${stale ? ' is-stale' : ''}`}>
      <TopBar />
      <ConnectionBanner />
      <StorageBanner />
      <main className="board">
        <div className="board__left">
          <MetricGrid />
          <ProductTable />
        </div>
        <CommentStream />
      </main>
      <SettingsDrawer />
    </div>
  );
}

/** The window/tab title names the show, so the right window is easy to find in the task bar. */
function useDocumentTitle() {
  const t = useT();
  const title = useBoardStore((s) => s.show?.title ?? null);
  useEffect(() => {
    document.title = title ? `${title} — ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
