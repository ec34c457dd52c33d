import { useT } from '../../i18n/useI18n.js';
import { goTo, goToBoard, historyHash, useHistoryRoute } from '../../state/hashRoute.js';

/** Top-bar button: the list of past shows (or back to the live board from there). */
export function HistoryButton() {
  const t = useT();
  const onHistory = useHistoryRoute() !== null;
  return (
    <button
      type="button"
      aria-label={t('history.open')}
      className={`tool-button${onHistory ? ' is-active' : ''}`}
      data-testid="history-open"
      title={onHistory ? t('history.back') : t('history.openTitle')}
      aria-pressed={onHistory}
      onClick={() => (onHistory ? goToBoard() : goTo(historyHash({ page: 'list' })))}
    >
      <span aria-hidden="true">☰</span> <span className="tool-button__label">{t('history.open')}</span>
    </button>
  );
}
