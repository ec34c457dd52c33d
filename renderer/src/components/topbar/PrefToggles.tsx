import { useT } from '../../i18n/useI18n.js';
import { usePrefsStore } from '../../state/prefsStore.js';
import { ToolButton } from '../common/ToolButton.js';

export function LangToggle() {
  const t = useT();
  const toggleLocale = usePrefsStore((s) => s.toggleLocale);
  return (
    <ToolButton
      testId="lang-toggle"
      icon="文/A"
      label={t('lang.switch')}
      collapsible={false}
      title={t('lang.toggleTitle')}
      onClick={toggleLocale}
    />
  );
}

export function ThemeToggle() {
  const t = useT();
  const theme = usePrefsStore((s) => s.theme);
  const toggleTheme = usePrefsStore((s) => s.toggleTheme);
  // The button names the theme it switches to.
  const target = theme === 'dark' ? 'light' : 'dark';
  return (
    <ToolButton
      testId="theme-toggle"
      icon={target === 'light' ? '☀' : '☾'}
      label={t(`theme.${target}`)}
      collapsible={false}
      data-theme-current={theme}
      title={t('theme.toggleTitle')}
      onClick={toggleTheme}
    />
  );
}
