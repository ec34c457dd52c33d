import { AlertsButton } from '../alerts/AlertsButton.js';
import { OpenBigScreenButton } from '../bigscreen/OpenBigScreenButton.js';
import { FaqLibraryButton } from '../faq/FaqLibraryButton.js';
import { HistoryButton } from '../history/HistoryButton.js';
import { ReportButton } from '../report/ReportButton.js';
import { ChecklistButton } from '../operations/ChecklistButton.js';
import { IncidentsButton } from '../operations/IncidentsButton.js';
import { ShareButton } from '../share/ShareButton.js';
import { TargetsButton } from '../targets/TargetsButton.js';
import { Brand } from './Brand.js';
import { FeedBadge } from './FeedBadge.js';
import { FeedHealth } from './FeedHealth.js';
import { LiveTimer } from './LiveTimer.js';
import { MessageRate } from './MessageRate.js';
import { LangToggle, ThemeToggle } from './PrefToggles.js';
import { PresentingProduct } from './PresentingProduct.js';
import { ReplayControls } from './ReplayControls.js';
import { SettingsButton } from './SettingsButton.js';
import { ShowHeading } from './ShowHeading.js';

export function TopBar() {
  return (
    <header className="topbar">
      <div className="topbar__main">
        <Brand />
        <ShowHeading />
        <LiveTimer />
        <FeedBadge />
        <MessageRate />
        <ReplayControls />
        <PresentingProduct />
        <div className="topbar__tools">
          <AlertsButton />
          <IncidentsButton />
          <ChecklistButton />
          <FaqLibraryButton />
          <TargetsButton />
          <HistoryButton />
          <ReportButton />
          <OpenBigScreenButton />
          <ShareButton />
          <SettingsButton />
          <LangToggle />
          <ThemeToggle />
        </div>
      </div>
      <FeedHealth />
    </header>
  );
}
