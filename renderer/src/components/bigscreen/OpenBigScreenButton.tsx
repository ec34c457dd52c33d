import { useT } from '../../i18n/useI18n.js';
import { openBigScreen } from './route.js';
import { ToolButton } from '../common/ToolButton.js';

/** Top-bar button: the big-screen view in a window of its own (a TV, a second monitor). */
export function OpenBigScreenButton() {
  const t = useT();
  return (
    <ToolButton
      testId="open-bigscreen"
      icon="⛶"
      label={t('bigscreen.open')}
      aria-label={t('bigscreen.open')}
      title={t('bigscreen.openTitle')}
      onClick={openBigScreen}
    />
  );
}
