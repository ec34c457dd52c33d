import { useT } from '../../i18n/useI18n.js';
import { usePrefsStore } from '../../state/prefsStore.js';

export function LangToggle() {
  const t = useT();
  const toggleLocale = usePrefsStore((s) => s.toggleLocale);
  return (
    <button
      type="button"
      className="tool-button"
      data-testid="lang-toggle"
      title={t('lang.toggleTitle')}
      onClick={toggleLocale}
    >
      <span aria-hidden="true">文/A</span> {t('lang.switch')}
    </button>
  );
}

export function ThemeToggle() {
  const t = useT();
  const theme = usePrefsStore((s) => s.theme);
  const toggleTheme = usePrefsStore((s) => s.toggleTheme);
  // The button names the theme it switches to.
  const target = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="tool-button"
      data-testid="theme-toggle"
      data-theme-current={theme}
      title={t('theme.toggleTitle')}
      onClick={toggleTheme}
    >
      <span aria-hidden="true">{target === 'light' ? '☀' : '☾'}</span> {t(`theme.${target}`)}
    </button>
  );
}
