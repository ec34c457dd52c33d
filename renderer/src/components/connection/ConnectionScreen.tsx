import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { LangToggle, ThemeToggle } from '../topbar/PrefToggles.js';
import { Brand } from '../topbar/Brand.js';

/** Before the first snapshot: say what is happening rather than show an empty board. */
export function ConnectionScreen() {
  const t = useT();
  const { connection, loadError } = useBoardStore(
    useShallow((s) => ({ connection: s.connection, loadError: s.loadError })),
  );
  const { status, message } = connection;
  const failed = status === 'rejected' || status === 'disconnected' || loadError !== null;
  const headline =
    status === 'rejected'
      ? t('connection.rejected')
      : status === 'disconnected'
        ? t('connection.disconnected')
        : loadError !== null
          ? t('connection.loadFailed')
          : t('connection.connecting');
  const reason = status === 'connected' ? loadError : message;
  return (
    <div className="connection-screen">
      <div className="connection-card" data-testid="connection-status" data-status={status} role="status">
        <div className="connection-card__top">
          <Brand />
          <div className="connection-card__tools">
            <LangToggle />
            <ThemeToggle />
          </div>
        </div>
        <div className={`connection-card__headline${failed ? ' is-failed' : ''}`}>
          {!failed && <span className="spinner" aria-hidden="true" />}
          {headline}
        </div>
        {reason && (
          <div className="connection-card__reason">
            {t('connection.reason')}: <code>{reason}</code>
          </div>
        )}
        {status === 'rejected' && <p className="connection-card__hint">{t('connection.rejectedHint')}</p>}
      </div>
    </div>
  );
}
