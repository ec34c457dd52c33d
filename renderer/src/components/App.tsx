import { useEffect } from 'react';
import { useBoardStore } from '../state/boardStore.js';
import { useT } from '../i18n/useI18n.js';
import { useSettingsShortcut } from '../hooks/useSettingsShortcut.js';
import { useHistoryRoute } from '../state/hashRoute.js';
import { useReportUi } from '../state/reportUi.js';
import { useProductStockTracking } from '../state/productStock.js';
import { AlertBar } from './alerts/AlertBar.js';
import { AlertsLayer } from './alerts/AlertsLayer.js';
import { BigScreen } from './bigscreen/BigScreen.js';
import { useIsBigScreen } from './bigscreen/route.js';
import { isViewerPage } from './share/shareSession.js';
import { CommentStream } from './comments/CommentStream.js';
import { FaqLibraryDialog } from './faq/FaqLibraryDialog.js';
import { ConnectionBanner } from './connection/ConnectionBanner.js';
import { ConnectionScreen } from './connection/ConnectionScreen.js';
import { HistoryView } from './history/HistoryView.js';
import { ReportView } from './report/ReportView.js';
import { MetricGrid } from './metrics/MetricGrid.js';
import { OperationsLayer } from './operations/OperationsLayer.js';
import { StartWarningBanner } from './operations/StartWarningBanner.js';
import { ProductTable } from './products/ProductTable.js';
import { PendingPanel } from './replies/PendingPanel.js';
import { SettingsDrawer } from './settings/SettingsDrawer.js';
import { StorageBanner } from './storage/StorageBanner.js';
import { TargetsDialog } from './targets/TargetsDialog.js';
import { TopBar } from './topbar/TopBar.js';
import { TrendChart } from './trend/TrendChart.js';

export function App() {
  const loaded = useBoardStore((s) => s.loaded);
  // A LAN viewer's link shows the big screen only, whatever the hash says.
  const bigScreen = useIsBigScreen() || isViewerPage();
  if (!loaded) return <ConnectionScreen />;
  return bigScreen ? <BigScreen /> : <Board />;
}

function Board() {
  const stale = useBoardStore((s) => s.connection.status !== 'connected');
  const historyRoute = useHistoryRoute();
  const reportOpen = useReportUi((s) => s.open);
  useDocumentTitle();
  useSettingsShortcut();
  useProductStockTracking();
  return (
    <div className={`app${stale ? ' is-stale' : ''}`}>
      <TopBar />
      <AlertBar />
      <StartWarningBanner />
      <ConnectionBanner />
      <StorageBanner />
      {reportOpen ? (
        <ReportView />
      ) : historyRoute ? (
        <HistoryView route={historyRoute} />
      ) : (
        <main className="board">
          <div className="board__left">
            <MetricGrid />
            <TrendChart />
            <ProductTable />
          </div>
          <div className="board__right">
            <CommentStream />
            <PendingPanel />
          </div>
        </main>
      )}
      <SettingsDrawer />
      <TargetsDialog />
      <FaqLibraryDialog />
      <AlertsLayer />
      <OperationsLayer />
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
