import { useT } from '../../i18n/useI18n.js';
import { settingsUi, useSettingsUi } from '../../state/settingsUi.js';
import { ToolButton } from '../common/ToolButton.js';

export function SettingsButton() {
  const t = useT();
  const open = useSettingsUi((s) => s.open);
  return (
    <ToolButton
      testId="settings-open"
      icon="⚙"
      label={t('settings.open')}
      aria-label={t('settings.open')}
      title={t('settings.openTitle')}
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-keyshortcuts="Control+Comma"
      onClick={() => settingsUi.open('source')}
    />
  );
}
