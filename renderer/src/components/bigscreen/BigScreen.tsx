import { useEffect } from 'react';
import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { ConnectionBanner } from '../connection/ConnectionBanner.js';
import { FeedBadge } from '../topbar/FeedBadge.js';
import { LiveTimer } from '../topbar/LiveTimer.js';
import { LangToggle, ThemeToggle } from '../topbar/PrefToggles.js';
import { TrendChart } from '../trend/TrendChart.js';
import { BigNumbers } from './BigNumbers.js';
import { BigScreenTools } from './BigScreenTools.js';
import './bigscreen.css';

const BIG_SERIES = ['online', 'gmv'] as const;

/**
 * 大屏: the figures a room watches from across the floor — show and time on air, six large
 * numbers (GMV with its target), the product on screen, and online + GMV per minute.
 */
export function BigScreen() {
  const t = useT();
  const stale = useBoardStore((s) => s.connection.status !== 'connected');
  useBigScreenTitle();
  return (
    <div className={`bigscreen${stale ? ' is-stale' : ''}`} data-testid="bigscreen">
      <header className="bigscreen__head">
        <ShowTitle />
        <div className="bigscreen__status">
          <FeedBadge />
          <LiveTimer />
        </div>
        <div className="bigscreen__tools">
          <BigScreenTools />
          <LangToggle />
          <ThemeToggle />
        </div>
      </header>
      <ConnectionBanner />
      <main className="bigscreen__body">
        <BigNumbers />
        <TrendChart series={BIG_SERIES} variant="big" title={t('bigscreen.trend')} />
      </main>
    </div>
  );
}

function ShowTitle() {
  const t = useT();
  const show = useBoardStore((s) => s.show);
  return (
    <div className="bigscreen__title">
      <span className="bigscreen__mark" aria-hidden="true" />
      <div className="bigscreen__names">
        <h1 className="bigscreen__show" data-testid="big-show-title">
          {show ? show.title : t('topbar.noShow')}
        </h1>
        {show && (
          <div className="bigscreen__room">
            {show.roomTitle} · {t('topbar.room')} {show.roomId} · {show.platform}
          </div>
        )}
      </div>
    </div>
  );
}

function useBigScreenTitle() {
  const t = useT();
  const title = useBoardStore((s) => s.show?.title ?? null);
  useEffect(() => {
    const name = `${t('bigscreen.open')} — ${t('app.name')}`;
    document.title = title ? `${title} · ${name}` : name;
  }, [title, t]);
}
