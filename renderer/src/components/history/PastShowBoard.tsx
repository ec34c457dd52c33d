import { useCallback, useMemo } from 'react';
import { formatClock, NO_DATA } from '../../../../shared/format.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { BoardViewContext, pastShowSource } from '../../state/boardView.js';
import { MetricGrid } from '../metrics/MetricGrid.js';
import { ProductTable } from '../products/ProductTable.js';
import { formatDateTime, showDurationMs } from './showFacts.js';
import { useAsync } from './useAsync.js';

/**
 * One show's board as it ended: the same tiles and product table as the live board, fed by
 * that show's report and trend instead of the live store. Read-only.
 */
export function PastShowBoard({ showId }: { showId: string }) {
  const t = useT();
  const { client } = useBoardSync();
  const load = useCallback(
    () =>
      Promise.all([
        client.getShowBoard({ showId }),
        // Without a trend the tiles still show every figure, only without sparklines.
        client.getTrend({ showId }).catch(() => null),
      ]),
    [client, showId],
  );
  const result = useAsync(load);
  const loaded = result.status === 'ok' ? result.value : null;
  // One source per loaded board (not per render), so the tiles keep their subscriptions.
  const source = useMemo(() => (loaded?.[0] ? pastShowSource(loaded[0], loaded[1]) : null), [loaded]);

  if (result.status === 'loading') return <p className="history__note">{t('history.loading')}</p>;
  if (result.status === 'error') {
    return (
      <p className="history__note history__note--bad" role="alert">
        {t('history.loadFailed', { reason: result.error })}
      </p>
    );
  }
  const board = result.value[0];
  if (!board || !source) return <p className="history__note">{t('history.notFound')}</p>;
  const duration = showDurationMs(board.show, board.metrics?.at ?? null);
  return (
    <BoardViewContext.Provider value={source}>
      <div className="past-board" data-testid="show-board" data-show-id={showId}>
        <div className="past-board__facts">
          <span>{board.show.roomTitle}</span>
          <span>{formatDateTime(board.show.startedAt)}</span>
          <span>{duration === null ? NO_DATA : formatClock(duration)}</span>
          <span className="past-board__readonly">{t('history.readOnlyBadge')}</span>
        </div>
        {board.metrics ? (
          <>
            <MetricGrid />
            <ProductTable />
          </>
        ) : (
          <p className="history__note">{t('history.noMetrics')}</p>
        )}
      </div>
    </BoardViewContext.Provider>
  );
}
