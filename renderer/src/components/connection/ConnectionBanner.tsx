import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';

/** After the board has loaded: keep the last figures on screen, but flag them as stale. */
export function ConnectionBanner() {
  const t = useT();
  const { status, message } = useBoardStore(useShallow((s) => s.connection));
  if (status === 'connected' || status === 'connecting') return null;
  const headline = status === 'rejected' ? t('connection.rejected') : t('connection.disconnected');
  return (
    <div className="connection-banner" data-testid="connection-status" data-status={status} role="alert">
      <strong>{headline}</strong>
      <span>{t('connection.stale')}</span>
      {message && (
        <span className="connection-banner__reason">
          {t('connection.reason')}: {message}
        </span>
      )}
      {status === 'rejected' && <span>{t('connection.rejectedHint')}</span>}
    </div>
  );
}
