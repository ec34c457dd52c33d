import { useT } from '../../i18n/useI18n.js';
import { goTo, goToBoard, historyHash, useHistoryRoute } from '../../state/hashRoute.js';
import { ToolButton } from '../common/ToolButton.js';

/** Top-bar button: the list of past shows (or back to the live board from there). */
export function HistoryButton() {
  const t = useT();
  const onHistory = useHistoryRoute() !== null;
  return (
    <ToolButton
      testId="history-open"
      icon="☰"
      label={t('history.open')}
      className={onHistory ? 'is-active' : undefined}
      aria-label={t('history.open')}
      title={onHistory ? t('history.back') : t('history.openTitle')}
      aria-pressed={onHistory}
      onClick={() => (onHistory ? goToBoard() : goTo(historyHash({ page: 'list' })))}
    />
  );
}
