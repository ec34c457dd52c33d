import { useT } from '../../i18n/useI18n.js';
import { faqUi, useFaqUi } from '../../state/faqUi.js';
import { ToolButton } from '../common/ToolButton.js';
import { FAQ_LIBRARY_SHORTCUT } from './useFaqLibraryShortcut.js';

/** Top-bar button: opens the 话术库. */
export function FaqLibraryButton() {
  const t = useT();
  const open = useFaqUi((s) => s.open);
  return (
    <ToolButton
      testId="faq-open"
      icon="❝"
      iconClassName="faq-open-icon"
      label={t('faq.open')}
      aria-label={t('faq.open')}
      title={t('faq.openTitle')}
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-keyshortcuts={FAQ_LIBRARY_SHORTCUT}
      onClick={() => faqUi.open('entries')}
    />
  );
}
