import { useT } from '../../i18n/useI18n.js';
import { openBigScreen } from './route.js';

/** Top-bar button: the big-screen view in a window of its own (a TV, a second monitor). */
export function OpenBigScreenButton() {
  const t = useT();
  return (
    <button
      type="button"
      aria-label={t('bigscreen.open')}
      className="tool-button"
      data-testid="open-bigscreen"
      title={t('bigscreen.openTitle')}
      onClick={openBigScreen}
    >
      <span aria-hidden="true">⛶</span> <span className="tool-button__label">{t('bigscreen.open')}</span>
    </button>
  );
}
