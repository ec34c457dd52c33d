import { useT } from '../../i18n/useI18n.js';
import { settingsUi, useSettingsUi } from '../../state/settingsUi.js';

export function SettingsButton() {
  const t = useT();
  const open = useSettingsUi((s) => s.open);
  return (
    <button
      type="button"
      aria-label={t('settings.open')}
      className="tool-button"
      data-testid="settings-open"
      title={t('settings.openTitle')}
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-keyshortcuts="Control+Comma"
      onClick={() => settingsUi.open('source')}
    >
      <span aria-hidden="true">⚙</span> <span className="tool-button__label">{t('settings.open')}</span>
    </button>
  );
}
