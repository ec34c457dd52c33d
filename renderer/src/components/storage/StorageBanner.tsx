import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../../../shared/format.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';

/**
 * Storage trouble, at the top of the board where it cannot be missed: red while writes are
 * paused (nothing is lost yet: rows wait in memory), amber for a one-off notice such as a
 * damaged database that was moved aside.
 */
export function StorageBanner() {
  const t = useT();
  const locale = useLocale();
  const storage = useBoardStore(
    useShallow((s) => {
      const st = s.feed?.storage;
      return st
        ? { state: st.state, reason: st.reason, queued: st.queued, dropped: st.dropped, notice: st.notice }
        : null;
    }),
  );
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!storage) return null;
  const notice = storage.notice !== null && storage.notice !== dismissed ? storage.notice : null;
  return (
    <>
      {storage.state === 'paused' && (
        <div className="board-banner board-banner--bad" data-testid="storage-banner" role="alert">
          <span className="board-banner__icon" aria-hidden="true">
            ⛁
          </span>
          <strong className="board-banner__text">
            {t('storage.paused', {
              reason: storage.reason ?? t('storage.unknownReason'),
              n: formatCount(storage.queued, locale),
            })}
          </strong>
          {storage.dropped > 0 && (
            <span className="board-banner__extra">
              {t('storage.pausedDropped', { n: formatCount(storage.dropped, locale) })}
            </span>
          )}
        </div>
      )}
      {notice && (
        <div className="board-banner board-banner--warn" data-testid="storage-notice" role="status">
          <span className="board-banner__icon" aria-hidden="true">
            !
          </span>
          <span className="board-banner__text">
            <strong className="board-banner__label">{t('storage.noticeTitle')}</strong>
            {notice}
          </span>
          <button
            type="button"
            className="board-banner__dismiss"
            data-testid="storage-notice-dismiss"
            onClick={() => setDismissed(notice)}
          >
            {t('storage.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
